/**
 * Photo storage on disk. An image is recognised by its content (sharp decodes it), never by its
 * name or declared type; it is re-encoded without metadata (EXIF with GPS and device data is
 * dropped, orientation applied) and stored under an unguessable name.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import type { MediaStore } from '../domain/ports';

const FORMATS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  heif: { ext: 'jpg', mime: 'image/jpeg' },
  gif: { ext: 'png', mime: 'image/png' },
};
const REF = /^img_[a-f0-9]{32}\.(jpg|png|webp)$/;

/** 16 MP: a 12 MP phone photo passes; decoding one takes about 50 MB of memory. */
export const DEFAULT_MAX_PIXELS = 16_000_000;

export type CleanImage = { ok: true; bytes: Buffer; ext: string; mimeType: string } | { ok: false; reason: 'too_large' | 'not_an_image' | 'empty' };

/**
 * Checks a citizen's photo by its content and re-encodes it without metadata: what every MediaStore
 * keeps (the disk store here, the in-memory one of the dialog tests).
 */
export async function cleanImage(bytes: Buffer, maxBytes: number, maxPixels = DEFAULT_MAX_PIXELS): Promise<CleanImage> {
  if (!bytes.length) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
  // The header first (nothing is decoded): a small file can declare a huge picture.
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return { ok: false, reason: 'not_an_image' };
  }
  const target = meta.format ? FORMATS[meta.format] : undefined;
  if (!target || !meta.width || !meta.height) return { ok: false, reason: 'not_an_image' };
  if (meta.width * meta.height > maxPixels) return { ok: false, reason: 'too_large' };
  // rotate() applies EXIF orientation; sharp drops all metadata unless withMetadata() is called.
  // limitInputPixels again, in case the header lied; only the first frame of an animation.
  let pipeline = sharp(bytes, { limitInputPixels: maxPixels, pages: 1 }).rotate();
  pipeline = target.ext === 'jpg' ? pipeline.jpeg({ quality: 85 }) : target.ext === 'png' ? pipeline.png() : pipeline.webp();
  try {
    return { ok: true, bytes: await pipeline.toBuffer(), ext: target.ext, mimeType: target.mime };
  } catch {
    return { ok: false, reason: 'not_an_image' };
  }
}

/** An unguessable name for a stored photo (MEDIA_REF below). */
export const newMediaRef = (ext: string) => `img_${randomBytes(16).toString('hex')}.${ext}`;

export const MEDIA_REF = REF;

export function createDiskMediaStore(dir: string, maxBytes: number, maxPixels = DEFAULT_MAX_PIXELS): MediaStore {
  return {
    async saveImage(bytes) {
      const clean = await cleanImage(bytes, maxBytes, maxPixels);
      if (!clean.ok) return clean;
      const ref = newMediaRef(clean.ext);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, ref), clean.bytes, { mode: 0o600 });
      return { ok: true, ref, mimeType: clean.mimeType, bytes: clean.bytes.length };
    },
    async remove(ref) {
      if (!REF.test(ref)) return;
      await rm(path.join(dir, ref), { force: true });
    },
    async read(ref) {
      if (!REF.test(ref)) return null;
      try {
        const bytes = await readFile(path.join(dir, ref));
        const ext = ref.split('.').pop()!;
        return { bytes, mimeType: ext === 'jpg' ? 'image/jpeg' : `image/${ext}` };
      } catch {
        return null;
      }
    },
  };
}
