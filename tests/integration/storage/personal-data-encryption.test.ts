/**
 * Personal data at rest: AES-256-GCM with the key id in every value, blind indexes for lookups, and
 * a key rotation (or a first encryption of data stored in clear by an older version) that leaves
 * everything readable under the new key. Real MongoDB-wire server.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/domain/message';
import { createFieldCipher, type FieldCipher } from '../../../src/security/field-cipher';
import { reencryptPersonalData } from '../../../src/security/reencrypt-personal-data';
import { createStorage, ensureIndexes } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

const indexSecret = 'citizen-ref-secret-for-this-test-only-000';
const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const before = createFieldCipher({ current: k1, indexSecret });
const after = createFieldCipher({ current: k2, old: [k1], indexSecret });

let conn: mongoose.Connection;
beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('encryption')).asPromise();
  createStorage(conn, {}, {}, before);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

const phone = '+393391112233';
const message = (messageId: string, chatId = '393391112233@c.us'): InboundMessage => ({
  channel: 'whatsapp',
  chatId,
  messageId,
  receivedAt: new Date(),
  sender: { platformId: chatId, phone, displayName: 'Luisa Bianchi' },
  payload: { kind: 'text', text: 'buongiorno' },
});

describe('the field cipher', () => {
  it('round-trips, refuses a tampered value, and keeps blind indexes across key rotations', () => {
    const stored = before.encrypt(phone);
    expect(stored).toMatch(/^enc1:k1:/);
    expect(stored).not.toContain('3391112233');
    expect(before.encrypt(phone)).not.toBe(stored); // a fresh IV each time
    expect(before.decrypt(stored)).toBe(phone);
    expect(after.decrypt(stored)).toBe(phone);
    expect(after.needsRotation(stored)).toBe(true);
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA');
    expect(() => before.decrypt(tampered)).toThrow();
    // A value cannot be passed off under another key id.
    expect(() => after.decrypt(stored.replace('enc1:k1:', 'enc1:k2:'))).toThrow();
    expect(after.blindIndex('whatsapp:x')).toBe(before.blindIndex('whatsapp:x'));
    expect(() => createFieldCipher({ current: { id: 'k3', key: randomBytes(16) }, indexSecret })).toThrow(/32 bytes/);
  });
});

describe('rotation and first encryption', () => {
  let cipherNow: FieldCipher = before;
  it('re-encrypts every value under the new key and upgrades documents stored in clear', async () => {
    const storage = createStorage(conn, {}, {}, before);
    const citizenRef = 'cit_rotation';
    await storage.identities.upsertFromInbound(citizenRef, message('wa-1'));
    await storage.inbox.save(message('wa-1'), citizenRef);
    await storage.outbound.record({
      outboundId: 'out-1',
      channel: 'whatsapp',
      chatId: '393391112233@c.us',
      text: 'Ciao',
      inReplyTo: 'wa-1',
    });
    await storage.conversations.save('whatsapp', '393391112233@c.us', citizenRef, { step: 'category' }, 0, 'wa-1');
    // As an older version stored them: in clear.
    await conn.collection('inbox_messages').insertOne({
      channel: 'whatsapp',
      messageId: 'false_393394445566@c.us_LEGACY',
      chatId: '393394445566@c.us',
      citizenRef: 'cit_legacy',
      receivedAt: new Date(),
      payload: { kind: 'text', text: 'vecchio' },
      state: 'received',
    });
    await conn
      .collection('citizen_identities')
      .insertOne({ citizenRef: 'cit_legacy', channel: 'whatsapp', chatId: '393394445566@c.us', phone: '+393394445566', reachable: true });
    await conn
      .collection('conversations')
      .insertOne({ channel: 'whatsapp', chatId: '393394445566@c.us', citizenRef: 'cit_legacy', state: { step: 'place' }, version: 3 });

    const counts = await reencryptPersonalData(conn, after);
    cipherNow = after;
    expect(counts).toMatchObject({ citizen_identities: 2, inbox_messages: 2, outbound_messages: 1, conversations: 1 });
    for (const name of ['citizen_identities', 'inbox_messages', 'outbound_messages', 'conversations']) {
      const text = JSON.stringify(await conn.collection(name).find({}).toArray());
      expect(text, name).not.toMatch(/3391112233|3394445566|Luisa/);
      expect(text, name).not.toContain('enc1:k1:');
    }
    // A second run has nothing left to do.
    expect(Object.values(await reencryptPersonalData(conn, after)).every((n) => n === 0)).toBe(true);
  });

  it('leaves everything readable and findable under the new key', async () => {
    const storage = createStorage(conn, {}, {}, cipherNow);
    expect(await storage.identities.get('cit_rotation')).toMatchObject({
      phone,
      displayName: 'Luisa Bianchi',
      chatId: '393391112233@c.us',
    });
    expect((await storage.identities.get('cit_legacy'))?.phone).toBe('+393394445566');
    expect((await storage.inbox.get('whatsapp', 'wa-1'))?.chatId).toBe('393391112233@c.us');
    const legacy = await storage.inbox.listPending('whatsapp', '393394445566@c.us');
    expect(legacy.map((m) => m.payload)).toEqual([{ kind: 'text', text: 'vecchio' }]);
    expect(await storage.inbox.get('whatsapp', 'false_393394445566@c.us_LEGACY')).not.toBeNull();
    expect((await storage.outbound.listReplies('whatsapp', 'wa-1')).map((r) => r.outboundId)).toEqual(['out-1']);
    expect((await storage.conversations.load('whatsapp', '393394445566@c.us')).state).toEqual({ step: 'place' });
    expect((await storage.conversations.load('whatsapp', '393391112233@c.us')).version).toBe(1);
  });
});
