import type { Connection } from 'mongoose';
import { operatorModel } from '../models/operator.model';
import { isDuplicateKeyError } from './mongo-errors';

export type OperatorRole = 'agent' | 'supervisor' | 'admin';
export type OperatorRecord = {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: OperatorRole;
  disabled: boolean;
  language: 'it' | 'en';
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toRecord = (d: Record<string, any>): OperatorRecord => ({
  id: String(d._id),
  username: d.username,
  displayName: d.displayName,
  passwordHash: d.passwordHash,
  role: d.role,
  disabled: Boolean(d.disabled),
  language: d.language ?? 'it',
});

export type OperatorStore = ReturnType<typeof createOperatorRepository>;

export function createOperatorRepository(conn: Connection) {
  const Operator = operatorModel(conn);
  return {
    async create(input: { username: string; displayName: string; passwordHash: string; role: OperatorRole }) {
      try {
        const d = await Operator.create(input);
        return { ok: true as const, operator: toRecord(d.toObject()) };
      } catch (err) {
        if (isDuplicateKeyError(err)) return { ok: false as const, reason: 'exists' as const };
        throw err;
      }
    },
    async findByUsername(username: string) {
      const d = await Operator.findOne({ username: String(username).toLowerCase() }).lean();
      return d ? toRecord(d) : null;
    },
    async get(id: string) {
      const d = await Operator.findById(id).lean().catch(() => null);
      return d ? toRecord(d) : null;
    },
    async setDisabled(username: string, disabled: boolean) {
      const r = await Operator.updateOne({ username: String(username).toLowerCase() }, { $set: { disabled } });
      return r.matchedCount === 1;
    },
    async setPassword(username: string, passwordHash: string) {
      const r = await Operator.updateOne({ username: String(username).toLowerCase() }, { $set: { passwordHash } });
      return r.matchedCount === 1;
    },
    /** Changes the role and/or display name; false when there is no such operator. */
    async update(username: string, changes: { role?: OperatorRole; displayName?: string }) {
      const $set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (!Object.keys($set).length) return (await Operator.exists({ username: String(username).toLowerCase() })) !== null;
      const r = await Operator.updateOne({ username: String(username).toLowerCase() }, { $set });
      return r.matchedCount === 1;
    },
    async list() {
      const docs = await Operator.find().sort({ username: 1 }).lean();
      return docs.map(toRecord);
    },
  };
}
