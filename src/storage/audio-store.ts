/**
 * Voice notes' bytes on disk, beside the photos (MEDIA_DIR). Recognised by content (a container the
 * speech-to-text server decodes), stored under an unguessable name readable by the owner only, and
 * deleted once transcribed unless VOICE_NOTES_KEEP_AUDIO is true. Then only the audited route of the
 * report they were linked to serves them (GET /api/reports/:id/voice-notes/:ref).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sniffAudio } from '../domain/audio-format';
import type { AudioStore } from '../domain/ports';

const REF = /^aud_[a-f0-9]{32}\.(ogg|m4a|amr|wav|flac|webm|mp3|aac)$/;
const MIME: Record<string, string> = {
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  amr: 'audio/amr',
  wav: 'audio/wav',
  flac: 'audio/flac',
  webm: 'audio/webm',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
};

export function createDiskAudioStore(dir: string, maxBytes: number): AudioStore {
  return {
    async saveAudio(bytes) {
      if (!bytes.length) return { ok: false, reason: 'empty' };
      if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
      const format = sniffAudio(bytes);
      if (!format) return { ok: false, reason: 'not_audio' };
      const ref = `aud_${randomBytes(16).toString('hex')}.${format.ext}`;
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, ref), bytes, { mode: 0o600 });
      return { ok: true, ref, mimeType: format.mimeType, bytes: bytes.length };
    },
    async readAudio(ref) {
      if (!REF.test(ref)) return null;
      try {
        const bytes = await readFile(path.join(dir, ref));
        return { bytes, mimeType: MIME[ref.split('.').pop()!]! };
      } catch {
        return null;
      }
    },
    async deleteAudio(ref) {
      if (!REF.test(ref)) return;
      await rm(path.join(dir, ref), { force: true });
    },
    async listAudio() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const found: Array<{ ref: string; savedAt: Date }> = [];
      for (const ref of names.filter((n) => REF.test(n))) {
        const info = await stat(path.join(dir, ref)).catch(() => undefined);
        if (info) found.push({ ref, savedAt: info.mtime });
      }
      return found;
    },
  };
}
