/**
 * Telling citizens about an agent's action on a report: the report's own citizen and every follower
 * (who confirmed it, or whose report was merged into it), each in their language, one message per
 * citizen with its own idempotent outboundId, recorded in the outbound log and then queued on its
 * channel. Reports name citizens only by citizenRef: the chat is looked up in the identity store. A failure for one chat is logged and does not stop the others.
 */
import type { OutboundMessage } from '../../domain/message';
import { FOLLOWER_NOTIFIED_ACTIONS, type CitizenNotice, type NoticeReader } from '../../domain/notifications';
import { citizenNoticeText } from '../../texts/citizen/notice-text';
import type { ConfirmationStore, IdentityStore, JobScheduler, OutboundLog, ReportFollower, ReportView } from '../../domain/ports';
import type { ReportAction } from '../../domain/report';
import type { Logger } from '../../log/logger';

type Recipient = Pick<ReportFollower, 'citizenRef' | 'channel' | 'language'> & { reader: NoticeReader };

/** The chat a citizen is reached on, from the identity store (reports keep no platform identity). */
export type ChatOf = (citizenRef: string) => string | undefined;

/** The report's citizen first, then each follower once (a citizen already reached is skipped). */
export function noticeRecipients(report: ReportView, followers: readonly ReportFollower[], action: ReportAction): Recipient[] {
  // A citizen who withdrew consent (flows/data-rights.ts) gets no more updates.
  const out: Recipient[] = report.citizenOptedOut
    ? []
    : [{ citizenRef: report.citizenRef, channel: report.channel, language: report.language, reader: 'citizen' }];
  if (!FOLLOWER_NOTIFIED_ACTIONS.includes(action)) return out;
  const seen = new Set([report.citizenRef]);
  for (const f of followers) {
    if (seen.has(f.citizenRef)) continue;
    seen.add(f.citizenRef);
    out.push({ citizenRef: f.citizenRef, channel: f.channel, language: f.language, reader: 'follower' });
  }
  return out;
}

/**
 * The messages for one action. The citizen's outboundId is `<report>:<action>:<version>` (as before
 * followers existed); a follower's adds their citizenRef, so each citizen gets the update exactly
 * once. A citizen whose chat is unknown (no identity recorded) is skipped.
 */
export function noticeMessages(
  report: ReportView,
  followers: readonly ReportFollower[],
  action: ReportAction,
  notice: CitizenNotice,
  chatOf: ChatOf,
): OutboundMessage[] {
  const base = `${report.id}:${action}:${report.version}`;
  return noticeRecipients(report, followers, action).flatMap((r) => {
    const chatId = chatOf(r.citizenRef);
    if (!chatId) return [];
    return [
      {
        channel: r.channel,
        chatId,
        text: citizenNoticeText(notice, report.ticketCode, r.language, r.reader),
        language: r.language,
        purpose: 'status-update' as const,
        reportId: report.id,
        outboundId: r.reader === 'citizen' ? base : `${base}:${r.citizenRef}`,
      },
    ];
  });
}

/** Looks up the chats of the given citizens in the identity store. */
export async function chatsOf(identities: Pick<IdentityStore, 'get'>, citizenRefs: readonly string[]): Promise<ChatOf> {
  const found = new Map<string, string>();
  for (const ref of new Set(citizenRefs)) {
    const identity = await identities.get(ref);
    if (identity) found.set(ref, identity.chatId);
  }
  return (ref) => found.get(ref);
}

export async function sendNotices(
  deps: { outbound: OutboundLog; scheduler: JobScheduler; logger: Logger },
  messages: readonly OutboundMessage[],
): Promise<void> {
  for (const msg of messages) {
    try {
      await deps.outbound.record(msg);
      await deps.scheduler.enqueueOutbound(msg);
    } catch (err) {
      deps.logger.error(`notice ${msg.outboundId} for report ${msg.reportId} failed: ${(err as Error).message}`);
    }
  }
}

/** An action's notice to the report's citizen and its followers (nothing for an internal action). */
export async function notifyReportCitizens(
  deps: {
    outbound: OutboundLog;
    scheduler: JobScheduler;
    logger: Logger;
    confirmations: Pick<ConfirmationStore, 'get'>;
    identities: Pick<IdentityStore, 'get'>;
  },
  report: ReportView,
  action: ReportAction,
  notice: CitizenNotice | undefined,
): Promise<void> {
  if (!notice) return;
  let followers: ReportFollower[] = [];
  try {
    followers = (await deps.confirmations.get(report.id))?.followers ?? [];
  } catch (err) {
    // The citizen is still told; the followers' copies are what a retry of the action cannot redo.
    deps.logger.error(`followers of report ${report.id} could not be read: ${(err as Error).message}`);
  }
  const chatOf = await chatsOf(deps.identities, [report.citizenRef, ...followers.map((f) => f.citizenRef)]);
  await sendNotices(deps, noticeMessages(report, followers, action, notice, chatOf));
}
