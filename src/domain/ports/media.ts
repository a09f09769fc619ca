/** Port of citizens' photos. Implemented by src/storage/media-store.ts (disk). */

export type SavedMedia =
  { ok: true; ref: string; mimeType: string; bytes: number } | { ok: false; reason: 'too_large' | 'not_an_image' | 'empty' };

/** Citizens' photos: checked by content, EXIF stripped, stored for the police only. */
export interface MediaStore {
  saveImage(bytes: Buffer): Promise<SavedMedia>;
  read(ref: string): Promise<{ bytes: Buffer; mimeType: string } | null>;
  /** Deletes a photo (retention); nothing happens when it is already gone. */
  remove(ref: string): Promise<void>;
}
