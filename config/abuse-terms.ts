/**
 * Insults and threats in a report's description: such a report is flagged to the agent (never
 * refused: an angry citizen may still report something real). Matched by src/nlp/abuse.ts; stems
 * and typos off, so ordinary words are never taken for an insult.
 */
import type { TermMatcherConfig } from './term-lists';

const exact = (term: string, variants: string[] = []) => ({ term, variants, stem: false, typos: false });

export const INSULT_TERMS: TermMatcherConfig = {
  terms: [
    exact('idiota', ['idioti', 'imbecille', 'imbecilli', 'cretino', 'cretini', 'deficiente', 'deficienti']),
    exact('stronzo', ['stronzi', 'stronza', 'coglione', 'coglioni', 'bastardo', 'bastardi', 'pezzo di merda', 'pezzi di merda']),
    exact('vaffanculo', ['fanculo', 'andate a fanculo', 'vai a fanculo']),
    exact('fannulloni', ['fannullone', 'buoni a nulla', 'mangiapane a tradimento']),
    exact('idiot', ['idiots', 'moron', 'morons', 'imbecile', 'stupid pigs', 'useless pigs']),
    exact('asshole', ['assholes', 'bastard', 'bastards', 'fuck you', 'piece of shit']),
  ],
};

export const THREAT_TERMS: TermMatcherConfig = {
  terms: [
    exact('ti ammazzo', ['vi ammazzo', 'lo ammazzo', 'li ammazzo', 'ti uccido', 'vi uccido', 'lo uccido', 'li uccido']),
    exact('te la faccio pagare', ['ve la faccio pagare', 'gliela faccio pagare', 'la pagherete', 'me la pagherete']),
    exact('vi faccio male', ['ti faccio male', 'gli spacco la faccia', 'ti spacco la faccia', 'vi spacco la faccia', 'vi brucio', 'gli brucio']),
    exact('i will kill', ["i'll kill", 'kill you', 'kill them all', 'i will hurt', 'you will pay for this', 'burn your']),
  ],
};
