/** Voice notes recognised by their bytes, and an Ogg file's duration read from its last page. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oggDurationSeconds, sniffAudio } from '../../../src/domain/audio-format';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/voice', name));

describe('audio format', () => {
  it('recognises Ogg and the other containers by content, nothing else', () => {
    expect(sniffAudio(fixture('rifiuti-it.ogg'))).toEqual({ mimeType: 'audio/ogg', ext: 'ogg' });
    expect(sniffAudio(Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1'))?.mimeType).toBe('audio/mpeg');
    expect(sniffAudio(Buffer.from('\0\0\0\x20ftypM4A ', 'latin1'))?.mimeType).toBe('audio/mp4');
    expect(sniffAudio(Buffer.from('#!AMR\n', 'latin1'))?.mimeType).toBe('audio/amr');
    expect(sniffAudio(Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1'))?.mimeType).toBe('audio/wav');
    expect(sniffAudio(Buffer.from([0xff, 0xf1, 0x50, 0x80]))?.mimeType).toBe('audio/aac');
    expect(sniffAudio(Buffer.from('\xff\xd8\xff\xe0JFIF', 'latin1')), 'a JPEG is not audio').toBeUndefined();
    expect(sniffAudio(Buffer.from('<html>'))).toBeUndefined();
    expect(sniffAudio(Buffer.alloc(0))).toBeUndefined();
  });

  it('reads the duration of real Ogg/Opus voice notes (opusinfo: 4.22 s, 8 s)', () => {
    expect(oggDurationSeconds(fixture('rifiuti-it.ogg'))).toBeCloseTo(4.22, 1);
    expect(oggDurationSeconds(fixture('silence-8s.ogg'))).toBeCloseTo(8, 1);
  });

  it('says nothing about what it cannot read', () => {
    expect(oggDurationSeconds(Buffer.from('OggS'))).toBeUndefined();
    expect(oggDurationSeconds(fixture('rifiuti-it.ogg').subarray(0, 40))).toBeUndefined();
    expect(oggDurationSeconds(Buffer.from('ID3abc'))).toBeUndefined();
  });
});
