/** The citizen's data rights in English (see rights.types.ts). */
import type { LimitPrompts, RightsPrompts } from './rights.types';

export const limitsEn: LimitPrompts = {
  blocked: (until) => `The municipal police suspended messages from this contact until ${until}: until then they will not be read. For emergencies call 112.`,
  tooFast: '✋ You are sending many messages in a short time: wait a minute, then carry on. For emergencies call 112.',
  reportsPerDay: (max) =>
    `You have already sent ${max} reports in the last 24 hours, the most for one day: this one was not sent, I am keeping it. Try again later by writing "Send". For emergencies call 112.`,
};

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const rightsEn: RightsPrompts = {
  retention: ({ messagesDays, identityLinkMonths, auditYears, photosMonths }) =>
    `How long: the chat's messages and the conversation ${messagesDays} days; the link between you and a closed report ${identityLinkMonths} months, then the report stays without you; the photos of a closed report ${photosMonths} months; the log of the officers' operations ${auditYears} years.`,
  words: {
    myData: ['my data', 'my personal data', 'what data do you have', 'what do you know about me', 'personal data'],
    export: ['copy of my data', 'export my data', 'download my data', 'my data file', 'data portability'],
    erase: ['delete my data', 'erase my data', 'remove my data', 'delete all my data', 'forget me', 'right to be forgotten'],
    withdraw: ['withdraw consent', 'i withdraw my consent', 'withdraw my consent', 'revoke consent', 'i object to processing'],
  },
  howTo:
    'You can exercise your rights here too: write "my data" to see what we hold, "copy of my data" to get a copy, "delete my data" to erase it, "withdraw consent" to withdraw your consent.',
  data: {
    title: (town) => `📄 The data the Municipality of ${town} holds about you:`,
    consent: ({ version, at }) => `• Privacy notice: version ${version}, accepted on ${at}.`,
    noConsent: '• Privacy notice: not accepted (or consent withdrawn).',
    reports: (lines) => ['• Reports you sent:', ...lines].join('\n'),
    noReports: '• Reports you sent: none.',
    followed: (lines) => ["• Others' reports you confirmed and follow:", ...lines].join('\n'),
    alerts: (count) => `• Active area alerts: ${count}.`,
    messages: (count) => `• Messages you wrote to us, kept: ${count}.`,
    contact: '• Your contact on this channel: used only to answer you, seen only by the municipal police officers.',
    noContact: '• Your contact: not kept.',
    next: 'Write "copy of my data" to get a full copy, "delete my data" to erase it, "withdraw consent" to withdraw your consent.',
  },
  export: {
    intro: '📎 Here is the full copy of your data (JSON format, machine-readable):',
    part: ({ index, total }) => `(part ${index} of ${total})`,
  },
  erase: {
    explain: ({ tickets }) =>
      [
        'If you confirm I will delete: your contact, your area alerts, the messages of this chat and the conversation.',
        tickets.length
          ? `The reports already handed to the municipal police (${tickets.join(', ')}) are kept, but with no link to you any more, for the time the retention policy sets (write "privacy"). You will no longer get their updates.`
          : 'You have sent no reports: nothing about you will remain.',
      ].join('\n\n'),
    prompt: 'Do you confirm the deletion? It cannot be undone.',
    choices: {
      labels: { yes: 'Yes, delete', no: 'No, keep it' },
      words: { yes: ['yes', 'confirm', 'delete', 'go ahead'], no: ['no', 'keep it', 'do not delete', 'no thanks'] },
    },
    help: 'Answer "Yes, delete" to delete your data as explained above, or "No, keep it".',
    notUnderstood: 'Sorry, I did not understand: answer "Yes, delete" or "No, keep it".',
    done: ({ reports, alerts, messages }) =>
      `✅ Done: I deleted your contact, ${plural(alerts, 'area alert', 'area alerts')}, ${plural(messages, 'message', 'messages')} and the conversation.${
        reports ? ` ${reports === 1 ? 'The report stays' : `The ${reports} reports stay`} with the municipal police without the link to you.` : ''
      } If you write again we will start from scratch, like the first time.`,
    kept: 'OK, I deleted nothing.',
  },
  withdraw: {
    done: 'You withdrew your consent: from now on I will not process your messages, and you will get no more updates or alerts. The reports you already sent stay with the municipal police, who need them for their task. To delete your data too, write "delete my data". If you change your mind, write to me: I will show you the privacy notice again.',
  },
};
