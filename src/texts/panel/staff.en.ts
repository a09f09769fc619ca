/** The staff bot in the panel (linking Telegram, dispatch to a patrol's phone, on call, emergency alerts): in English, with exactly the Italian keys. */
import type { StaffKey } from './staff.it';

export const staffEn: Record<StaffKey, string> = {
  telegramTitle: 'Telegram (staff bot)',
  telegramIntro:
    'Link your Telegram to receive on your phone the dispatches assigned to you and, when on call, urgent alerts outside service hours.',
  telegramOff: 'The staff bot is not configured in this installation.',
  telegramLinked: 'Linked since {date}.',
  telegramNotLinked: 'Not linked.',
  telegramNewCode: 'Create a link code',
  telegramCode: 'Write this code to the staff bot on Telegram before {time}: {code}',
  telegramUnlink: 'Unlink Telegram',
  telegramUnlinked: 'Telegram unlinked.',
  telegramOnCall: 'You are marked as on call.',
  dispatchPhone: 'Send to the phone of (staff bot)',
  dispatchPhoneNone: 'Nobody: control room only',
  dispatchPhoneHint: 'The operator gets the ticket, category, place with a map and description, and answers with buttons.',
  dispatchPhoto: 'Include the photos (the sending is kept in the access log)',
  onCallTitle: 'On call',
  onCallIntro: 'On-call operators linked to Telegram get urgent reports and emergency-like messages outside service hours.',
  onCallNone: 'No operator has linked Telegram.',
  onCallToggle: 'On call: {name}',
  emergencyTitle: 'Possible emergency',
  emergencyBody: 'A citizen wrote a message that reads like an emergency ({channel}); the bot told them to call 112.',
};
