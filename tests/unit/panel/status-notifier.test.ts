import { describe, expect, it } from 'vitest';
import type { ReportFollower, ReportView } from '../../../src/domain/ports';
import { noticeMessages } from '../../../src/app/citizens/notify-citizens';

const report = {
  id: 'rep1',
  ticketCode: 'VIC-2026-000042',
  channel: 'simulator',
  citizenRef: 'cit_chat-owner',
  language: 'it',
  version: 3,
} as ReportView;

/** The identity store's answer: citizen cit_X chats on X; cit_unknown has no identity. */
const chatOf = (ref: string) => (ref === 'cit_unknown' ? undefined : ref.replace(/^cit_/, ''));

const follower = (chatId: string, language: 'it' | 'en', channel: ReportFollower['channel'] = 'telegram'): ReportFollower => ({
  citizenRef: `cit_${chatId}`,
  channel,
  language,
  since: new Date(),
});

describe('status notices to the citizen and the followers', () => {
  it('sends one message per chat, each in its reader’s language, with its own outboundId', () => {
    const msgs = noticeMessages(report, [follower('f1', 'en'), follower('f2', 'it'), follower('f1', 'en')], 'take', { action: 'take' }, chatOf);
    expect(msgs.map((m) => [m.channel, m.chatId])).toEqual([
      ['simulator', 'chat-owner'],
      ['telegram', 'f1'],
      ['telegram', 'f2'],
    ]);
    expect(msgs[0].text).toMatch(/^Segnalazione VIC-2026-000042: /);
    expect(msgs[1].text).toMatch(/^Report VIC-2026-000042, which you follow: /);
    expect(msgs[2].text).toMatch(/^Segnalazione VIC-2026-000042, che segui: /);
    expect(msgs[0].outboundId).toBe('rep1:take:3');
    expect(new Set(msgs.map((m) => m.outboundId)).size).toBe(3);
    expect(msgs.every((m) => m.purpose === 'status-update' && m.reportId === 'rep1')).toBe(true);
  });

  it('does not send the citizen’s own chat twice when it also follows', () => {
    const msgs = noticeMessages(report, [follower('chat-owner', 'en', 'simulator')], 'dispatch', { action: 'dispatch' }, chatOf);
    expect(msgs).toHaveLength(1);
  });

  it('asks only the report’s citizen for details', () => {
    const msgs = noticeMessages(report, [follower('f1', 'it')], 'ask_info', { action: 'ask_info', question: 'Dove esattamente?' }, chatOf);
    expect(msgs.map((m) => m.chatId)).toEqual(['chat-owner']);
  });

  it('skips a citizen whose chat is not in the identity store', () => {
    const msgs = noticeMessages(report, [follower('unknown', 'it'), follower('f2', 'it')], 'take', { action: 'take' }, chatOf);
    expect(msgs.map((m) => m.chatId)).toEqual(['chat-owner', 'f2']);
  });

  it('tells a merged duplicate’s citizen which ticket they follow now', () => {
    const [msg] = noticeMessages(report, [], 'mark_duplicate', { action: 'mark_duplicate', mergedInto: 'VIC-2026-000007' }, chatOf);
    expect(msg.text).toContain('VIC-2026-000007');
    expect(msg.text).toContain('ti scriverò qui gli aggiornamenti');
  });
});
