/**
 * The retention job on the MongoDB-wire server: old messages, replies and conversations purged,
 * reports closed long ago pseudonymised, old audit entries dropped, recent data untouched, counts
 * recorded, photos of reports closed long ago deleted (files and references); one process at a time (the lease) and once a day.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../../src/app/citizens/retention';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { createDiskAudioStore } from '../../../src/storage/audio-store';
import { createDiskMediaStore } from '../../../src/storage/media-store';
import type { MediaStore } from '../../../src/domain/ports';
import { freshMongoUrl } from '../../support/databases';
import { makeJpeg } from '../../support/report-script';

let conn: mongoose.Connection;
let storage: Storage;
const NOW = new Date('2026-12-04T03:00:00Z');
const DAY = 24 * 60 * 60_000;
const policy = { messagesDays: 90, identityLinkMonths: 12, auditYears: 10, photosMonths: 6 };
let mediaDir: string;
let media: MediaStore;
const photos: string[] = [];
const deps = (holder: string) => ({ retention: storage.retention, leases: storage.leases, holder, media });

async function photo(): Promise<string> {
  const saved = await media.saveImage(await makeJpeg());
  if (!saved.ok) throw new Error(saved.reason);
  photos.push(saved.ref);
  return saved.ref;
}

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('retention')).asPromise();
  await ensureIndexes(conn);
  storage = createStorage(conn);
  mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-retention-media-'));
  media = createDiskMediaStore(mediaDir, 2 * 1024 * 1024);
});
afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
  if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
});

async function seed() {
  const old = new Date(NOW.getTime() - 100 * DAY);
  const recent = new Date(NOW.getTime() - 10 * DAY);
  const inbox = conn.collection('inbox_messages');
  await inbox.insertMany([
    { channel: 'simulator', messageId: 'old', chatId: 'x', chatKey: 'k', citizenRef: 'c1', receivedAt: old, payload: {}, state: 'processed' },
    { channel: 'simulator', messageId: 'old-pending', chatId: 'x', chatKey: 'k', citizenRef: 'c1', receivedAt: old, payload: {}, state: 'received' },
    { channel: 'simulator', messageId: 'new', chatId: 'x', chatKey: 'k', citizenRef: 'c1', receivedAt: recent, payload: {}, state: 'processed' },
  ]);
  await conn.collection('outbound_messages').insertMany([
    { outboundId: 'o-old', channel: 'simulator', chatId: 'x', chatKey: 'k', text: 't', state: 'sent', seq: 1, createdAt: old },
    { outboundId: 'o-new', channel: 'simulator', chatId: 'x', chatKey: 'k', text: 't', state: 'sent', seq: 2, createdAt: recent },
  ]);
  await conn.collection('conversations').insertMany([
    { channel: 'simulator', chatId: 'a', chatKey: 'ka', citizenRef: 'c1', state: {}, version: 1, updatedAt: old },
    { channel: 'simulator', chatId: 'b', chatKey: 'kb', citizenRef: 'c2', state: {}, version: 1, updatedAt: recent },
  ]);
  const base = { categoryId: 'abandoned_waste', reliability: 'seen', location: { type: 'Point', coordinates: [10.57, 43.84] }, channel: 'simulator', language: 'it' };
  await conn.collection('reports').insertMany([
    { ...base, ticketCode: 'VIC-2025-1', sourceMessageKey: 'k1', status: 'closed', citizenRef: 'c1', closedAt: new Date(NOW.getTime() - 400 * DAY), followers: [{ citizenRef: 'c3' }], confirmationsList: [{ citizenRef: 'c4', photoRefs: [await photo()] }], photoRefs: [await photo()], citizenInfo: [{ messageId: 'm1', at: old, text: 'anche qui', mediaRef: await photo() }] },
    { ...base, ticketCode: 'VIC-2026-2', sourceMessageKey: 'k2', status: 'closed', citizenRef: 'c1', closedAt: recent, photoRefs: [await photo()] },
    { ...base, ticketCode: 'VIC-2025-3', sourceMessageKey: 'k3', status: 'in_review', citizenRef: 'c1', createdAt: new Date(NOW.getTime() - 400 * DAY) },
  ]);
  await conn.collection('audit_events').insertMany([
    { actor: 'a', action: 'take', at: new Date(NOW.getTime() - 11 * 365 * DAY) },
    { actor: 'a', action: 'take', at: recent },
  ]);
}

describe('retention', () => {
  it('purges and pseudonymises what is older than the policy, keeps the rest, records the counts', async () => {
    await seed();
    const counts = await runRetention(deps('p1'), policy, NOW);
    expect(counts).toEqual({ messages: 1, replies: 1, conversations: 1, reportsPseudonymised: 1, auditEntries: 1, photos: 3 });
    expect((await conn.collection('inbox_messages').find().toArray()).map((d) => d.messageId).sort()).toEqual(['new', 'old-pending']);
    const old = await conn.collection('reports').findOne({ ticketCode: 'VIC-2025-1' });
    expect(old?.citizenRef).toMatch(/^erased-/);
    expect(old?.followers).toEqual([]);
    expect(old?.confirmationsList[0].citizenRef).toMatch(/^erased-/);
    expect((await conn.collection('reports').findOne({ ticketCode: 'VIC-2026-2' }))?.citizenRef).toBe('c1');
    expect((await conn.collection('reports').findOne({ ticketCode: 'VIC-2025-3' }))?.citizenRef, 'an open report keeps its citizen').toBe('c1');
    expect(await storage.retention.lastRunAt()).toEqual(NOW);

    // Photos of the report closed long ago: files deleted, references gone, the citizen's words kept.
    const [confirmationPhoto, reportPhoto, addedPhoto, recentPhoto] = photos;
    for (const ref of [confirmationPhoto, reportPhoto, addedPhoto]) expect(await media.read(ref), ref).toBeNull();
    expect(old?.photoRefs).toEqual([]);
    expect(old?.citizenInfo).toEqual([{ messageId: 'm1', at: expect.any(Date), text: 'anche qui' }]);
    expect(old?.confirmationsList[0].photoRefs).toEqual([]);
    expect(old?.photosPurgedAt).toEqual(NOW);
    expect(await media.read(recentPhoto), 'a recently closed report keeps its photo').not.toBeNull();

    // Once a day: an hour later nothing runs.
    expect(await runRetention(deps('p2'), policy, new Date(NOW.getTime() + 3600_000))).toBeNull();
  });

  it('one process at a time: while another holds the lease, nothing runs', async () => {
    await storage.leases.acquire('retention', 'other', 60_000, new Date(NOW.getTime() + 2 * DAY));
    expect(await runRetention(deps('p3'), policy, new Date(NOW.getTime() + 2 * DAY))).toBeNull();
  });

  it('voice notes kept with VOICE_NOTES_KEEP_AUDIO go with their messages', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-retention-audio-'));
    try {
      const audio = createDiskAudioStore(dir, 1024 * 1024);
      const ogg = readFileSync(path.join(__dirname, '../../fixtures/voice/rifiuti-it.ogg'));
      const [oldNote, newNote] = await Promise.all([audio.saveAudio(ogg), audio.saveAudio(ogg)]);
      if (!oldNote.ok || !newNote.ok) throw new Error('not stored');
      const later = new Date(NOW.getTime() + 3 * DAY);
      const note = (messageId: string, ref: string, receivedAt: Date) => ({
        channel: 'telegram', messageId, chatId: 'v', chatKey: 'kv', citizenRef: 'c9', receivedAt, state: 'processed',
        payload: { kind: 'audio', voice: true, mediaRef: ref, mimeType: 'audio/ogg' },
      });
      await conn.collection('inbox_messages').insertMany([
        note('voice-old', oldNote.ref, new Date(later.getTime() - 95 * DAY)),
        note('voice-new', newNote.ref, new Date(later.getTime() - DAY)),
      ]);
      // Audio whose message is gone (the citizen's data was erased), saved more than an hour ago: swept.
      const orphan = await audio.saveAudio(ogg);
      if (!orphan.ok) throw new Error('not stored');
      const counts = await runRetention({ ...deps('p4'), audio }, policy, later);
      expect(counts?.voiceNotes).toBe(2);
      expect(existsSync(path.join(dir, oldNote.ref))).toBe(false);
      expect(existsSync(path.join(dir, orphan.ref)), 'an orphan is swept').toBe(false);
      expect(existsSync(path.join(dir, newNote.ref)), 'a recent voice note stays').toBe(true);
      expect(await conn.collection('inbox_messages').findOne({ messageId: 'voice-old' })).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
