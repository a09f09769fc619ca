/**
 * Questions about the service asked in the middle of a report, in Italian and English: answered,
 * then the question of the step asked again, with nothing of the report lost. On the old code «ma
 * è anonimo?» at the category step got "Non ho capito di che tipo di problema si tratta", and at
 * the description step became the description.
 */
import { describe, expect, it } from 'vitest';
import type { Harness } from './support/dialog-harness';
import { allText, useDialogHarness } from './support/dialog-harness';
import { EN, IT, say } from './support/transcript';

let h: Harness;
useDialogHarness((started) => (h = started));

describe('questions about the service, at any step', () => {
  it('IT: anonymity at the category step, hours at the description step; the report goes on', async () => {
    const chat = h.chat();
    for (const line of IT.consented) await chat.send(line.send);
    await say(chat, 'ma è anonimo?', { says: ['solo gli agenti della Polizia Municipale', 'tanto meno alla persona segnalata', 'Che cosa vuoi segnalare?'], step: 'category' });
    const atDescription = h.chat();
    for (const line of IT.atDescription) await atDescription.send(line.send);
    await say(atDescription, 'quando leggete le segnalazioni?', { says: ['Le segnalazioni vengono lette tutti i giorni 08:00-19:00', '112', 'descrivi in breve'], step: 'description' });
    await say(atDescription, 'chi vede il mio numero?', { says: ['solo gli agenti'], step: 'description' });
    const turn = await say(atDescription, 'Sacchi neri dietro la scuola.', { step: 'summary' });
    expect(turn.state.draft.description).toBe('Sacchi neri dietro la scuola.');
  });

  it('IT: «e adesso cosa succede?» at the summary, then «Invia»', async () => {
    const chat = h.chat();
    for (const line of IT.atSummary) await chat.send(line.send);
    await say(chat, 'e adesso cosa succede?', { says: ['un agente della Polizia Municipale legge la segnalazione', 'Ecco il riepilogo'], step: 'summary' });
    await say(chat, 'Invia', { says: ['Segnalazione inviata'] });
  });

  it('EN: "is this anonymous?" and "what happens next?"', async () => {
    const chat = h.chat();
    for (const line of EN.atPhoto) await chat.send(line.send);
    await say(chat, 'is this anonymous?', { says: ['Only officers of the municipal police can see your contact', 'Do you have a photo?'], step: 'photo' });
    await say(chat, 'what happens next?', { says: ['an officer of the municipal police reads the report'], step: 'photo' });
  });

  // On the old code the first was offered to the open report as information, the second «Non ho capito».
  it('IT: after the ticket, «grazie, quando mi fate sapere qualcosa?» and «posso mandare anche una foto?» are answered', async () => {
    const chat = h.chat();
    for (const line of IT.atSummary) await chat.send(line.send);
    await say(chat, 'Invia', { says: ['Segnalazione inviata'] });
    const when = await say(chat, 'grazie, quando mi fate sapere qualcosa?', { says: ['Ti scrivo a ogni passo'] });
    expect(allText(when.replies)).not.toContain('Vuoi aggiungere');
    await say(chat, 'posso mandare anche una foto?', { says: ['mandala pure qui in chat'] });
  });

  it('EN: "can I send a photo?" at the photo question, "will you let me know?" after the ticket', async () => {
    const chat = h.chat();
    for (const line of EN.atPhoto) await chat.send(line.send);
    await say(chat, 'can I send a photo?', { says: ['just send it here', 'Do you have a photo?'], step: 'photo' });
    await say(chat, 'skip', { step: 'description' });
    await say(chat, 'Bin bags dumped on the pavement.', { step: 'summary' });
    await say(chat, 'send', { says: ['VIC-'] });
    await say(chat, 'will you let me know?', { says: ['I will write to you at every step'] });
  });

  it('IT: a description that mentions an anonymous letter is the description', async () => {
    const chat = h.chat();
    for (const line of IT.atDescription) await chat.send(line.send);
    const turn = await say(chat, 'ho ricevuto una lettera con minacce lasciata nella cassetta, è anonima', { step: 'summary' });
    expect(allText(turn.replies)).not.toContain('solo gli agenti');
  });
});
