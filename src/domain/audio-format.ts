/**
 * Recognises a voice note by its bytes (never by a declared type) and reads an Ogg file's duration
 * from its last page, so a voice note longer than allowed is refused before it is uploaded to the
 * speech-to-text server even when the platform declared no duration (the Cloud API does not).
 * Pure functions over a Buffer.
 */

export type AudioFormat = { mimeType: string; ext: string };

const ascii = (bytes: Buffer, at: number, text: string) => bytes.length >= at + text.length && bytes.toString('latin1', at, at + text.length) === text;

/** The container of an audio file, or undefined when the bytes are not a format the recognisers read. */
export function sniffAudio(bytes: Buffer): AudioFormat | undefined {
  if (ascii(bytes, 0, 'OggS')) return { mimeType: 'audio/ogg', ext: 'ogg' };
  if (ascii(bytes, 4, 'ftyp')) return { mimeType: 'audio/mp4', ext: 'm4a' };
  if (ascii(bytes, 0, '#!AMR')) return { mimeType: 'audio/amr', ext: 'amr' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return { mimeType: 'audio/wav', ext: 'wav' };
  if (ascii(bytes, 0, 'fLaC')) return { mimeType: 'audio/flac', ext: 'flac' };
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return { mimeType: 'audio/webm', ext: 'webm' };
  if (ascii(bytes, 0, 'ID3')) return { mimeType: 'audio/mpeg', ext: 'mp3' };
  if (bytes.length >= 2 && bytes[0] === 0xff) {
    if ((bytes[1]! & 0xf6) === 0xf0) return { mimeType: 'audio/aac', ext: 'aac' }; // ADTS
    if ((bytes[1]! & 0xe0) === 0xe0) return { mimeType: 'audio/mpeg', ext: 'mp3' }; // MPEG frame sync
  }
  return undefined;
}

/** Byte offset of the first packet of the Ogg page starting at `page`, and the page's header length. */
function pageBody(bytes: Buffer, page: number): number | undefined {
  if (page + 27 > bytes.length) return undefined;
  const segments = bytes[page + 26]!;
  const body = page + 27 + segments;
  return body <= bytes.length ? body : undefined;
}

/**
 * Seconds of an Ogg Opus or Ogg Vorbis file: the granule position of its last page over the
 * sample rate (Opus: 48 kHz less the pre-skip). Undefined when the file is not one of those or
 * is cut short; callers then rely on the declared duration and the size bound.
 */
export function oggDurationSeconds(bytes: Buffer): number | undefined {
  if (!ascii(bytes, 0, 'OggS')) return undefined;
  const first = pageBody(bytes, 0);
  if (first === undefined) return undefined;
  let rate: number;
  let preSkip = 0;
  if (ascii(bytes, first, 'OpusHead') && bytes.length >= first + 12) {
    rate = 48_000;
    preSkip = bytes.readUInt16LE(first + 10);
  } else if (ascii(bytes, first, '\x01vorbis') && bytes.length >= first + 16) {
    rate = bytes.readUInt32LE(first + 12);
  } else return undefined;
  if (!rate) return undefined;
  const last = bytes.lastIndexOf('OggS', bytes.length - 4, 'latin1');
  // Only the header page: cut short. (A forged granule is possible; VOICE_NOTE_MAX_BYTES still bounds the upload.)
  if (last <= 0 || last + 14 > bytes.length) return undefined;
  const granule = bytes.readBigInt64LE(last + 6);
  if (granule < 0n) return undefined; // -1: no packet ends on that page
  return Math.max(0, Number(granule) - preSkip) / rate;
}
