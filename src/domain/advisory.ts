/**
 * What a citizen subscribed to area alerts reads when a supervisor sends an advisory: the
 * supervisor's words as written (never parsed), framed by who sends it, for which zone, and how to
 * manage or stop the alerts, in the subscriber's language.
 */

export const ADVISORY_MAX_CHARS = 1000;

type Lang = 'it' | 'en';

export function advisoryText(text: string, ctx: { municipality: string; zoneNames: readonly string[]; lang: Lang }): string {
  const zones = ctx.zoneNames.join(', ');
  if (ctx.lang === 'en') {
    return [
      `📢 Advisory from the Municipality of ${ctx.municipality}${zones ? ` for ${ctx.zoneNames.length > 1 ? 'the areas' : 'the area'} ${zones}` : ''}:`,
      text,
      'You receive this because you turned on area alerts. Write «alerts» to see or remove them, «STOP» to turn them all off.',
    ].join('\n\n');
  }
  return [
    `📢 Avviso del Comune di ${ctx.municipality}${zones ? ` per ${ctx.zoneNames.length > 1 ? 'le zone' : 'la zona'} ${zones}` : ''}:`,
    text,
    'Ricevi questo messaggio perché hai attivato gli avvisi di zona. Scrivi «avvisi» per vederli o toglierli, «STOP» per disattivarli tutti.',
  ].join('\n\n');
}
