/**
 * Brings every stored personal value under the current data key: values under an older key are
 * re-encrypted (key rotation), values written before encryption existed are encrypted, and their
 * blind indexes and message references are added. Idempotent and resumable: a run stopped half way
 * is finished by the next one. Run by `npm run rotate-data-key` (docs/operations.md).
 */
import type { Connection } from 'mongoose';
import { isEncrypted, type FieldCipher } from './field-cipher';

export type ReencryptCounts = Record<string, number>;

type Doc = Record<string, unknown> & { _id: unknown };

/** `path` may be dotted (mfa.secret). */
const valueAt = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);

export async function reencryptPersonalData(conn: Connection, cipher: FieldCipher): Promise<ReencryptCounts> {
  const db = conn.db!;
  const counts: ReencryptCounts = {};
  const stale = (v: unknown) => typeof v === 'string' && v !== '' && (!isEncrypted(v) || cipher.needsRotation(v));

  const sweep = async (collection: string, fields: string[], extra: (doc: Doc) => Record<string, unknown> = () => ({})) => {
    let changed = 0;
    for await (const doc of db.collection<Doc>(collection).find({})) {
      const $set: Record<string, unknown> = { ...extra(doc) };
      for (const f of fields) {
        const v = valueAt(doc, f);
        if (stale(v)) $set[f] = cipher.encrypt(cipher.decrypt(v as string));
      }
      if (Object.keys($set).length) {
        await db.collection<Doc>(collection).updateOne({ _id: doc._id }, { $set });
        changed += 1;
      }
    }
    counts[collection] = changed;
  };

  // The blind index is computed from the plain chat id, read before it is re-encrypted.
  const chatKeyOf = (doc: Doc) =>
    doc.chatKey ? {} : { chatKey: cipher.blindIndex(`${doc.channel}:${cipher.decrypt(String(doc.chatId))}`) };
  const ref = (doc: Doc, field: string, scope: string) => {
    const v = doc[field];
    return typeof v === 'string' && !v.startsWith('m~') ? { [field]: cipher.messageRef(scope, v) } : {};
  };

  await sweep('citizen_identities', ['chatId', 'platformId', 'displayName', 'phone', 'username'], chatKeyOf);
  await sweep('inbox_messages', ['chatId'], (d) => ({ ...chatKeyOf(d), ...ref(d, 'messageId', String(d.channel)) }));
  await sweep('outbound_messages', ['chatId'], (d) => ({
    ...chatKeyOf(d),
    ...ref(d, 'inReplyTo', String(d.channel)),
    ...ref(d, 'platformMessageId', 'sent'),
  }));
  await sweep('operators', ['mfa.secret', 'mfa.pendingSecret']);

  // Conversations written before encryption kept the chat id itself: replace it by the blind index.
  let conversations = 0;
  for await (const doc of db.collection<Doc>('conversations').find({ chatId: { $exists: true } })) {
    const chatKey = cipher.blindIndex(`${doc.channel}:${doc.chatId}`);
    await db.collection<Doc>('conversations').updateOne({ _id: doc._id }, { $set: { chatKey }, $unset: { chatId: 1 } });
    conversations += 1;
  }
  counts.conversations = conversations;
  return counts;
}
