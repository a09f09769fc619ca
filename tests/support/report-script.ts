/**
 * The canonical full report in Italian, channel-agnostic, for any channel's end-to-end test to
 * replay: first message, accept the privacy notice, category 1, "seen it", the town hall pin, a
 * photo, a description, send. The last reply carries the ticket code.
 */
import sharp from 'sharp';

export type ScriptStep = { text: string } | { location: { lat: number; lng: number } } | { photo: true };

/** Capannori's town hall: inside the boundary, in a zone. */
export const TOWN_HALL = { lat: 43.8414, lng: 10.5731 } as const;

export const FULL_REPORT_SCRIPT: ScriptStep[] = [
  { text: 'Buongiorno' },
  { text: 'Accetto' },
  { text: '1' },
  { text: '1' },
  { location: { ...TOWN_HALL } },
  { photo: true },
  { text: 'Il giardino dietro al municipio è pieno di sporcizia e bottiglie rotte, da almeno una settimana.' },
  { text: 'Invia' },
];

/** Reply fragments to expect after each step of FULL_REPORT_SCRIPT (Italian). */
export const FULL_REPORT_EXPECTED: string[] = [
  'Accetti?',
  'Che cosa vuoi segnalare?',
  'Come lo sai?',
  'Dove?',
  'Hai una foto?',
  'descrivi in breve',
  'Ecco il riepilogo',
  'Segnalazione inviata',
];

const TICKET_CODE = /VIC-\d{4}-\d{6}/;

/** The ticket code in a reply; throws (failing the test) when there is none. */
export function expectTicketCode(text: string): string {
  const match = TICKET_CODE.exec(text);
  if (!match) throw new Error(`no ticket code (VIC-YYYY-NNNNNN) in: ${text}`);
  return match[0];
}

/** A tiny valid JPEG (16x16), decoded by sharp like any citizen's photo. */
export function makeJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();
}
