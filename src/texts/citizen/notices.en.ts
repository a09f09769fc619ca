/** Notices of agents' actions and the after-close question, in English (see notices.types.ts). */
import type { NoticePrompts } from './notices.types';

export const noticesEn: NoticePrompts = {
  head: { citizen: (ticket) => `Report ${ticket}: `, follower: (ticket) => `Report ${ticket}, which you follow: ` },
  take: 'an officer of the Municipal Police has taken it in charge and is reviewing it.',
  askInfo: (question) =>
    `the Municipal Police would like a few more details:\n“${question}”\nPlease answer here in the chat (you can also send a photo).`,
  dispatch: 'a patrol has been sent to the place. Thank you for your help.',
  close: {
    intervention_done: 'the Municipal Police intervened and the report has been closed. Thank you for your help.',
    nothing_found:
      'a patrol checked the place and did not find the situation you described. The report has been closed: thank you for your attention all the same.',
    not_our_competence:
      'the situation is not a matter for the Municipal Police and the report has been closed. For this kind of problem please contact the relevant office of the Municipality.',
    false_alarm: 'after checking, the report has been closed. Thank you for your attention.',
  },
  closingWords: (message) => `\n«${message}»`,
  reject: 'after review, the report has been closed without further action by the Municipal Police.',
  duplicate: 'the same situation had already been reported and the Municipal Police are following it. Thank you for reporting it.',
  merged: (into) =>
    `the same situation had already been reported (report ${into}) and the Municipal Police are following it. We merged it into that one: the Municipal Police also see your description and photos, and I will write here with the updates of report ${into}.`,
  emergency: 'In an emergency always call 112.',
  resolution: {
    question: (ticket) => `Report ${ticket}: has the problem been solved? Tap an answer below.`,
    choices: { solved: 'Yes, solved', not_solved: 'No', still_there: 'It’s still there' },
  },
  advisory: {
    head: (p) =>
      `📢 Advisory from the Municipality of ${p.municipality}${p.zones ? ` for ${p.zoneCount > 1 ? 'the areas' : 'the area'} ${p.zones}` : ''}:`,
    footer: 'You receive this because you turned on area alerts. Write «alerts» to see or remove them, «STOP» to turn them all off.',
  },
};
