/**
 * A report's history for the detail page: what the citizen sent, what the bot and the agents
 * told them, and every action, merged by time. Identities never appear; audit details are shown
 * as the agent wrote them.
 */
import type { AuditEntry, InboxRecord, OutboundRecord, ReportNote, ReportView } from '../domain/ports';
import type { InboundPayload } from '../domain/message';
import type { OperatorNames } from './operator-names';
import { ACTION_LABELS, OUTCOME_LABELS, RESOLUTION_LABELS, labelOf } from './panel-labels';
import type { PanelLang } from './panel-messages';
import { photoUrl } from './report.presenter';
import { panelTexts } from '../texts/panel';

export type TimelineItem = {
  at: Date;
  /** `note`: an agent's internal note, never shown to the citizen. */
  kind: 'inbound' | 'outbound' | 'action' | 'note';
  text: string;
  /** Display name of the operator (actions). */
  actor?: string;
  /** Delivery state of a message to the citizen (outbound). */
  state?: string;
  /** The action code (actions): take, dispatch, identity.reveal... */
  action?: string;
  photoUrl?: string;
  /** A kept voice note (VOICE_NOTES_KEEP_AUDIO), played through the audited route. */
  audioUrl?: string;
};

function inboundText(p: InboundPayload, lang: PanelLang): string {
  const t = panelTexts[lang].server.timeline;
  switch (p.kind) {
    case 'text':
      return p.text;
    case 'location':
      return `📍 ${t.location} ${p.point.lat.toFixed(5)}, ${p.point.lng.toFixed(5)}${p.label ? ` (${p.label})` : ''}`;
    case 'photo':
      if (!p.mediaRef) return `📷 ${t.photoNotReceived}`;
      return `📷 ${t.photo}${p.caption ? `: ${p.caption}` : ''}`;
    case 'audio':
      return `🎤 ${p.mediaRef ? t.voice : t.voiceNotReceived}`;
    case 'other':
      return t.unsupported.replace('{type}', p.platformType);
  }
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function actionText(e: AuditEntry, lang: PanelLang, names?: OperatorNames, teamName?: (id: string) => string | undefined): string {
  const d = e.details ?? {};
  const label = labelOf(ACTION_LABELS, e.action, lang);
  const parts: string[] = [];
  if (e.action === 'dispatch' && str(d.unit)) parts.push(String(d.unit));
  if (e.action === 'close' && str(d.outcome)) parts.push(labelOf(OUTCOME_LABELS, String(d.outcome), lang));
  if (e.action === 'mark_duplicate' && str(d.duplicateOf)) parts.push(String(d.duplicateOf));
  if ((e.action === 'merge' || e.action === 'unmerge') && str(d.from)) parts.push(String(d.from));
  if (e.action === 'reject' && str(d.reason)) parts.push(String(d.reason));
  if (e.action === 'assign')
    parts.push(
      [str(d.to) ? names?.nameOf(String(d.to)) : undefined, str(d.team) ? (teamName?.(String(d.team)) ?? String(d.team)) : undefined]
        .filter(Boolean)
        .join(', '),
    );
  if ((e.action === 'assign' || e.action === 'release' || e.action === 'citizen.block' || e.action === 'citizen.unblock') && str(e.reason)) parts.push(String(e.reason));
  if (e.action === 'citizen.add') parts.push(d.photo ? panelTexts[lang].server.timeline.addedPhoto : panelTexts[lang].server.timeline.addedMessage);
  if (e.action === 'citizen.resolution' && str(d.answer)) parts.push(labelOf(RESOLUTION_LABELS, String(d.answer), lang));
  if (e.action === 'citizen.follow_up' && str(d.of)) parts.push(String(d.of));
  if (e.action === 'reopen' && e.actor === 'citizen' && str(d.answer))
    parts.push(panelTexts[lang].server.timeline.notSolved);
  if (str(d.note)) parts.push(String(d.note));
  return parts.length ? `${label}: ${parts.join(' — ')}` : label;
}

export function buildTimeline(
  report: ReportView,
  sources: { inbound: InboxRecord[]; outbound: OutboundRecord[]; audit: Array<AuditEntry & { at: Date }>; notes?: ReportNote[] },
  ctx: { lang: PanelLang; names: OperatorNames; teamName?: (id: string) => string | undefined; voiceNotesKept?: boolean },
): TimelineItem[] {
  const photos = new Set(report.photoRefs);
  const items: TimelineItem[] = [
    { at: report.createdAt, kind: 'action', action: 'created', text: labelOf(ACTION_LABELS, 'created', ctx.lang) },
  ];
  const seenMessages = new Set<string>();
  // Attached details name their message by a hashed key (flows/message-key.ts): matched by time and content instead.
  const seenContent = new Set<string>();
  for (const m of sources.inbound) {
    seenMessages.add(m.messageId);
    const content = m.payload.kind === 'photo' ? m.payload.mediaRef : m.payload.kind === 'text' ? m.payload.text : undefined;
    if (content) seenContent.add(`${m.receivedAt.getTime()}|${content}`);
    const ref = m.payload.kind === 'photo' ? m.payload.mediaRef : undefined;
    items.push({
      at: m.receivedAt,
      kind: 'inbound',
      text: inboundText(m.payload, ctx.lang),
      ...(ref && photos.has(ref) ? { photoUrl: photoUrl(report.id, ref) } : {}),
      ...(ctx.voiceNotesKept && m.payload.kind === 'audio' && m.payload.mediaRef
        ? { audioUrl: `/api/reports/${report.id}/voice-notes/${encodeURIComponent(m.payload.mediaRef)}` }
        : {}),
    });
  }
  // Answers attached by the dialog whose inbound message is not linked to the report.
  for (const info of report.citizenInfo) {
    if (seenMessages.has(info.messageId)) continue;
    if (seenContent.has(`${info.at.getTime()}|${info.mediaRef ?? info.text}`)) continue;
    items.push({
      at: info.at,
      kind: 'inbound',
      text: info.text ?? (info.mediaRef ? `📷 ${panelTexts[ctx.lang].server.timeline.photo}` : ''),
      ...(info.mediaRef ? { photoUrl: photoUrl(report.id, info.mediaRef) } : {}),
    });
  }
  for (const m of sources.outbound) items.push({ at: m.createdAt, kind: 'outbound', text: m.text, state: m.state });
  for (const n of sources.notes ?? []) items.push({ at: n.at, kind: 'note', text: n.text, actor: ctx.names.nameOf(n.author) });
  // A note's audit entry only says that it was written: the note itself is on the timeline.
  for (const e of sources.audit.filter((a) => a.action !== 'note.add'))
    items.push({
      at: e.at,
      kind: 'action',
      action: e.action,
      text: actionText(e, ctx.lang, ctx.names, ctx.teamName),
      actor: ctx.names.nameOf(e.actor),
    });
  // Stable sort: equal times keep the order above (received, messages, actions).
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}
