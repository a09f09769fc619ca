/** What the channel adapters say themselves, in English (see channels.types.ts). */
import type { ChannelPrompts } from './channels.types';

export const channelsEn: ChannelPrompts = {
  telegram: {
    locationButton: '📍 Send my location',
    groupNotice: (link) =>
      `This bot works in private chat only: message me directly${link}. I collect nothing here. In an emergency call 112.`,
    commands: {
      start: 'Start a report',
      annulla: 'Cancel the current report',
      stato: 'The status of my reports',
      aiuto: 'How it works',
      privacy: 'How your data is handled',
      lingua: 'Change language (italiano / English)',
    },
  },
  whatsappLocationHint: '📎 → Location',
  whatsappCloud: {
    listButton: 'Choose',
    locationHint: '📎 To send your location tap the paper clip (or +) and choose «Location».',
  },
  apology: 'Sorry: we could not process your last message. Please try again in a few minutes. For emergencies call 112.',
};
