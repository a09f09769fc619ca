/**
 * Attack: the "same situation nearby?" question as an oracle. A prober starts a report, drops a
 * pin, presses «Invia» and reads whether, when and where someone else reported; «indietro»,
 * «Correggi» and a new pin ask again, without ever sending anything. Played against the running
 * app through the web simulator, in Italian and English.
 * On the old code: the drug-dealing probe was answered with "Cosa: Spaccio di droga • Dove: Piazza
 * Aldo Moro, ... arrivata N minuti fa", the street and minutes were shown for every category, and
 * the prober was asked again at every new pin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWN_HALL } from '../support/report-script';
import { simulatorSend } from '../support/simulator-citizen';
import { startTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  // The prober types fast: the per-citizen message limit (another defence, tested on its own) is lifted here.
  app = await startTestApp({ CITIZEN_MESSAGES_PER_MINUTE: '1000', CITIZEN_REPORTS_PER_DAY: '1000' });
  // Another citizen's open urban-decay report at the town hall: what the probers look for.
  await genuineReport('sec-victim-decay', '1', 'Il giardino dietro al municipio è pieno di bottiglie rotte.');
});
afterAll(async () => {
  await app?.stop();
});

const say = async (chatId: string, ...steps: Array<string | { lat: number; lng: number }>) => {
  let last: string[] = [];
  for (const step of steps) last = await simulatorSend(app, chatId, typeof step === 'string' ? { text: step } : { location: step });
  return last.join('\n');
};

/** A few metres apart each time: the prober walks the pin around the town hall. */
const pin = (i: number) => ({ lat: TOWN_HALL.lat + i * 0.00003, lng: TOWN_HALL.lng - i * 0.00003 });

/** A genuine citizen's report, sent: category by menu number, seen in person, no photo. */
async function genuineReport(chatId: string, categoryNumber: string, description: string) {
  const last = await say(chatId, 'Buongiorno', 'Accetto', categoryNumber, '1', TOWN_HALL, 'salta', description, 'Invia');
  expect(last).toContain('Segnalazione inviata');
}

const ORACLE = /qui vicino c'è già|close by came in|stessa situazione|same situation/i;

describe('the nearby question is not an oracle', () => {
  it('IT: a drug-dealing report is never told about the drug-dealing report at the same spot', async () => {
    await genuineReport('sec-victim-drugs', '4', 'Due ragazzi spacciano sotto il portico ogni sera.');
    const answer = await say('sec-prober-drugs', 'Ciao', 'Accetto', '4', '1', TOWN_HALL, 'salta', 'Verifico.', 'Invia');
    expect(answer).not.toMatch(ORACLE);
    expect(answer).not.toMatch(/Spaccio|Piazza Aldo Moro|minuti fa/);
    // Nothing was probed for free: the attempt is a report the agents see.
    expect(answer).toContain('Segnalazione inviata');
  });

  it('IT: a prober moving the pin sees only category, zone and day, and only 3 times a day', async () => {
    const chat = 'sec-prober-it';
    let answer = await say(chat, 'Ciao', 'Accetto', '1', '1', pin(1), 'salta', 'Controllo.', 'Invia');
    const questions: string[] = [];
    for (let i = 2; ORACLE.test(answer) && i < 10; i++) {
      questions.push(answer);
      answer = await say(chat, 'indietro', 'Correggi', 'Dove', pin(i), 'Invia');
    }
    expect(questions).toHaveLength(3);
    for (const q of questions) {
      expect(q).toContain('Cosa: Degrado urbano');
      expect(q).toContain('Dove: zona Capannori centro');
      expect(q).toContain('arrivata oggi');
      expect(q).not.toMatch(/Piazza Aldo Moro|minuti fa|ore fa|bottiglie|VIC-\d/);
    }
    // The fourth «Invia» is not a question: the prober's report goes to the agents as a new one.
    expect(answer).toContain('Segnalazione inviata');
  });

  it('EN: the same limits in English', async () => {
    const chat = 'sec-prober-en';
    await say(chat, 'Hello', 'english');
    let answer = await say(chat, 'Accept', '1', '1', pin(10), 'skip', 'Checking.', 'Send');
    const questions: string[] = [];
    for (let i = 11; ORACLE.test(answer) && i < 20; i++) {
      questions.push(answer);
      answer = await say(chat, 'back', 'Edit', 'Where', pin(i), 'Send');
    }
    expect(questions).toHaveLength(3);
    for (const q of questions) {
      expect(q).toContain('What: Urban decay');
      expect(q).toContain('Where: Capannori centro area');
      expect(q).toContain('came in today');
      expect(q).not.toMatch(/Piazza Aldo Moro|minutes ago|hours ago|bottiglie|VIC-\d/);
    }
    expect(answer).toContain('Report sent');
  });

  it('EN: a theft report is not told about the theft reported at the same spot', async () => {
    await genuineReport('sec-victim-theft', '5', 'Hanno rubato due bici dal portabiciclette.');
    const chat = 'sec-prober-theft';
    await say(chat, 'Hello', 'english');
    const answer = await say(chat, 'Accept', '5', '1', TOWN_HALL, 'skip', 'Checking.', 'Send');
    expect(answer).not.toMatch(ORACLE);
    expect(answer).toContain('Report sent');
  });
});
