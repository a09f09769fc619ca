/**
 * Words and phrases that mean someone may be in danger right now. When one is found the bot tells
 * the citizen to call 112 before anything else: a false alarm costs one extra line, a miss can cost
 * much more, but words that are common in ordinary reports must not fire (see the exclusions and
 * the `stem`/`typos` switches, documented in src/nlp/term-matcher.ts).
 */
import type { TermMatcherConfig } from './term-lists';

export const EMERGENCY_TERMS: TermMatcherConfig = {
  terms: [
    // Weapons. "arma" without stem or typos: "armadio", "amato" are not weapons.
    { term: 'arma', variants: ['armi', 'armato', 'armata', 'armati', 'armate', 'a mano armata'], stem: false, typos: false },
    { term: 'pistola', variants: ['pistole', 'rivoltella', 'fucile', 'fucili', 'colpi di arma da fuoco'] },
    {
      term: 'coltello',
      variants: ['coltelli', 'coltellata', 'coltellate', 'lama', 'machete'],
      stem: false,
    },
    {
      term: 'accoltellato',
      variants: ['accoltellata', 'accoltellati', 'accoltellare', 'accoltellando', 'accoltellamento', 'pugnalato', 'pugnalata'],
    },
    // "sparato"/"sparito" share stem and are one letter apart: explicit forms only.
    {
      term: 'spari',
      variants: ['sparato', 'sparata', 'sparati', 'sparano', 'sparando', 'sparare', 'sparatoria', 'colpi di pistola', 'colpo di pistola'],
      stem: false,
      typos: false,
    },
    // Injuries. "ferito" stems to "fer" like "ferie"; "riferito" is a different token.
    { term: 'ferito', variants: ['ferita', 'feriti', 'ferite', 'ferimento', 'ferita grave'], stem: false },
    { term: 'sangue', variants: ['sanguina', 'sanguinano', 'sanguinante', 'perde sangue'], stem: false },
    // Fire. "bruciato/a" is how a burnt-out bulb is described: only the present forms count. A fire
    // set and over ("hanno incendiato i cassonetti stanotte", "dato fuoco") is vandalism to report,
    // not a danger now: past participles are left out (no stem: "incendiato" stems like "incendio").
    { term: 'incendio', variants: ['incendi', 'fiamme', 'in fiamme'], stem: false },
    { term: 'fuoco', variants: ['va a fuoco', 'sta andando a fuoco', 'stanno dando fuoco'], typos: false },
    { term: 'brucia', variants: ['bruciano', 'bruciando', 'sta bruciando'], stem: false, typos: false },
    { term: 'fuga di gas', variants: ['perdita di gas', 'puzza di gas'], typos: false },
    // Violence in progress.
    {
      term: 'aggressione',
      variants: [
        'aggressione in corso',
        'aggressioni',
        'aggredito',
        'aggredita',
        'aggrediti',
        'aggredendo',
        'mi stanno aggredendo',
        'stanno picchiando',
        'picchiando',
        'pestaggio',
      ],
      stem: false,
    },
    { term: 'rapina in corso', variants: ['rapina a mano armata', 'stanno rapinando', 'rapinando'], stem: false, typos: false },
    { term: 'violenza', variants: ['violenze', 'violentando', 'stupro', 'rissa', 'risse'], stem: false },
    { term: 'incidente con feriti', variants: ['investito', 'investita', 'incidente grave'], stem: false, typos: false },
    // Someone in the house, or following the citizen, now.
    {
      term: 'stanno entrando in casa',
      variants: [
        'mi stanno entrando in casa',
        'stanno entrando in casa mia',
        'ladri in casa adesso',
        'stanno forzando la porta',
        'stanno scassinando la porta',
        'qualcuno in casa adesso',
      ],
      stem: false,
      typos: false,
    },
    { term: 'mi stanno seguendo', variants: ['mi sta seguendo', 'mi stanno minacciando', 'mi sta minacciando'], stem: false, typos: false },
    { term: 'sta annegando', variants: ['caduto nel fiume', 'caduta nel fiume', 'caduto nel canale', 'caduta nel canale', 'annega'], stem: false, typos: false },
    // Medical.
    { term: 'overdose' },
    { term: 'svenuto', variants: ['svenuta', 'svenuti', 'privo di sensi', 'priva di sensi', 'incosciente'], stem: false, typos: false },
    { term: 'non respira', variants: ['non respirano', 'sta morendo', 'infarto', 'ambulanza'], stem: false },
    {
      term: 'aiuto subito',
      variants: ['aiutatemi', 'aiuto aiuto', 'correte', 'venite subito', 'chiamate il 112', 'chiamate il 118'],
      stem: false,
    },
    // English.
    { term: 'gun', variants: ['guns', 'gunman', 'pistol', 'rifle', 'weapon', 'weapons', 'armed'], stem: false, typos: false },
    { term: 'knife', variants: ['knives', 'stabbed', 'stabbing', 'machete'], stem: false, typos: false },
    {
      term: 'shot',
      variants: ['shots', 'shots fired', 'shooting', 'gunshot', 'gunshots', 'gunfire', 'been shot'],
      stem: false,
      typos: false,
    },
    { term: 'injured', variants: ['injuries', 'wounded', 'hurt badly', 'badly hurt'], stem: false, typos: false },
    { term: 'bleeding', variants: ['blood'], stem: false },
    { term: 'fire', variants: ['fires', 'on fire', 'burning', 'flames', 'blaze', 'gas leak'], stem: false, typos: false },
    {
      term: 'attack in progress',
      variants: ['being attacked', 'attacking', 'assault', 'assaulted', 'assaulting', 'beating someone', 'fight', 'fighting'],
      stem: false,
      typos: false,
    },
    { term: 'robbery in progress', variants: ['armed robbery', 'being robbed', 'hold up', 'holdup'], stem: false, typos: false },
    {
      term: 'breaking in right now',
      variants: ['breaking into my house', 'breaking into the house', 'someone is in my house', 'burglars in my house', 'intruder in my house', 'trying to break in now'],
      stem: false,
      typos: false,
    },
    // "following me" alone is a suspicious-activity report; "is following me" is now.
    { term: 'is following me', variants: ['are following me', 'being followed right now', 'is threatening me', 'are threatening me'], stem: false, typos: false },
    { term: 'drowning', variants: ['fell in the river', 'fell into the river', 'fell in the canal', 'fell into the canal'], stem: false, typos: false },
    { term: 'not breathing', variants: ['unconscious', 'passed out', 'collapsed', 'overdosed', 'ambulance'], stem: false, typos: false },
    { term: 'help now', variants: ['help me now', 'urgent help', 'call 911', 'call 112'], stem: false, typos: false },
  ],
  exclusions: [
    "fuochi d'artificio",
    "fuoco d'artificio",
    'fuochi artificiali',
    'fuochi di artificio',
    'arma dei carabinieri',
    'fire hydrant',
    'fire station',
    'fire exit',
    'fireworks',
    // A fire set and over is vandalism to report ("hanno dato fuoco ai cassonetti stanotte", "bins set
    // on fire"); a fire still burning says so ("sta bruciando", "in fiamme", "burning").
    'dato fuoco',
    'appiccato il fuoco',
    'set fire to',
    'set on fire',
    'set fire',
    // Injecting drugs, not a gun.
    'shooting up',
  ],
};

