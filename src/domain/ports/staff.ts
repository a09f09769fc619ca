/**
 * Ports of the staff bot (a Telegram bot for operators, apart from the citizens' one): the links
 * between operators and their Telegram chats, and the durable outbox of what the bot must send them.
 * Implemented by src/storage; used by src/app/staff and bots/staff-telegram.
 */

/** An operator the staff bot can reach. */
export type LinkedOperator = {
  username: string;
  displayName: string;
  role: string;
  team?: string;
  language: 'it' | 'en';
  onCall: boolean;
  linkedAt: Date;
};

export interface StaffLinkStore {
  /** Stores the hash of a new one-time code for `username` (replacing any earlier one). */
  setLinkCode(username: string, codeHash: string, expiresAt: Date): Promise<boolean>;
  /**
   * Spends a valid, unexpired code of an active operator and links `chatId` to them (a chat linked
   * to someone else is unlinked from them first). null when the code is unknown, spent or expired.
   */
  redeemLinkCode(codeHash: string, chatId: string, now: Date): Promise<LinkedOperator | null>;
  /** Removes the link (and any pending code); false when there was none. */
  unlink(username: string): Promise<boolean>;
  /** The active operator linked to this chat, if any: read on every update, so a disable or an unlink counts at once. */
  operatorByChat(chatId: string): Promise<LinkedOperator | null>;
  /** The chat of an active, linked operator (null when unlinked or disabled: nothing is sent). */
  chatOf(username: string): Promise<string | null>;
  status(username: string): Promise<{ linked: boolean; linkedAt?: Date; codeExpiresAt?: Date; onCall: boolean }>;
  /** Active linked operators (the units a dispatch can be sent to). */
  linkedOperators(): Promise<LinkedOperator[]>;
  setOnCall(username: string, onCall: boolean): Promise<boolean>;
}

/** A button under a staff message: `data` comes back in the callback (at most 64 bytes). */
export type StaffButton = { text: string; data: string };

export type StaffMessage = {
  /** Idempotency key: the same key is queued once (`dispatch:<report>:<version>`, `page:<report>:<user>`...). */
  key: string;
  /** The operator it is for; the chat is looked up when it is sent. */
  operator: string;
  text: string;
  buttons?: StaffButton[][];
  /** Photos of this report to send with it (each send is audited by the caller that queues it). */
  photos?: { reportId: string; mediaRefs: string[] };
  /** The report the message is about (a reply to it becomes a note on that report). */
  reportId?: string;
  /** A place sent as a map pin after the text (Telegram opens it in the phone's maps). */
  place?: { lat: number; lng: number; title: string; address: string };
};

export type StaffOutboxItem = StaffMessage & { id: string; attempts: number };

export interface StaffOutbox {
  /** Queues a message once per key; false when the key was already queued. */
  enqueue(message: StaffMessage): Promise<boolean>;
  /**
   * Claims the next message due (claim before send). A message claimed longer than `staleAfterMs`
   * ago without an outcome (the process died mid-send) is claimed again: sent at least once.
   */
  claimNext(now: Date, staleAfterMs: number): Promise<StaffOutboxItem | null>;
  markSent(id: string, telegramMessageIds: number[]): Promise<void>;
  /** A failed send: retried at `retryAt`, or given up (`retryAt` undefined). */
  markFailed(id: string, error: string, retryAt?: Date): Promise<void>;
  /** The report a sent message was about, by the Telegram message id the operator replied to. */
  reportOfMessage(operator: string, telegramMessageId: number): Promise<string | null>;
}
