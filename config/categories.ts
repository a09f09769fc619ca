/**
 * The category catalog: what a citizen can report, in the order of the numbered menu they see.
 * Ids are owned here (one module owns each name); labels are what citizens read; synonyms are the
 * words citizens use instead, for answer matching and the category classifier (any case, accents
 * optional: matching normalises both sides).
 */

export type Category = {
  id: string;
  labels: { it: string; en: string };
  synonyms: { it: string[]; en: string[] };
  /** 1 (least) .. 5 (most serious): the base of a report's priority. */
  severity: 1 | 2 | 3 | 4 | 5;
  /** Reports that may concern people (suspects, drugs, theft): stricter visibility and wording. */
  sensitive: boolean;
  /** GeoReport v2 service_code published by the Open311 endpoint. */
  open311Code: string;
  /** Radius for "is this already reported nearby?"; a default applies when absent. */
  nearbyRadiusMeters?: number;
  emoji?: string;
};

export const CATEGORIES: readonly Category[] = [
  {
    id: 'urban_decay',
    labels: { it: 'Degrado urbano', en: 'Urban decay' },
    synonyms: {
      it: [
        'degrado', 'sporcizia', 'incuria', 'edificio abbandonato', 'casa abbandonata',
        'capannone abbandonato', 'stabile abbandonato', 'rudere', 'erba alta', 'sterpaglie',
        'siringhe', 'bivacco', 'bivacchi', 'accampamento', 'occupazione abusiva', 'escrementi',
        'muro pericolante', 'giardino incolto', 'area abbandonata',
      ],
      en: ['decay', 'urban decay', 'neglect', 'derelict', 'run down', 'abandoned building', 'overgrown', 'syringes'],
    },
    severity: 2,
    sensitive: false,
    open311Code: 'VIC-URBAN-DECAY',
    nearbyRadiusMeters: 100,
    emoji: '🏚️',
  },
  {
    id: 'suspicious_activity',
    labels: { it: 'Persone o veicoli sospetti', en: 'Suspicious people or vehicles' },
    synonyms: {
      it: [
        'sospetto', 'sospetti', 'persona sospetta', 'persone sospette', 'individui sospetti',
        'auto sospetta', 'macchina sospetta', 'furgone sospetto', 'veicolo sospetto',
        'movimenti strani', 'movimenti sospetti', 'si aggira', 'si aggirano', 'gente strana',
        'sconosciuti', 'appostati', 'fanno la ronda', 'controllano le case',
      ],
      en: ['suspicious', 'suspicious person', 'suspicious people', 'suspicious car', 'suspicious van', 'loitering', 'prowler', 'strangers'],
    },
    severity: 3,
    sensitive: true,
    open311Code: 'VIC-SUSPICIOUS',
    nearbyRadiusMeters: 300,
    emoji: '👀',
  },
  {
    id: 'vandalism',
    labels: { it: 'Vandalismo', en: 'Vandalism' },
    synonyms: {
      it: [
        'vandalismo', 'vandalismi', 'vandali', 'vandalizzato', 'atti vandalici', 'graffiti',
        'scritte sui muri', 'scritte', 'imbrattato', 'imbrattano', 'danneggiato', 'danneggiamento',
        'distrutto', 'spaccato', 'spaccano', 'vetri rotti', 'vetrina rotta', 'panchina rotta',
        'cabina distrutta', 'gomme tagliate', 'specchietti rotti',
      ],
      en: ['vandalism', 'vandals', 'vandalised', 'vandalized', 'graffiti', 'damaged', 'smashed', 'tagging', 'broken windows'],
    },
    severity: 3,
    sensitive: false,
    open311Code: 'VIC-VANDALISM',
    nearbyRadiusMeters: 100,
    emoji: '🔨',
  },
  {
    id: 'drug_dealing',
    labels: { it: 'Spaccio di droga', en: 'Drug dealing' },
    synonyms: {
      it: [
        'spaccio', 'spacciatori', 'spacciatore', 'spacciano', 'droga', 'droghe', 'drogati',
        'tossici', 'tossicodipendenti', 'stupefacenti', 'sostanze', 'pusher', 'cocaina', 'eroina',
        'hashish', 'marijuana', 'crack', 'vendono droga', 'si drogano', 'bustine',
      ],
      en: ['drugs', 'drug dealing', 'drug dealer', 'drug dealers', 'dealer', 'dealers', 'dealing', 'selling drugs', 'junkies', 'cocaine', 'heroin'],
    },
    severity: 4,
    sensitive: true,
    open311Code: 'VIC-DRUGS',
    nearbyRadiusMeters: 300,
    emoji: '💊',
  },
  {
    id: 'theft',
    labels: { it: 'Furto o tentato furto/scasso', en: 'Theft or attempted theft/burglary' },
    synonyms: {
      it: [
        'furto', 'furti', 'tentato furto', 'ladro', 'ladri', 'ladra', 'rubato', 'rubata', 'rubati',
        'rubano', 'rubare', 'scasso', 'effrazione', 'scassinato', 'forzato', 'serratura forzata',
        'scippo', 'scippatori', 'borseggio', 'borseggiatori', 'rapina', 'intrusione',
        'entrati in casa', 'furto in appartamento',
      ],
      en: ['theft', 'thief', 'thieves', 'stolen', 'stole', 'steal', 'robbed', 'robbery', 'burglary', 'burglar', 'break in', 'broke in', 'pickpocket', 'mugging'],
    },
    severity: 4,
    sensitive: true,
    open311Code: 'VIC-THEFT',
    nearbyRadiusMeters: 200,
    emoji: '🔓',
  },
  {
    id: 'noise',
    labels: { it: 'Rumori e disturbo', en: 'Noise and disturbance' },
    synonyms: {
      it: [
        'rumore', 'rumori', 'rumoroso', 'rumorosi', 'disturbo', 'disturbo della quiete',
        'schiamazzi', 'musica alta', 'musica a tutto volume', 'urla', 'urlano', 'gridano',
        'baccano', 'chiasso', 'festa', 'movida', 'petardi', 'cani che abbaiano', 'clacson',
      ],
      en: ['noise', 'noisy', 'loud', 'loud music', 'shouting', 'yelling', 'party', 'disturbance', 'barking'],
    },
    severity: 2,
    sensitive: false,
    open311Code: 'VIC-NOISE',
    nearbyRadiusMeters: 150,
    emoji: '🔊',
  },
  {
    id: 'abandoned_waste',
    labels: { it: 'Rifiuti abbandonati', en: 'Abandoned waste' },
    synonyms: {
      it: [
        'rifiuti', 'rifiuto', 'immondizia', 'spazzatura', 'monnezza', 'mondezza', 'pattume',
        'sacchetti', 'sacchi neri', 'discarica', 'discarica abusiva', 'ingombranti', 'materasso',
        'materassi', 'divano abbandonato', 'elettrodomestici', 'calcinacci', 'eternit', 'amianto',
        'cassonetto pieno', 'cassonetti pieni',
      ],
      en: ['waste', 'rubbish', 'garbage', 'trash', 'litter', 'fly tipping', 'dumping', 'dumped', 'bin bags', 'mattress'],
    },
    severity: 2,
    sensitive: false,
    open311Code: 'VIC-WASTE',
    nearbyRadiusMeters: 50,
    emoji: '🗑️',
  },
  {
    id: 'abandoned_vehicle',
    labels: { it: 'Veicoli abbandonati', en: 'Abandoned vehicles' },
    synonyms: {
      it: [
        'veicolo abbandonato', 'auto abbandonata', 'macchina abbandonata', 'moto abbandonata',
        'motorino abbandonato', 'scooter abbandonato', 'bici abbandonata', 'camper abbandonato',
        'rottame', 'rottami', 'carcassa', 'senza targa', 'auto senza targa', 'ferma da mesi',
        'auto bruciata', 'relitto',
      ],
      en: ['abandoned car', 'abandoned vehicle', 'abandoned scooter', 'wreck', 'car wreck', 'no plates', 'scrap car'],
    },
    severity: 2,
    sensitive: false,
    open311Code: 'VIC-VEHICLE',
    nearbyRadiusMeters: 30,
    emoji: '🚗',
  },
  {
    id: 'street_lighting',
    labels: { it: 'Illuminazione pubblica guasta', en: 'Broken street lighting' },
    synonyms: {
      it: [
        'illuminazione', 'illuminazione pubblica', 'lampione', 'lampioni', 'lampione spento',
        'lampioni spenti', 'lampione rotto', 'luce rotta', 'luce spenta', 'luci spente', 'lampadina',
        'lampada', 'buio', 'strada buia', 'via al buio', 'luce che lampeggia', 'palo della luce',
      ],
      en: ['street light', 'streetlight', 'street lights', 'lamp post', 'lamppost', 'lighting', 'light out', 'dark street', 'broken light'],
    },
    severity: 2,
    sensitive: false,
    open311Code: 'VIC-LIGHTING',
    nearbyRadiusMeters: 30,
    emoji: '💡',
  },
  {
    id: 'other',
    labels: { it: 'Altro', en: 'Other' },
    synonyms: {
      it: ['altro', 'altra cosa', 'qualcos altro', 'nessuna di queste', 'nessuno di questi'],
      en: ['other', 'something else', 'none of these', 'none'],
    },
    severity: 1,
    sensitive: false,
    open311Code: 'VIC-OTHER',
    emoji: '❓',
  },
];

const BY_ID = new Map(CATEGORIES.map((category) => [category.id, category]));

export function categoryById(id: string): Category | undefined {
  return BY_ID.get(id);
}
