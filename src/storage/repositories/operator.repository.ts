import type { Connection } from 'mongoose';
import { operatorModel } from '../models/operator.model';
import { isDuplicateKeyError } from './mongo-errors';

export type OperatorRole = 'agent' | 'supervisor' | 'admin';
export type OperatorMfa = {
  /** Encrypted TOTP secret once enrolment is confirmed. */
  secret?: string;
  /** Encrypted TOTP secret offered during enrolment, not yet confirmed by a code. */
  pendingSecret?: string;
  enabledAt?: Date;
  lastStep?: number;
  recoveryCodesLeft: number;
};
export type OperatorRecord = {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: OperatorRole;
  disabled: boolean;
  language: 'it' | 'en';
  team?: string;
  sessionEpoch: number;
  mfa: OperatorMfa;
  passwordChangedAt?: Date;
};

type OperatorDoc = {
  _id: unknown;
  username: string;
  displayName: string;
  passwordHash: string;
  role: OperatorRole;
  disabled?: boolean;
  language?: 'it' | 'en';
  team?: string;
  sessionEpoch?: number;
  mfa?: { secret?: string; pendingSecret?: string; enabledAt?: Date; lastStep?: number; recoveryHashes?: string[] };
  passwordChangedAt?: Date;
};

const toRecord = (d: OperatorDoc): OperatorRecord => ({
  id: String(d._id),
  username: d.username,
  displayName: d.displayName,
  passwordHash: d.passwordHash,
  role: d.role,
  disabled: Boolean(d.disabled),
  language: d.language ?? 'it',
  ...(d.team ? { team: d.team } : {}),
  sessionEpoch: d.sessionEpoch ?? 0,
  mfa: {
    secret: d.mfa?.secret ?? undefined,
    pendingSecret: d.mfa?.pendingSecret ?? undefined,
    enabledAt: d.mfa?.enabledAt ?? undefined,
    lastStep: d.mfa?.lastStep ?? undefined,
    recoveryCodesLeft: d.mfa?.recoveryHashes?.length ?? 0,
  },
  passwordChangedAt: d.passwordChangedAt ?? undefined,
});

export type OperatorStore = ReturnType<typeof createOperatorRepository>;

/** Every change that must end the operator's other sessions raises the epoch in the same update. */
const endSessions = { $inc: { sessionEpoch: 1 } };

export function createOperatorRepository(conn: Connection) {
  const Operator = operatorModel(conn);
  const byName = (username: string) => ({ username: String(username).toLowerCase() });
  const one = async (filter: object) => {
    const d = await Operator.findOne(filter).lean<OperatorDoc>();
    return d ? toRecord(d) : null;
  };
  return {
    async create(input: { username: string; displayName: string; passwordHash: string; role: OperatorRole; team?: string }) {
      try {
        const d = await Operator.create({ ...input, passwordChangedAt: new Date() });
        return { ok: true as const, operator: toRecord(d.toObject() as OperatorDoc) };
      } catch (err) {
        if (isDuplicateKeyError(err)) return { ok: false as const, reason: 'exists' as const };
        throw err;
      }
    },
    findByUsername(username: string) {
      return one(byName(username));
    },
    async get(id: string) {
      const d = await Operator.findById(id)
        .lean<OperatorDoc>()
        .catch(() => null);
      return d ? toRecord(d) : null;
    },
    /** Disabling (or enabling) ends every session of the operator. */
    async setDisabled(username: string, disabled: boolean) {
      const r = await Operator.updateOne(byName(username), { $set: { disabled }, ...endSessions });
      return r.matchedCount === 1;
    },
    /** A new password ends every session of the operator (the caller re-issues its own). */
    async setPassword(username: string, passwordHash: string) {
      const r = await Operator.updateOne(byName(username), { $set: { passwordHash, passwordChangedAt: new Date() }, ...endSessions });
      return r.matchedCount === 1;
    },
    /** Changes the role and/or display name; false when there is no such operator. A role change ends the operator's sessions. */
    async update(username: string, changes: { role?: OperatorRole; displayName?: string; team?: string }) {
      const $set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (!Object.keys($set).length) return (await Operator.exists(byName(username))) !== null;
      const current = await one(byName(username));
      if (!current) return false;
      const roleChanges = changes.role !== undefined && changes.role !== current.role;
      const r = await Operator.updateOne(byName(username), roleChanges ? { $set, ...endSessions } : { $set });
      return r.matchedCount === 1;
    },
    /** The operator's team; undefined takes them out of any. */
    async setTeam(username: string, team: string | undefined) {
      const r = await Operator.updateOne(byName(username), team ? { $set: { team } } : { $unset: { team: 1 } });
      return r.matchedCount === 1;
    },
    /** "Log out everywhere". */
    async endAllSessions(id: string) {
      const r = await Operator.updateOne({ _id: id }, endSessions);
      return r.matchedCount === 1;
    },
    async list() {
      const docs = await Operator.find().sort({ username: 1 }).lean<OperatorDoc[]>();
      return docs.map(toRecord);
    },

    // --- MFA ---------------------------------------------------------------------------------------
    async setPendingMfaSecret(id: string, encryptedSecret: string) {
      await Operator.updateOne({ _id: id }, { $set: { 'mfa.pendingSecret': encryptedSecret } });
    },
    /** Confirms enrolment: only if the pending secret is still the one the code was checked against. */
    async enableMfa(id: string, encryptedSecret: string, step: number, recoveryHashes: string[]) {
      const r = await Operator.updateOne(
        { _id: id, 'mfa.pendingSecret': encryptedSecret },
        {
          $set: { 'mfa.secret': encryptedSecret, 'mfa.enabledAt': new Date(), 'mfa.lastStep': step, 'mfa.recoveryHashes': recoveryHashes },
          $unset: { 'mfa.pendingSecret': 1 },
        },
      );
      return r.modifiedCount === 1;
    },
    /** Accepts a TOTP time step once: false when this step (or a later one) was already used. Atomic. */
    async useMfaStep(id: string, step: number) {
      const r = await Operator.updateOne(
        { _id: id, 'mfa.secret': { $exists: true }, $or: [{ 'mfa.lastStep': { $exists: false } }, { 'mfa.lastStep': { $lt: step } }] },
        { $set: { 'mfa.lastStep': step } },
      );
      return r.modifiedCount === 1;
    },
    /** Spends a recovery code (by hash) once. Atomic. */
    async useRecoveryCode(id: string, codeHash: string) {
      const r = await Operator.updateOne({ _id: id, 'mfa.recoveryHashes': codeHash }, { $pull: { 'mfa.recoveryHashes': codeHash } });
      return r.modifiedCount === 1;
    },
    async setRecoveryHashes(id: string, recoveryHashes: string[]) {
      await Operator.updateOne({ _id: id, 'mfa.secret': { $exists: true } }, { $set: { 'mfa.recoveryHashes': recoveryHashes } });
    },
    /** Removes MFA (an admin's reset after a lost phone): the operator enrols again at the next login; sessions end. */
    async resetMfa(username: string) {
      const r = await Operator.updateOne(byName(username), { $unset: { mfa: 1 }, ...endSessions });
      return r.matchedCount === 1;
    },
  };
}
