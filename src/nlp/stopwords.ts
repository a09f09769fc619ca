/**
 * Function words (Italian and English, already without accents) that carry no meaning for
 * matching: articles, prepositions, pronouns, auxiliaries, conjunctions. Kept short on purpose:
 * a word listed here can never match a label or a term on its own.
 */
const ITALIAN = `
a ad al allo ai agli all alla alle c con col coi d da dal dallo dai dagli dall dalla dalle di del dello
dei degli dell della delle e ed gli i il in l la le li lo ma mi ti ci vi si ne nel nello nei negli nell
nella nelle o od per su sul sullo sui sugli sull sulla sulle tra fra un uno una un che chi cui come
dove quando anche io tu lui lei noi voi loro me te se mio mia miei mie tuo tua suo sua nostro nostra
questo questa questi queste quello quella quelli quelle ho hai ha abbiamo avete hanno sono sei e
siamo siete era erano stato stata stati state essere avere c e ce poi gia piu molto qui qua li la
ecco cosa sto sta stanno stai anzi
`;

const ENGLISH = `
a an the of to in on at by for from with and or but is are was were be been being am i you he she it
we they me him her us them my your his its our their this that these those there here have has had
do does did as so if then than into about some any someone somebody something
`;

export const STOPWORDS: ReadonlySet<string> = new Set(`${ITALIAN} ${ENGLISH}`.split(/\s+/).filter(Boolean));

export const isStopword = (token: string): boolean => STOPWORDS.has(token);

/**
 * Negations: not function words (they change what a phrase says: "non si accende"), but they name
 * nothing on their own.
 */
const NEGATIONS: ReadonlySet<string> = new Set(['non', 'nn', 'not', 'no', 'never', 'mai', 'nessun', 'nessuna', 'nessuno']);

export const isNegation = (token: string): boolean => NEGATIONS.has(token);

/**
 * Words that only greet, call for help or say when ("buon giorno", "aiuto", "stanotte", "every night"): a message made of
 * nothing else names no problem, whatever the word statistics say ("giorno" leans to street
 * lighting because of "acceso di giorno"). In a longer message they count as usual.
 */
const NAMELESS: ReadonlySet<string> = new Set(
  `buon buona buongiorno buonasera buonanotte ciao salve giorno giorni notte notti stanotte sera sere stasera
   mattina pomeriggio estate inverno primavera autunno oggi ieri domani settimana settimane mese mesi anno anni sempre ora adesso good hi hello hey
   aiuto aiutatemi aiutami aiutateci aiutare help helpp helppp helpme scusate scusi scusa sorry excuse ehi yo hiya
   morning afternoon summer winter spring autumn evening night nights tonight day days today yesterday tomorrow week weeks month months year years now always`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that say where, who or that something is wrong, but not what ("via", "street", "gente",
 * "problema", "qualcuno", "mandare"): they complete a phrase ("via al buio", "persone sospette")
 * but never name a category on their own, so "c'è un problema in via roma, mandate qualcuno" is a
 * question to ask, not a guess.
 */
const GENERIC: ReadonlySet<string> = new Set(
  `via viale vicolo strada strade piazza piazzale zona zone quartiere area posto luogo parte casa case
   stesso stessa stessi stesse solito solita soliti solite sotto sopra davanti dietro vicino accanto palazzo condominio tutto tutta tutti tutte ovunque dappertutto everything everywhere gente persone persona qualcuno qualcosa tizio tizi tipo tipi uno problema problemi
   tanto tanta tanti tante troppo troppa troppi troppe prova test testing situazione brutto brutta brutti brutte pericolo pericoli pericoloso pericolosa pericolosi pericolose danger dangerous funziona funzionano cosa cose segnalare segnalazione segnalo segnalazioni volevo vorrei voglio fare potete
   potreste mandare mandate venire venite vedere controllare qualcuno nessuno grazie favore urgente
   street streets road roads avenue lane area place spot house houses home people person guy guys
   problem problems issue issues situation thing things report reporting complain complaint please
   grave gravi serio seria stazione parco parchetto giardini giardinetti scuola scuole chiesa negozio negozi
   media medie elementare elementari liceo asilo ospedale cimitero municipio mercato lungomare spiaggia biblioteca palestra oratorio farmacia
   angolo ferrovia primary secondary hospital market beach library corner railway
   supermercato centro fermata contro dopo prima senza verso dentro fuori mentre durante oltre giu su
   serious urgent station park school church shop shops supermarket centre center same usual last near behind outside opposite next send come look check want need someone anyone nobody sort kind bit lot right`
    .split(/\s+/)
    .filter(Boolean),
);

/** True for a word that says where or who or that something is wrong, never what (see GENERIC). */
export const isGeneric = (token: string): boolean => GENERIC.has(token);

/** Every word that names nothing on its own (negations, greetings, time words, generic words). */
export const NAMELESS_WORDS: readonly string[] = [...NEGATIONS, ...NAMELESS, ...GENERIC];

/** True for a word that names no problem on its own: a negation, a greeting, a time word or a generic word. */
export const namesNothing = (token: string): boolean => NEGATIONS.has(token) || NAMELESS.has(token) || GENERIC.has(token);
