/** How a report's priority is worked out, factor by factor (src/panel/priority-explanation.ts): in Italian, the default. */
export const priorityIt = {
  severity: {
    label: 'Gravità della categoria',
    rule: (p: { severity?: number; points: string }) =>
      `${p.severity ? `Gravità ${p.severity} su 5. ` : ''}Punti per gravità da 1 a 5: ${p.points}.`,
  },
  reliability: {
    label: 'Come lo sa il cittadino',
    rule: (p: { seen: string; heard: string; unsure: string }) =>
      `Visto di persona ${p.seen}, sentito dire ${p.heard}, non sicuro ${p.unsure}: conta la conoscenza più diretta tra segnalazione e conferme.`,
  },
  urgency: {
    label: 'Parole urgenti nella descrizione',
    rule: (p: { each: string; cap: number }) =>
      `${p.each} per ogni parola urgente diversa (per esempio «adesso», «bambini»), al massimo ${p.cap}.`,
  },
  photo: { label: 'Foto', rule: (p: { points: string }) => `${p.points} se c’è almeno una foto.` },
  confirmations: {
    label: 'Conferme di altri cittadini',
    rule: (p: { each: string; cap: number }) => `${p.each} per ogni cittadino che conferma la stessa situazione, al massimo ${p.cap}.`,
  },
  recency: {
    label: 'Conferme ravvicinate',
    rule: (p: { points: string; fullWithinHours: number; noneAfterHours: number }) =>
      `${p.points} se l’ultima conferma è arrivata entro ${p.fullWithinHours} h dalla segnalazione o conferma precedente, poi sempre meno fino a 0 dopo ${p.noneAfterHours} h.`,
  },
};

export type PriorityTexts = typeof priorityIt;
