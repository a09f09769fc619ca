/**
 * Which of our two languages a citizen's own words are in, when they say so clearly. WhatsApp tells
 * us nothing about a sender's language and Telegram tells us the app's language, which for many
 * Italians is English: the first message itself is the better witness.
 *
 * Only words that belong to one language and are common in short chat messages count; words both
 * languages share ("a", "in", "via", "no") count for neither. A text is attributed only when one
 * side clearly outweighs the other, so "ok", "foto" or an address decide nothing.
 */
import type { Language } from '../domain/message';
import { tokenize } from './text';

const ENGLISH_ONLY = new Set(
  `the is are was were there this that these those with and of my your our his her their has have had
   been being it its someone somebody something near outside since every night street road please
   hi hello hey thanks thank what where when which who why how can could would should will not dont
   don isn im we they them he she you at from into about broken people car cars kids good morning evening
   afternoon yes yeah yep accept agree myself saw heard told think know sure just here anyone nobody`
    .split(/\s+/)
    .filter(Boolean),
);

const ITALIAN_ONLY = new Set(
  `il lo la gli le di del dello della dei degli delle al alla alle allo ai agli che e c ce sono ci nel
   nella nei sul sulla per non un una uno da dal dalla con ho ha hanno questo questa quello quella ciao buongiorno buonasera
   salve grazie sera notte strada davanti vicino tutti tutte ogni sempre ancora anche piu molto
   cosa dove quando perche mio mia nostro nostra qui qua sotto sopra dietro macchina ragazzi accetto visto
   detto sentito io mi ti sto sta stanno fanno gente buon pomeriggio si qualcuno nessuno`
    .split(/\s+/)
    .filter(Boolean),
);

// "hi", "hello", "ciao" alone are a clear enough choice of language.
const GREETINGS: Record<string, Language> = { hi: 'en', hello: 'en', hey: 'en', ciao: 'it', buongiorno: 'it', buonasera: 'it', salve: 'it' };

/**
 * 'en' or 'it' when the text clearly is in that language, otherwise undefined. `greetings: false`
 * during a dialog: "ciao" is said by English speakers too, and decides a first contact only.
 */
export function languageOfText(text: string, options: { greetings?: boolean } = {}): Language | undefined {
  let en = 0;
  let it = 0;
  const greetings = options.greetings ?? true;
  for (const token of tokenize(text.slice(0, 2_000))) {
    const greeting = greetings ? GREETINGS[token] : undefined;
    if (greeting === 'en') en += 2;
    else if (greeting === 'it') it += 2;
    else if (ENGLISH_ONLY.has(token)) en += 1;
    else if (ITALIAN_ONLY.has(token)) it += 1;
  }
  if (en >= 2 && en >= 3 * it) return 'en';
  if (it >= 2 && it >= 3 * en) return 'it';
  return undefined;
}
