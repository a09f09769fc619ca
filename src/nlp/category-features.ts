/**
 * What the category classifier sees of a message: stems of its content words and of adjacent
 * pairs ("erba alta" is not "erba"; "non funziona" is not "funziona"), after a few idioms that
 * would mislead word statistics are rewritten.
 */
import porterStemmerEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isStopword } from './stopwords';
import { normalizeText, stemToken, tokenize } from './text';

/**
 * Participles of acts that damage a thing on purpose (Italian, normalised; every ending). Not "rotto":
 * "hanno rotto il lampione" is a lamp to repair as much as an act (see Category.decisive); not
 * "tagliato" or "bruciato": grass is cut and stubble burnt on purpose too.
 */
const DAMAGE_ACTS = [
  'rigat',
  'sgonfiat',
  'spaccat',
  'graffiat',
  'piegat',
  'strappat',
  'bucat',
  'danneggiat',
  'sfondat',
  'squarciat',
  'ammaccat',
  'spezzat',
  'frantumat',
  'sfasciat',
  'scassat',
  'distrutt',
  'ribaltat',
  'rovesciat',
  'incendiat',
  'imbrattat',
  'scardinat',
  'divelt',
  'sradicat',
  'tagliuzzat',
  'fracassat',
]
  .map((stem) => `${stem}[oaie]`)
  .join('|');

/** What breaks things with no one behind it: "le radici hanno alzato le mattonelle" is wear, not an act. */
const NATURAL_CAUSES = 'radici|vento|pioggia|gelo|grandine|neve|temporale|maltempo|tempo|ruggine|alberi|albero|acqua|anni|usura';

/**
 * Idioms whose words point at the wrong category: "spacciandosi per tecnici del gas" is someone
 * pretending to be a technician (a scam), not drug dealing. Applied to normalised text.
 */
