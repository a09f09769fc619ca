/**
 * The few words the channel adapters show themselves (everything else comes from the dialog) and
 * the apology sent when a message could not be processed. Part of ReportPrompts as `channels`.
 */

/** The Telegram command menu (setMyCommands): the command names are the Italian words in every language. */
export type TelegramCommand = 'start' | 'annulla' | 'stato' | 'aiuto' | 'privacy' | 'lingua';

export type ChannelPrompts = {
  telegram: {
    /** The reply keyboard's "send my location" button. */
    locationButton: string;
    /** Shown once in a group chat (both languages are sent: a group is mixed). `link` is "" or " https://t.me/…". */
    groupNotice(link: string): string;
    commands: Record<TelegramCommand, string>;
  };
  /** WhatsApp Web: where "send a pin" is hidden (the paper clip, then "Posizione" / "Location"). */
  whatsappLocationHint: string;
  whatsappCloud: {
    /** The label of a list's menu button. */
    listButton: string;
    /** Appended when the API version has no location request message. */
    locationHint: string;
  };
  /** Said when a message could not be processed after every retry (both languages are sent). */
  apology: string;
};