const exact = (terms: readonly string[]) => terms.map((term) => ({ term, stem: false, typos: false }));

/**
 * A threat to the citizen said with "now", fear or a cry for help ("aiuto c'è uno che mi segue
 * adesso", "a guy is following me, help"): an emergency, though neither part alone is one ("mi segue
 * da settimane su Instagram" says no "now"; "adesso ci sono i rifiuti" no threat). Both lists match
 * whole words only.
 */
export const EMERGENCY_THREAT_NOW: { threats: TermMatcherConfig; now: TermMatcherConfig } = {
  threats: {
    terms: exact([
      'mi segue', 'mi seguono', 'ci segue', 'ci seguono', 'mi insegue', 'mi inseguono', 'ci insegue', 'ci inseguono', 'mi sta inseguendo',
      'mi minaccia', 'mi minacciano', 'ci minaccia', 'ci minacciano', 'mi picchia', 'mi picchiano', 'la picchia', 'lo picchia', 'si picchiano',
      'mi molesta', 'mi molestano', 'mi aggredisce', 'mi aggrediscono', 'cerca di entrare', 'cercano di entrare', 'prova a entrare',
      'prova ad entrare', 'provano a entrare', 'provano ad entrare', 'sta cercando di entrare', 'stanno cercando di entrare',
      'following me', 'following us', 'chasing me', 'chasing us', 'threatening me', 'threatening us', 'hitting me', 'hitting her',
      'hitting him', 'beating her', 'beating him', 'harassing me', 'trying to get in', 'trying to break in',
    ]),
  },
  now: {
    terms: exact([
      'adesso', 'ora', 'in questo momento', 'proprio ora', 'subito', 'aiuto', 'sos', 'presto', 'ho paura', 'ho tanta paura',
      'now', 'right now', 'at the moment', 'help', 'hurry', 'quick', 'scared', 'terrified', 'im scared', "i'm scared",
    ]),
  },
};
