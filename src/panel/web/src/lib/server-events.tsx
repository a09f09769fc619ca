/**
 * One EventSource on /api/events for the signed-in panel. Pages subscribe to `report.created` and
 * `report.updated`; the browser reconnects by itself, and the connection state is shown to agents.
 */
import { apiRequest } from '../api/client';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** `note.added`: an internal note on the report; `mentions` are the usernames it names. */
export type ReportEvent = {
  type: 'report.created' | 'report.updated' | 'note.added';
  reportId: string;
  status?: string;
  mentions?: string[];
};
type Listener = (e: ReportEvent) => void;
/** A citizen's message read like an emergency: only the channel is known here, nothing about who. */
export type EmergencyEvent = { channel: string };
type EmergencyListener = (e: EmergencyEvent) => void;
type ServerEvents = { connected: boolean; subscribe(l: Listener): () => void; subscribeEmergencies(l: EmergencyListener): () => void };

const RECONNECT_MS = 5_000;
const EVENT_TYPES = ['report.created', 'report.updated', 'note.added'] as const;
const ServerEventsContext = createContext<ServerEvents | null>(null);

function parse(type: string, data: string): ReportEvent | undefined {
  try {
    const body = JSON.parse(data) as { type?: string; reportId?: unknown; status?: unknown; mentions?: unknown };
    const t = (EVENT_TYPES as readonly string[]).includes(type) ? type : body.type;
    if ((t === 'report.created' || t === 'report.updated' || t === 'note.added') && typeof body.reportId === 'string')
      return {
        type: t,
        reportId: body.reportId,
        status: typeof body.status === 'string' ? body.status : undefined,
        mentions: Array.isArray(body.mentions) ? body.mentions.filter((m): m is string => typeof m === 'string') : undefined,
      };
  } catch {
    // not JSON: ignore
  }
  return undefined;
}

export function ServerEventsProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const emergencyListeners = useRef(new Set<EmergencyListener>());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: number | undefined;
    let stopped = false;
    const dispatch = (type: string) => (e: MessageEvent<string>) => {
      const event = parse(type, e.data);
      if (event) for (const l of listeners.current) l(event);
    };
    const connect = () => {
      source = new EventSource('/api/events');
      for (const type of EVENT_TYPES) source.addEventListener(type, dispatch(type) as EventListener);
      source.addEventListener('citizen.emergency', ((e: MessageEvent<string>) => {
        try {
          const body = JSON.parse(e.data) as { channel?: unknown };
          const event = { channel: typeof body.channel === 'string' ? body.channel : '' };
          for (const l of emergencyListeners.current) l(event);
        } catch {
          // not JSON: ignore
        }
      }) as EventListener);
      source.onmessage = dispatch('message');
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        // The browser retries by itself unless the answer was not an event stream (e.g. 401):
        // then check the session (a 401 leads to the login page) and try again a bit later.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          retry = window.setTimeout(() => {
            void apiRequest('/api/meta', { background: true }).catch(() => undefined);
            if (!stopped) connect();
          }, RECONNECT_MS);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, []);
  const value = useMemo<ServerEvents>(
    () => ({
      connected,
      subscribe(l) {
        listeners.current.add(l);
        return () => listeners.current.delete(l);
      },
      subscribeEmergencies(l) {
        emergencyListeners.current.add(l);
        return () => emergencyListeners.current.delete(l);
      },
    }),
    [connected],
  );
  return <ServerEventsContext.Provider value={value}>{children}</ServerEventsContext.Provider>;
}

export function useServerEvents(): ServerEvents {
  const ctx = useContext(ServerEventsContext);
  if (!ctx) throw new Error('useServerEvents outside ServerEventsProvider');
  return ctx;
}

/** Calls `onEvent` for every report event while the component is mounted. */
export function useReportEvents(onEvent: Listener) {
  const { subscribe } = useServerEvents();
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => subscribe((e) => latest.current(e)), [subscribe]);
}

/** Calls `onEvent` for every emergency-like citizen message while the component is mounted. */
export function useEmergencyEvents(onEvent: EmergencyListener) {
  const { subscribeEmergencies } = useServerEvents();
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => subscribeEmergencies((e) => latest.current(e)), [subscribeEmergencies]);
}
