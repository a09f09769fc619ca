/**
 * Alerts for urgent reports: once an agent turns them on (a click, so the browser may ask for the
 * notification permission and allow sound), every new report at or above the municipality's alert
 * priority plays a short tone and shows a desktop notification (Web Notifications API) with the
 * ticket, category and priority — never anything about the citizen — in the panels of the team
 * concerned (a team with `alertCategories` in the profile is alerted only for those categories; an
 * operator without a team, for all). A citizen's message that reads like an emergency alerts every
 * panel. Off by default; remembered in this browser.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiRequest } from '../api/client';
import type { ReportDetailResponse } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useShiftText } from '../i18n/shift.dictionary';
import { categoryName } from '../components/queue-table';
import { useMeta } from './meta';
import { useEmergencyEvents, useReportEvents } from './server-events';
import { useOperator } from './auth';
import { useStaffText } from '../i18n/staff.dictionary';

const STORAGE_KEY = 'vicinato.alerts';
type Alerts = { enabled: boolean; enable(): Promise<void> };
const AlertsContext = createContext<Alerts | null>(null);

/** A short two-note tone through Web Audio (no sound file to serve). */
function playTone(ctx: AudioContext) {
  const now = ctx.currentTime;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.2, now + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.25 + 0.22);
    osc.connect(gain).connect(ctx.destination);
    osc.start(now + i * 0.25);
    osc.stop(now + i * 0.25 + 0.22);
  }
}

export function AlertsProvider({ children }: { children: ReactNode }) {
  const meta = useMeta();
  const st = useShiftText();
  const sf = useStaffText();
  const { language } = useI18n();
  const operator = useOperator();
  const [enabled, setEnabled] = useState(() => window.localStorage.getItem(STORAGE_KEY) === 'on');
  const audio = useRef<AudioContext | undefined>(undefined);
  const alerted = useRef(new Set<string>());

  const enable = useCallback(async () => {
    // Both need a user gesture: this runs from the button's click.
    if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
    audio.current ??= new AudioContext();
    await audio.current.resume().catch(() => undefined);
    window.localStorage.setItem(STORAGE_KEY, 'on');
    setEnabled(true);
  }, []);

  useReportEvents((e) => {
    if (!enabled || e.type !== 'report.created' || !meta || alerted.current.has(e.reportId)) return;
    alerted.current.add(e.reportId);
    void apiRequest<ReportDetailResponse>(`/api/reports/${encodeURIComponent(e.reportId)}`, { background: true }).then(
      ({ report }) => {
        if (report.priority < meta.alertPriority) return;
        const categories = meta.teams.find((t) => t.id === operator.team)?.alertCategories;
        if (categories && !categories.includes(report.categoryId)) return;
        audio.current ??= new AudioContext();
        playTone(audio.current);
        if ('Notification' in window && Notification.permission === 'granted') {
          const n = new Notification(st('alertTitle', { ticket: report.ticketCode }), {
            body: st('alertBody', {
              category: categoryName(meta, report.categoryId, report.categoryLabel, language),
              priority: Math.round(report.priority),
            }),
            tag: report.id,
          });
          n.onclick = () => {
            window.focus();
            window.location.assign(`/reports/${encodeURIComponent(report.id)}`);
          };
        }
      },
      () => undefined,
    );
  });

  useEmergencyEvents((e) => {
    if (!enabled) return;
    audio.current ??= new AudioContext();
    playTone(audio.current);
    if ('Notification' in window && Notification.permission === 'granted')
      new Notification(sf('emergencyTitle'), { body: sf('emergencyBody', { channel: e.channel }), tag: `emergency-${Date.now()}` });
  });

  const value = useMemo(() => ({ enabled, enable }), [enabled, enable]);
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): Alerts {
  const ctx = useContext(AlertsContext);
  if (!ctx) throw new Error('useAlerts outside AlertsProvider');
  return ctx;
}

/** The header's switch. */
export function AlertsSwitch() {
  const st = useShiftText();
  const { enabled, enable } = useAlerts();
  if (enabled) return <span className="alerts-on">{st('alertsOn')}</span>;
  return (
    <button type="button" className="button-secondary" onClick={() => void enable()}>
      {st('alertsEnable')}
    </button>
  );
}
