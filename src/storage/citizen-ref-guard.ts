/**
 * CITIZEN_REF_SECRET may not change under a database: every citizen ref (reports, followers,
 * subscriptions, conversations) is an HMAC keyed by it, so a new secret would cut every citizen off
 * their history (docs/operations.md, "Secrets"). The first production start records a fingerprint
 * of the secret (an HMAC of a fixed label: it reveals nothing about the secret); later starts
 * compare and refuse a different one.
 */
import { createHmac } from 'node:crypto';
import type { Connection } from 'mongoose';

const COLLECTION = 'deployment_settings';
const ID = 'citizen-ref-secret';

export const citizenRefFingerprint = (secret: string) =>
  createHmac('sha256', secret).update('vicinato citizen-ref fingerprint v1').digest('hex');

/** Resolves 'recorded' or 'same'; rejects with a one-line reason when the secret differs. */
export async function checkCitizenRefSecret(conn: Connection, secret: string): Promise<'recorded' | 'same'> {
  const settings = conn.db!.collection<{ _id: string; fingerprint: string; recordedAt: Date }>(COLLECTION);
  const fingerprint = citizenRefFingerprint(secret);
  const r = await settings.updateOne({ _id: ID }, { $setOnInsert: { fingerprint, recordedAt: new Date() } }, { upsert: true });
  if (r.upsertedCount === 1) return 'recorded';
  const stored = await settings.findOne({ _id: ID });
  if (stored?.fingerprint === fingerprint) return 'same';
  throw new Error(
    'CITIZEN_REF_SECRET is not the one this database was created with: every citizen ref would change and citizens would lose their conversations, follow-ups and notices. Set the previous value (docs/operations.md, "Secrets").',
  );
}
