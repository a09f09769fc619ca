/** In-memory MediaStore: the disk store's checks (src/storage/media-store.ts cleanImage), the bytes kept in a Map. */
import type { MediaStore } from '../../../src/domain/ports';
import { cleanImage, DEFAULT_MAX_PIXELS, MEDIA_REF, newMediaRef } from '../../../src/storage/media-store';

export function createInMemoryMediaStore(maxBytes: number, maxPixels = DEFAULT_MAX_PIXELS): MediaStore & { count(): number } {
  const files = new Map<string, { bytes: Buffer; mimeType: string }>();
  return {
    async saveImage(bytes) {
      const clean = await cleanImage(bytes, maxBytes, maxPixels);
      if (!clean.ok) return clean;
      const ref = newMediaRef(clean.ext);
      files.set(ref, { bytes: clean.bytes, mimeType: clean.mimeType });
      return { ok: true, ref, mimeType: clean.mimeType, bytes: clean.bytes.length };
    },
    async read(ref) {
      if (!MEDIA_REF.test(ref)) return null;
      const f = files.get(ref);
      return f ? { bytes: Buffer.from(f.bytes), mimeType: f.mimeType } : null;
    },
    async remove(ref) {
      files.delete(ref);
    },
    count: () => files.size,
  };
}