const IDIOMS: ReadonlyArray<[RegExp, string]> = [
  // Venetian past participles in -à after "ga" (has/have) or "xe" (is): "i ga rigà", "ga robà", "xe alsà".
  [/\b(?:ghe |gh )?ga (\p{L}{2,}?)a\b/gu, 'hanno $1ato'],
  [/\bxe (\p{L}{2,}?)a\b/gu, 'e $1ato'],
  [/\btuta la no?tt?e\b/g, 'tutta la notte'],
  // Someone did it: "hanno sfondato la panchina", "gli hanno rigato la macchina", and the elliptical
  // passive with the act before its object ("sgonfiate le ruote di tutte le bici", "rigate tutte le
  // auto"). A state comes after its noun ("ruote sgonfie", "panchina rotta") or after "è"/"si è",
  // and roots, wind or frost break things without meaning to.
  [
    new RegExp(
      String.raw`(?<!\b(?:${NATURAL_CAUSES}) )\b(?:hanno|han|ha|avevano|aveva) (?:(?:gia|di nuovo|ancora) )?(${DAMAGE_ACTS})\b`,
      'g',
    ),
    'deliberatamente $1',
  ],
  [
    new RegExp(
      String.raw`(?<!\b(?:e|si|se|sono|era|erano|stato|stata|stati|state|trovato|trovata|trovati|trovate) )(?<!deliberatamente )\b(${DAMAGE_ACTS}) (?=(?:tutt[eiao] )?(?:le|i|gli|il|la|lo|l|un|una|alcune|alcuni|due|tre)\b)`,
      'g',
    ),
    'deliberatamente $1 ',
  ],
  // Roots, wind or frost lifted it, not vandals: "piastrelle divelte dalle radici", "uprooted by the storm".
  [
    new RegExp(
      String.raw`\b(?:${DAMAGE_ACTS}|sollevat[oaie]) (?=(?:dall[ae]|dal|dai|dagli|per il|per la|col|con il) (?:${NATURAL_CAUSES})\b)`,
      'g',
    ),
    'sollevato ',
  ],
  [
    /\b(?:uprooted|snapped|ripped (?:out|up)|torn (?:out|up|down)|pulled up|bent|broken|smashed|damaged) (?=by (?:the )?(?:tree )?(?:roots|wind|storm|frost|ice|weather|rust|age|years)\b)/g,
    'lifted ',
  ],
  // Someone did it: "somebody bent the mirrors", "kids have scratched every car" (not "broke into":
  // a theft; not "cut the lock": how a thief gets in).
  [
    /\b(someone|somebody|some idiot|some idiots|some kids|kids|vandals|they|people|yobs|youths|teenagers|lads|idiots) (?:has |have |had )?(?:just |again )?(bent|scratched|keyed|slashed|smashed|snapped|ripped|kicked|punctured|deflated|damaged|dented|sprayed|scraped|bashed|wrecked|ruined|broke(?! ?in(?:to)?\b))\b/g,
    '$1 deliberately $2',
  ],
  // ...and the passive: "the tyres were cut by someone", "mirrors broken by kids".
  [
    /\b(cut|slashed|scratched|keyed|bent|smashed|broken|broke|damaged|punctured|deflated|ripped|torn|kicked|snapped) (?=by (?:some|someone|somebody|kids|vandals|youths|teenagers|people|lads|idiots)\b)/g,
    'deliberately $1 ',
  ],
  // A lid gone is a state: "tombino senza coperchio", "drain without its cover".
  [/\bsenza (?:il |la )?(?:coperchio|tappo|grata|griglia|chiusino)\b/g, 'scoperchiato'],
  [/\b(?:without|no|missing) (?:a |the |its )?(?:cover|lid|grate)\b/g, 'uncovered'],
  // Two words for one place: "pista ciclabile", "cycle lane", "see-saw".
  [/\b(?:pista|corsia) ciclabile\b/g, 'ciclabile'],
  [/\b(?:cycle|bike|bicycle)[\s-](?:lane|path|track|way)\b/g, 'cyclepath'],
  [/\bsee[\s-]?saw\b/g, 'seesaw'],
  // "c'è un casino" is a mess of any kind (noise only when someone makes it: "fanno casino").
  [/\bc\W*e (?:(?:un|sto|questo|un gran|un bel) )?casino\b/g, 'c e problema'],
  // "nobody take it" (left there, unclaimed) is no theft.
  [/\b(nobody|no one|noone) (?:take|takes|took|taken|pick|picks)\b/g, '$1 moves'],
  [/\b(?:spacciandos[ie]|spacciarsi|(?:si|se) spacci(?:a|ano|ava|avano))\s+(?:per|come|da)\b/g, 'fingendosi'],
  // "si apposta" lies in wait (suspicious); "apposta" alone is "on purpose" (an act of vandalism).
  [/\b(?:si|se) appost(?:a|ano|ava|avano)\b/g, 'appostato'],
  [/\bapposta\b/g, 'deliberatamente'],
  // Something that is no longer there ("la bici non c'era più", "the quad bike is gone"): taken, as
  // "sparito" says; a light that "is gone" is still read by its own word.
  [/\bnon (?:c\W*(?:e|era|erano|sono)|(?:lo|la|li|le) (?:trovo|trovavo|ho trovato)|ho (?:piu )?trovato) piu\b/g, 'sparito'],
  [/\b(?:is|was|are|were|had|has) (?:all )?gone\b(?! (?:out|off|dark|dim|up|down|on|into|through|to|in))/g, 'gone missing'],
  // "si buca", "se bucano": injecting drugs, not a pothole ("buca") or a punctured tyre ("si è bucata la gomma").
  [/\b(?:si|se|ci) buc(?:a|ano|ava|avano)\b(?!\s+(?:l[ae] |una |la )?(?:gomm|ruot|pneumatic))/g, 'si drogano'],
  // A problem said not to be there ("non è una festa", "nn fanno casino", "it's not a party"): the
  // word is dropped, the rest of the message is read as usual.
  [/\b(?:non|nn) (?:e|sono|fanno) (?:(?:un|una|uno|il|la|lo|i|le|gli|del|della|dei|delle|tanto|molto) )?\p{L}+/gu, 'non'],
  [/\b(?:isnt|aint|is not|its not|it s not|not) (?:a|an|really a|that much) \p{L}+/gu, 'not'],
];

export function rewriteIdioms(normalized: string): string {
  return IDIOMS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), normalized);
}

const enStemCache = new Map<string, string>();

/**
 * One stem for a word in either language: the Italian stem, then the English one ("dealers" ->
 * "dealer", "lights" -> "light"; Italian stems pass through almost unchanged). Two Italian verbs
 * that share a stem are kept apart: "spaccato" (smashed) is vandalism, "spaccio" (dealing) is not.
 */
export function featureStem(token: string): string {
  if (token.startsWith('spacci')) return 'spacci';
  if (token.startsWith('spacc')) return 'spacca';
  const italian = stemToken(token);
  let stem = enStemCache.get(italian);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(italian) ? porterStemmerEn.stem(italian) : italian;
    if (enStemCache.size > 50_000) enStemCache.clear();
    enStemCache.set(italian, stem);
  }
  return stem;
}

/**
 * Regional and chat spellings read as the standard word ("nun" -> "non", "guagliune" -> "ragazzi",
 * "venneno" -> "vendono", "ciulato" -> "rubato", "ke" -> "che"): the vocabulary and the examples are
 * written in standard Italian and English, citizens are not. Whole tokens only (normalised, no accents).
 */
