/**
 * Words in a description that raise a report's priority: it is happening now, it involves
 * vulnerable people or places, it happens at night or keeps happening. Matched by
 * src/nlp/urgency.ts (whole words, Italian stems, typos on long words; see term-matcher.ts).
 */
import type { TermMatcherConfig } from './term-lists';

export const URGENCY_TERMS: TermMatcherConfig = {
  terms: [
    // Happening now.
    { term: 'adesso', variants: ['proprio ora', 'ora stesso', 'subito'] },
    { term: 'in questo momento', variants: ['in questo preciso momento', 'al momento'] },
    { term: 'sta succedendo', variants: ['stanno succedendo', 'sta accadendo', 'in corso', 'ancora li', 'ancora qui'] },
    // Vulnerable people and places. Stems cover bambino/bambina/bambine, scuole, ...
    { term: 'bambini', variants: ['bimbi', 'ragazzini', 'minorenni', 'minori'] },
    { term: 'scuola', variants: ['asilo', 'parco giochi', 'oratorio'] },
    { term: 'anziani', variants: ['anziano', 'anziana', 'anziane', 'disabile', 'disabili'], stem: false },
    // When and how often.
    { term: 'di notte', variants: ['la notte', 'ogni notte', 'tutte le notti', 'tutta la notte', 'stanotte', 'notturno'] },
    {
      term: 'ogni giorno',
      variants: ['tutti i giorni', 'ogni sera', 'tutte le sere', 'ogni settimana', 'continuamente', 'di continuo', 'in continuazione'],
    },
    // English.
    { term: 'now', variants: ['right now', 'happening now', 'at the moment', 'still there', 'in progress'], stem: false, typos: false },
    { term: 'children', variants: ['child', 'kids', 'kid', 'minors', 'teenagers'], stem: false, typos: false },
    { term: 'school', variants: ['schools', 'playground', 'nursery'], stem: false, typos: false },
    { term: 'elderly', variants: ['old people', 'pensioners', 'disabled'], stem: false, typos: false },
    { term: 'at night', variants: ['every night', 'all night', 'tonight'], stem: false, typos: false },
    { term: 'every day', variants: ['daily', 'all the time', 'constantly', 'every evening'], stem: false, typos: false },
  ],
};
