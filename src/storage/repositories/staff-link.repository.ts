/**
 * Operators' links to the staff bot, kept on the operator's own record (src/storage/models/operator.model.ts):
 * the chat id encrypted, looked up by its blind index; the one-time linking code only as a hash.
 */
import type { Connection } from 'mongoose';
import type { LinkedOperator, StaffLinkStore } from '../../domain/ports';
import type { FieldCipher } from '../../security/field-cipher';
import { operatorModel } from '../models/operator.model';

type LinkDoc = {
  username: string;
  displayName: string;
  role: string;
  team?: string;
  language?: 'it' | 'en';
  onCall?: boolean;
  disabled?: boolean;
  staffTelegram?: { chatKey?: string; chatId?: string; linkedAt?: Date };
  staffLinkCode?: { hash?: string; expiresAt?: Date };
};

const toLinked = (d: LinkDoc): LinkedOperator => ({
  username: d.username,
  displayName: d.displayName,
  role: d.role,
  ...(d.team ? { team: d.team } : {}),
  language: d.language ?? 'it',
  onCall: Boolean(d.onCall),
  linkedAt: d.staffTelegram?.linkedAt ?? new Date(0),
});

const active = { disabled: { $ne: true } };
const linked = { 'staffTelegram.chatKey': { $exists: true } };

export function createStaffLinkRepository(conn: Connection, cipher: FieldCipher): StaffLinkStore {
  const Operator = operatorModel(conn);
  const byName = (username: string) => ({ username: String(username).toLowerCase() });
  return {
    async setLinkCode(username, codeHash, expiresAt) {
      const r = await Operator.updateOne({ ...byName(username), ...active }, { $set: { staffLinkCode: { hash: codeHash, expiresAt } } });
      return r.matchedCount === 1;
    },
    async redeemLinkCode(codeHash, chatId, now) {
      const chatKey = cipher.blindIndex(`staff-telegram:${chatId}`);
      const owner = await Operator.findOne({ 'staffLinkCode.hash': codeHash, 'staffLinkCode.expiresAt': { $gt: now }, ...active })
        .select('username')
        .lean<{ username: string }>();
      if (!owner) return null;
      // One chat, one operator: a phone handed on to a colleague is unlinked from its previous owner.
      await Operator.updateMany({ 'staffTelegram.chatKey': chatKey, username: { $ne: owner.username } }, { $unset: { staffTelegram: 1 } });
      const d = await Operator.findOneAndUpdate(
        { username: owner.username, 'staffLinkCode.hash': codeHash, 'staffLinkCode.expiresAt': { $gt: now }, ...active },
        { $set: { staffTelegram: { chatKey, chatId: cipher.encrypt(chatId), linkedAt: now } }, $unset: { staffLinkCode: 1 } },
        { returnDocument: 'after' },
      ).lean<LinkDoc>();
      return d ? toLinked(d) : null;
    },
    async unlink(username) {
      const r = await Operator.updateOne({ ...byName(username), $or: [linked, { staffLinkCode: { $exists: true } }] }, {
        $unset: { staffTelegram: 1, staffLinkCode: 1 },
      });
      return r.modifiedCount === 1;
    },
    async operatorByChat(chatId) {
      const d = await Operator.findOne({ 'staffTelegram.chatKey': cipher.blindIndex(`staff-telegram:${chatId}`), ...active }).lean<LinkDoc>();
      return d ? toLinked(d) : null;
    },
    async chatOf(username) {
      const d = await Operator.findOne({ ...byName(username), ...active, ...linked }).select('staffTelegram').lean<LinkDoc>();
      return d?.staffTelegram?.chatId ? cipher.decrypt(d.staffTelegram.chatId) : null;
    },
    async status(username) {
      const d = await Operator.findOne(byName(username)).select('staffTelegram staffLinkCode onCall').lean<LinkDoc>();
      return {
        linked: Boolean(d?.staffTelegram?.chatKey),
        ...(d?.staffTelegram?.linkedAt ? { linkedAt: d.staffTelegram.linkedAt } : {}),
        ...(d?.staffLinkCode?.expiresAt ? { codeExpiresAt: d.staffLinkCode.expiresAt } : {}),
        // Paged only while linked: an unlinked operator is not reachable, whatever the flag says.
        onCall: Boolean(d?.staffTelegram?.chatKey && d.onCall),
      };
    },
    async linkedOperators() {
      const docs = await Operator.find({ ...active, ...linked }).sort({ username: 1 }).lean<LinkDoc[]>();
      return docs.map(toLinked);
    },
    async setOnCall(username, onCall) {
      const r = await Operator.updateOne(byName(username), { $set: { onCall } });
      return r.matchedCount === 1;
    },
  };
}