const REGIONAL_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Rome and the centre
    nun: 'non',
    na: 'una',
    der: 'del',
    ar: 'al',
    co: 'con',
    pe: 'per',
    regazzi: 'ragazzi',
    regazzini: 'ragazzini',
    regazzino: 'ragazzino',
    pischelli: 'ragazzi',
    pischello: 'ragazzo',
    machina: 'macchina',
    machine: 'macchine',
    // Naples and the south
    guagliune: 'ragazzi',
    guaglioni: 'ragazzi',
    guaglione: 'ragazzo',
    guagliuncelli: 'ragazzini',
    picciotti: 'ragazzi',
    venneno: 'vendono',
    venne: 'vende',
    vennono: 'vendono',
    robba: 'roba',
    sempe: 'sempre',
    ncopp: 'sopra',
    mmiezz: 'mezzo',
    munnezza: 'monnezza',
    munnizza: 'monnezza',
    arrobbato: 'rubato',
    arrubbato: 'rubato',
    arrobbata: 'rubata',
    arrubbata: 'rubata',
    // Naples and Sicily: articles and verbs that hide the content words ("'o parco sta 'nu schifo",
    // "du picciotti ca talìanu dintra i machini")
    nu: 'un',
    auta: 'alta',
    sunnu: 'sono',
    du: 'due',
    talia: 'guarda',
    taliano: 'guardano',
    talianu: 'guardano',
    taliava: 'guardava',
    dintra: 'dentro',
    rintra: 'dentro',
    machini: 'macchine',
    nenti: 'niente',
    picciuttedda: 'ragazza',
    carusi: 'ragazzi',
    caruso: 'ragazzo',
    arrubbaru: 'rubato',
    arrubbatu: 'rubato',
    fetenzia: 'schifo',
    sfravecato: 'crollato',
    sfravecata: 'crollata',
    scassato: 'rotto',
    scassata: 'rotta',
    scassati: 'rotti',
    scassate: 'rotte',
    rutto: 'rotto',
    rutta: 'rotta',
    rutti: 'rotti',
    rutte: 'rotte',
    jochi: 'giochi',
    avuta: 'alta',
    avutu: 'alto',
    marciappiede: 'marciapiede',
    firriano: 'girano',
    firrianu: 'girano',
    cca: 'qua',
    zozzo: 'sporco',
    zozza: 'sporca',
    zozzi: 'sporchi',
    mo: 'ora',
    ggente: 'gente',
    sti: 'questi',
    // Venice and the north-east
    tosi: 'ragazzi',
    fioi: 'ragazzi',
    xe: 'e',
    tuto: 'tutto',
    bagaj: 'ragazzi',
    fioeu: 'ragazzi',
    sciur: 'signore',
    // Milan and the north
    gesa: 'chiesa',
    scalin: 'scalini',
    hinn: 'sono',
    rott: 'rotti',
    tuti: 'tutti',
    stassion: 'stazione',
    portafoeuj: 'portafoglio',
    sfonnate: 'sfondate',
    sfonnato: 'sfondato',
    sfonnata: 'sfondata',
    sfonnati: 'sfondati',
    ciula: 'ruba',
    ciulato: 'rubato',
    ciulata: 'rubata',
    ciulati: 'rubati',
    ciulano: 'rubano',
    ghe: 'ce',
    ga: 'hanno',
    tute: 'tutte',
    ciave: 'chiave',
    roto: 'rotto',
    rota: 'rotta',
    roti: 'rotti',
    rote: 'rotte',
    robato: 'rubato',
    robata: 'rubata',
    robai: 'rubati',
    brusato: 'bruciato',
    sgionfato: 'sgonfiato',
    spacato: 'spaccato',
    butato: 'buttato',
    alsato: 'alzato',
    tiempo: 'tempo',
    pirtusa: 'buche',
    pirtusu: 'buco',
    pirtuso: 'buco',
    casin: 'casino',
    lla: 'la',
    sbusato: 'bucato',
    tombin: 'tombino',
    sbregato: 'strappato',
    sbregata: 'strappata',
    sbregati: 'strappati',
    sbregade: 'strappate',
    el: 'il',
    // Chat
    ke: 'che',
    xke: 'perche',
    xche: 'perche',
    cmq: 'comunque',
    qlc: 'qualcuno',
    qlcs: 'qualcosa',
    tt: 'tutto',
    sn: 'sono',
    u: 'you',
    ur: 'your',
    smth: 'something',
    cuz: 'because',
    cant: 'cannot',
    couldnt: 'cannot',
    nite: 'night',
    coz: 'because',
  }),
);

/**
 * A message's normalised tokens, idioms rewritten and regional spellings read, function words kept
 * (a phrasal verb needs its particle: "broke in"): what the catalog's phrases are matched against.
 */
export function categoryTokens(text: string): string[] {
  return tokenize(rewriteIdioms(normalizeText(text))).map((token) => REGIONAL_FORMS.get(token) ?? token);
}

/** A message's content words (categoryTokens without function words): what the classifier reads. */
export function categoryWords(text: string): string[] {
  return categoryTokens(text).filter((token) => !isStopword(token));
}

/** Unigram and bigram features of a message's (already corrected) content tokens. */
export function featuresOf(tokens: readonly string[]): string[] {
  const stems = tokens.map(featureStem);
  const pairs = stems.slice(1).map((stem, index) => `${stems[index]}+${stem}`);
  return [...stems, ...pairs];
}
