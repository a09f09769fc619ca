/** What the staff bot writes to operators on Telegram, in English (the same keys as staff-bot.it.ts). */
import type { StaffBotTexts } from './staff-bot.it';

export const staffBotEn: StaffBotTexts = {
  outcomeButtons: {
    intervention_done: 'Intervention done',
    nothing_found: 'Nothing found',
    not_our_competence: 'Not our competence',
    false_alarm: 'False alarm',
  },
  welcome: 'This is the Vicinato staff bot. To link your account open the panel, «Account» page, create a code and write it here.',
  linked: (name: string) => `✅ Account linked: ${name}. You will get your dispatches here and, when on call, urgent alerts.`,
  badCode: 'Invalid or expired code. Create a new one on the panel’s «Account» page.',
  notLinked: 'This Telegram account is not linked to an active operator. Link it from the panel’s «Account» page.',
  dispatch: (p: {
    ticket: string;
    category: string;
    place: string;
    description: string;
    /** The citizen's time words as written ("stanotte"), when the report has some. */
    observed?: string;
    priority: number;
    by: string;
    note?: string;
    link?: string;
  }) =>
    [
      `🚓 Dispatch ${p.ticket}`,
      `Category: ${p.category}`,
      `Place: ${p.place}`,
      `Priority: ${p.priority}`,
      ...(p.observed ? [`When (citizen's words): ${p.observed}`] : []),
      `Description: ${p.description}`,
      ...(p.note ? [`Control room note: ${p.note}`] : []),
      `Sent by: ${p.by}`,
      ...(p.link ? [`Panel: ${p.link}`] : []),
      '',
      'Reply to this message to add a note.',
    ].join('\n'),
  accept: '👍 Accepted',
  onSite: '📍 On site',
  close: '✅ Close…',
  note: '📝 Note',
  back: '↩︎ Back',
  accepted: (t: string) => `Accepted recorded for ${t}.`,
  onSiteDone: (t: string) => `Arrival on site recorded for ${t}.`,
  closed: (t: string, outcome: string) => `${t} closed: ${outcome}. The citizen has been told.`,
  chooseOutcome: (t: string) => `Outcome of ${t}:`,
  notePrompt: (t: string) => `Write the note for ${t} as a reply to this message.`,
  noteAdded: (t: string) => `📝 Note added to ${t}.`,
  alreadyDone: 'Already recorded.',
  notYours: 'This dispatch is not (or no longer) yours.',
  notDispatched: (t: string, status: string) => `${t} is no longer dispatched (status: ${status}).`,
  unknownReport: 'Report not found.',
  replyToNote: 'To add a note, reply to the dispatch message.',
  page: (p: { ticket: string; category: string; zone: string; priority: number; link?: string }) =>
    [
      `🔔 Urgent report outside service hours: ${p.ticket}`,
      `Category: ${p.category}`,
      `Zone: ${p.zone}`,
      `Priority: ${p.priority}`,
      ...(p.link ? [`Panel: ${p.link}`] : []),
    ].join('\n'),
  emergencyPage: (p: { channel: string; time: string; link?: string }) =>
    [
      `🚨 A citizen wrote a message that reads like an emergency (${p.channel}, at ${p.time}).`,
      'The bot told them to call 112.',
      ...(p.link ? [`Panel: ${p.link}`] : []),
    ].join('\n'),
  unlinked: 'The link with the panel has been removed.',
  unknownZone: 'unknown zone',
};
