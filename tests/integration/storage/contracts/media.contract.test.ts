/** MediaStore contract: the disk store and the in-memory adapter check, clean and return photos alike. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { MediaStore } from '../../../../src/domain/ports';
import { createDiskMediaStore } from '../../../../src/storage/media-store';
import { createInMemoryMediaStore } from '../../../support/in-memory';
import { makeJpeg } from '../../../support/report-script';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-media-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['disk store', () => createDiskMediaStore(dir, 200_000, 1_000_000)],
  ['in-memory adapter', () => createInMemoryMediaStore(200_000, 1_000_000)],
] as const)('%s', (_name, make: () => MediaStore) => {
  const store = make();
  it('keeps an image by its content, without metadata, under an unguessable name', async () => {
    const saved = await store.saveImage(await makeJpeg());
    expect(saved).toMatchObject({ ok: true, ref: expect.stringMatching(/^img_[a-f0-9]{32}\.jpg$/), mimeType: 'image/jpeg' });
    if (!saved.ok) return;
    const read = await store.read(saved.ref);
    expect(read?.mimeType).toBe('image/jpeg');
    expect(read?.bytes.length).toBe(saved.bytes);
    expect((await sharp(read!.bytes).metadata()).exif).toBeUndefined();
  });

  it('refuses what is not an image, too large or empty; reads only its own names', async () => {
    expect(await store.saveImage(Buffer.from('not an image at all'))).toEqual({ ok: false, reason: 'not_an_image' });
    expect(await store.saveImage(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
    expect(await store.saveImage(Buffer.alloc(300_000))).toEqual({ ok: false, reason: 'too_large' });
    const huge = await sharp({ create: { width: 1200, height: 1000, channels: 3, background: '#888' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(await store.saveImage(huge)).toEqual({ ok: false, reason: 'too_large' });
    expect(await store.read('../etc/passwd')).toBeNull();
    expect(await store.read(`img_${'0'.repeat(32)}.jpg`)).toBeNull();
  });
});
