/**
 * Issue 15 item 2: the classes of free-text category answers the category step used to get wrong,
 * one test per class (the evaluation sets in tests/unit/nlp/category-eval.test.ts measure the whole).
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { describe, expect, it } from 'vitest';
import { categoryById, type Category } from '../../../config/categories';
import { categoryMenuOptions, categoryUnderstanding } from '../../../flows/nlp';
import { matchChoice, scoreChoiceOptions, type ChoiceOption } from '../../../src/nlp/answer-matcher';
import { createCategoryClassifier } from '../../../src/nlp/category-classifier';
import { FeatureListBayesClassifier } from '../../../src/nlp/feature-list-bayes';
import { inflectionSimilarity } from '../../../src/nlp/fuzzy';
import { prepareLabel, scoreLabel } from '../../../src/nlp/label-scorer';
import { tokenize } from '../../../src/nlp/text';

const single = (text: string) => {
  const understood = categoryUnderstanding(text);
  return understood.kind === 'chosen' || understood.kind === 'suggested' ? understood.categoryId : understood.kind;
};

describe('everyday English and Italian wording of each category', () => {
  it.each([
    ['traffic light stuck on red', 'other'],
    ['street light out', 'street_lighting'],
    ['dumped mattress', 'abandoned_waste'],
    ['abandoned car', 'abandoned_vehicle'],
    ['someone dealing drugs', 'drug_dealing'],
    ['kids vandalising the shelter', 'vandalism'],
    ['loud music every night', 'noise'],
    ['fake gas man scam', 'suspicious_activity'],
    ['mi hanno fregato lo scooter', 'theft'],
    ['fumano canne ai giardinetti', 'drug_dealing'],
    ['dog poop all over the path', 'urban_decay'],
  ])('%j -> %s', (text, expected) => {
    expect(single(text)).toBe(expected);
  });
});

describe('a category named with a word that also belongs to another', () => {
  // "abbandonati" is also in «Veicoli abbandonati»: the label and the classifier's clear lead settle it
  // (a voice note's transcript in tests/e2e/simulator-voice.test.ts was suggested, not taken).
  it.each(['rifiuti abbandonati vicino alla scuola', 'sacchi di rifiuti abbandonati davanti alla stazione'])(
    '"%s" is abandoned waste, taken',
    (text) => {
      expect(categoryUnderstanding(text)).toEqual({ kind: 'chosen', categoryId: 'abandoned_waste' });
    },
  );
});

describe('problems the catalog files under two categories', () => {
  // Road surface damage is «Altro» to some citizens and «Degrado urbano» to others (two independent
  // writers of our evaluation sets disagree): the citizen is asked which, with two buttons.
  it.each(['pothole', 'the road is broken', 'the road surface is all broken up', 'asfalto tutto rotto e pieno di crepe', 'buca'])(
    '%j -> either «Altro» or «Degrado urbano»',
    (text) => {
      const understood = categoryUnderstanding(text);
      expect(understood.kind).toBe('either');
      expect(understood.kind === 'either' && [...understood.categoryIds].sort()).toEqual(['other', 'urban_decay']);
    },
  );

  it('but a road problem named with another category is read as usual', () => {
    expect(single('rubbish dumped in the pothole by the school')).toBe('abandoned_waste');
  });
});

describe('a deliberate act or a thing with its own category settles the report', () => {
  it.each([
    ['ragazzini che prendono a sassate i lampioni del parco', 'vandalism'],
    ['someone deliberately smashed the traffic light at the junction', 'vandalism'],
    ['il semaforo pedonale lampeggia da due giorni', 'other'],
    ['the traffic lights are flickering on and off', 'other'],
  ])('%j -> %s', (text, expected) => {
    expect(single(text)).toBe(expected);
  });

  it('a typo of a decisive phrase is no decisive phrase when the word is a catalog word itself ("scaricato" is not "sradicato")', () => {
    expect(single('hanno scaricato calcinacci e mobili vecchi in fondo al parcheggio')).toBe('abandoned_waste');
  });
});

describe('idioms, negated mentions and regional spellings', () => {
  it.each([
    ['hanno rigato la fiancata della macchina, chiaramente apposta', 'vandalism'],
    ['un uomo si apposta ogni sera dietro il cancello della scuola', 'suspicious_activity'],
    ['dietro la stazione la gente si buca sulle scale', 'drug_dealing'],
    ['non è una festa, ogni notte arrivano auto e si scambiano bustine', 'drug_dealing'],
    ["'sti guagliune venneno 'a robba ogni sera sotto 'o palazzo", 'drug_dealing'],
    ["m'hanno ciulato lo scooter sotto casa", 'theft'],
    ['nun se dorme pe la musica der locale', 'noise'],
  ])('%j -> %s', (text, expected) => {
    expect(single(text)).toBe(expected);
  });

  it('a phrasal verb keeps its particle in a description ("broke in" is a theft, "broke" alone is not)', () => {
    expect(single('someone broke in to my car last night')).toBe('theft');
  });

  it('a punctured tyre is no drug use ("si è bucata la gomma")', () => {
    expect(single('mi si buca la gomma ogni volta per i vetri sulla ciclabile')).not.toBe('drug_dealing');
  });

  it('a message of only generic, place and time words is a question, not a guess', () => {
    for (const text of [
      'volevo segnalare una cosa grave',
      'near the station',
      "c'è un problema in piazza, mandate qualcuno",
      'same as last week',
    ]) {
      expect(['unknown', 'candidates'], text).toContain(categoryUnderstanding(text).kind);
    }
  });
});

describe('a word is no form of a different word', () => {
  it.each([
    ['elettrica', 'elettrodomestici'], // "bici elettrica" is no household appliance
    ['contro', 'contrassegni'],
  ])('%j is not %j', (word, label) => {
    expect(inflectionSimilarity(word, label)).toBe(0);
  });

  it('Italian "case" (houses), "pericoloso", "coperta" name no category on their own', () => {
    for (const text of ['ci sono tante case nuove', 'è pericoloso', 'ho portato una coperta']) {
      expect(categoryUnderstanding(text).kind, text).toBe('unknown');
    }
  });
});

describe('phrases are read as phrases', () => {
  it('a trailing particle is part of a phrasal verb: "broken" alone is not "broken into"', () => {
    const brokenInto = prepareLabel('broken into');
    expect(scoreLabel(tokenize('someone broken into the shed'), brokenInto).score).toBe(1);
    expect(scoreLabel(tokenize('the benches are broken'), brokenInto).score).toBeLessThan(0.6);
    // The particle must follow its verb: "lights in the underpass are broken" is not "broken in".
    expect(scoreLabel(tokenize('the lights in the underpass are broken'), prepareLabel('broken in')).score).toBeLessThan(0.6);
    // A particle alone matches nothing.
    expect(scoreLabel(tokenize('needles in the playground'), prepareLabel('kicked in')).score).toBe(0);
  });

  it('a label made only of a function word or a negation still matches itself ("sì", "no")', () => {
    const yesNo: ChoiceOption[] = [
      { id: 'yes', labels: ['Sì', 'yes'] },
      { id: 'no', labels: ['No', 'nope'] },
    ];
    expect(matchChoice('sì', yesNo)).toMatchObject({ ok: true, id: 'yes' });
    expect(matchChoice('no', yesNo)).toMatchObject({ ok: true, id: 'no' });
  });

  it('the words of a phrase must be near each other', () => {
    const streetLights = prepareLabel('street lights');
    expect(scoreLabel(tokenize('the street lights are off'), streetLights).score).toBeGreaterThan(0.9);
    expect(scoreLabel(tokenize('a van keeps circling our street slowly at night with its lights off'), streetLights).score).toBeLessThan(
      0.6,
    );
  });

  it('a stem followed by a consonant starts another word ("street" is not "streetlight")', () => {
    expect(inflectionSimilarity('street', 'streetlight')).toBe(0);
    expect(inflectionSimilarity('spacciatori', 'spaccio')).toBeGreaterThan(0);
    expect(inflectionSimilarity('lampioni', 'lampione')).toBeGreaterThan(0);
  });

  it('English inflections are forms of one word too ("dumping" / "dumped", "parties" / "party")', () => {
    for (const [a, b] of [
      ['dumping', 'dumped'],
      ['parties', 'party'],
      ['smashing', 'smashed'],
      ['vandalising', 'vandalised'],
    ]) {
      expect(inflectionSimilarity(a, b), `${a} ~ ${b}`).toBeGreaterThan(0.9);
    }
  });

  it('a word of the example sentences is spelled right, never a typo of a synonym', () => {
    const options: ChoiceOption[] = [
      { id: 'noise', labels: ['shouting'] },
      { id: 'drugs', labels: ['dealing'], knownWords: ['shooting'] },
    ];
    expect(scoreChoiceOptions(['shooting'], options).find((o) => o.id === 'noise')?.score).toBe(0);
    expect(scoreChoiceOptions(['shoutting'], options).find((o) => o.id === 'noise')?.score).toBeGreaterThan(0.6);
  });
});

describe('«Altro» and negations name no problem inside a description', () => {
  it('"altro" / "other" choose «Altro» as a menu answer', () => {
    expect(categoryUnderstanding('altro')).toEqual({ kind: 'chosen', categoryId: 'other' });
    expect(categoryUnderstanding('something else')).toEqual({ kind: 'chosen', categoryId: 'other' });
  });

  it.each([
    ["un'altra volta hanno spaccato il vetro della pensilina", 'vandalism'],
    ['the other day someone stole my bike from the rack', 'theft'],
  ])('%j is not «Altro»', (text, expected) => {
    expect(single(text)).toBe(expected);
  });

  it('"non" alone matches no category', () => {
    expect(matchChoice('non lo so', categoryMenuOptions()).ok).toBe(false);
    expect(categoryUnderstanding('non lo so').kind).toBe('unknown');
  });
});

describe('too little to guess: the menu again, not a guess', () => {
  it.each(['hi i want to report something', 'buongiorno vorrei fare una segnalazione', 'not sure which one'])('%j', (text) => {
    expect(categoryUnderstanding(text).kind).toBe('unknown');
  });
});

describe('several problems in one message', () => {
  it('a sensitive and an ordinary category named together: a clear either/or of the two', () => {
    const understood = categoryUnderstanding('lampioni spenti e di notte spacciano sotto casa');
    expect(understood.kind).toBe('either');
    if (understood.kind === 'either') expect([...understood.categoryIds].sort()).toEqual(['drug_dealing', 'street_lighting']);
  });

  it('named sensitive, word statistics say ordinary (or the reverse): either/or, never a list of three', () => {
    const understood = categoryUnderstanding('a van keeps circling our street slowly at night with its lights off');
    expect(understood.kind).toBe('either');
    if (understood.kind === 'either') {
      expect(understood.categoryIds).toHaveLength(2);
      expect(understood.categoryIds).toContain('suspicious_activity');
      const sensitivity = understood.categoryIds.map((id) => categoryById(id)?.sensitive);
      expect(new Set(sensitivity).size).toBe(2);
    }
  });

  it('a word of the other kind that the rest of the message does not back is no second problem ("cracked" looks like "crack")', () => {
    const offered = (text: string) => {
      const understood = categoryUnderstanding(text);
      return 'categoryIds' in understood ? understood.categoryIds : 'categoryId' in understood ? [understood.categoryId] : [];
    };
    expect(offered('the glass of the bus shelter is cracked and the seats are smashed')).not.toContain('drug_dealing');
    expect(offered('cracked paving stones all along the high street')).not.toContain('drug_dealing');
  });

  it('one word read two ways is one problem, not an either/or ("spacciava": dealing or smashing?)', () => {
    expect(categoryUnderstanding('ho visto uno che spacciava').kind).not.toBe('either');
  });

  it('the issue examples', () => {
    expect(single("c'è un tizio che spaccia davanti alla stazione tutte le sere")).toBe('drug_dealing');
    expect(single('cestini divelti e buttati nel fosso')).toBe('vandalism');
    expect(single('persone che suonano ai campanelli degli anziani spacciandosi per tecnici del gas')).toBe('suspicious_activity');
    expect(single('la piazza è piena di erbacce e vetri rotti')).toBe('urban_decay');
  });
});

describe('category classifier training', () => {
  const catalog = (ids: string[]): Category[] =>
    ids.map((id) => ({ id, labels: { it: id, en: id }, synonyms: { it: [], en: [] }, severity: 1, sensitive: false, open311Code: id }));

  it('every category weighs the same: a word known in another category does not favour the smallest', () => {
    const examples = {
      big: { it: Array.from({ length: 10 }, (_, i) => `alpha thing number${i}`), en: [] },
      small: { it: ['beta item', 'beta thing'], en: [] },
      third: { it: ['gamma delta item', 'gamma one', 'delta two'], en: [] },
    };
    const ranked = createCategoryClassifier(examples, { categories: catalog(['big', 'small', 'third']) }).rank('gamma delta');
    const confidence = (id: string) => ranked.find((r) => r.categoryId === id)!.confidence;
    expect(ranked[0].categoryId).toBe('third');
    // Unbalanced, "small" got a larger share than "big" for words neither has seen (two or more
    // such words: the size prior cancels the first).
    expect(Math.abs(confidence('small') - confidence('big'))).toBeLessThan(0.01);
  });

  it('the feature-list Bayes classifier gives natural own classifications, faster', () => {
    const documents: [string[], string][] = [
      [['lampion', 'spent'], 'light'],
      [['buca', 'strad'], 'road'],
      [['lampion', 'rott'], 'light'],
      [['strad', 'rott', 'buca'], 'road'],
    ];
    const ours = new FeatureListBayesClassifier();
    const theirs = new BayesClassifier();
    for (const [features, label] of documents) {
      ours.addDocument(features, label);
      theirs.addDocument(features, label);
    }
    ours.train();
    theirs.train();
    for (const observation of [['lampion'], ['strad', 'rott'], ['buca', 'lampion', 'nuova']]) {
      expect(ours.getClassifications(observation)).toEqual(theirs.getClassifications(observation));
    }
  });
});

describe('the general weaknesses of the second sealed set (2026-12-04), one test per class', () => {
  const offered = (text: string) => {
    const understood = categoryUnderstanding(text);
    if (understood.kind === 'chosen' || understood.kind === 'suggested') return [understood.categoryId];
    return understood.kind === 'either' || understood.kind === 'candidates' ? understood.categoryIds : [];
  };

  it.each([
    'grata sollevata sul marciapiede',
    'la staccionata del parco è marcia',
    'the seesaw in the park is broken',
    'railings hanging loose on the footbridge',
    'paving stones lifted by tree roots',
  ])('a worn public thing beside its state is urban decay or «Altro», asked: %j', (text) => {
    expect(offered(text).sort()).toEqual(['other', 'urban_decay']);
  });

  it('someone breaking it is an act, not wear; a drug reading is not a worn thing', () => {
    expect(offered('hanno sfondato a calci la panchina')).toContain('vandalism');
    expect(offered('the stairs stink of weed, people buzzing in and out all night')).toContain('drug_dealing');
  });

  it.each([
    ['ci hanno sgonfiato le gomme a tutte le bici del cortile', 'vandalism'],
    ['sgonfiate le ruote dei motorini davanti alla scuola', 'vandalism'],
    ['somebody bent the wing mirrors along the road', 'vandalism'],
    ['i ga rigà la portiera', 'vandalism'],
  ])('a deliberate act told as done to a thing: %j -> %s', (text, expected) => {
    expect(single(text)).toBe(expected);
  });

  it.each([
    'car there since two months, nobody take it',
    'motorino sfasciato fermo qui da un sacco di tempo',
    'the van has not moved for weeks, windows smashed',
  ])('a vehicle left there for weeks is abandoned, whatever else is said: %j', (text) => {
    expect(offered(text)[0]).toBe('abandoned_vehicle');
  });

  it.each(['help', 'aiuto!!', 'scusate', "c'è un casino qui"])('a bare cry for help or a vague mess is asked again: %j', (text) => {
    expect(categoryUnderstanding(text).kind).toBe('unknown');
  });

  it.each([
    ['sus guys trying car doors', 'suspicious_activity'],
    ['brutte facce davanti al portone', 'suspicious_activity'],
    ['crates and rotten fruit left after the market', 'abandoned_waste'],
  ])('slang and market leftovers: %j -> %s', (text, expected) => {
    expect(offered(text)).toContain(expected);
  });
});

describe('a vehicle left for weeks, beside another problem', () => {
  it.each([
    ['car alarm going off for weeks every night', 'noise'],
    ['lampione spento da mesi vicino alla macchina', 'street_lighting'],
  ])('another problem named in full is read as usual: %j -> %s', (text, expected) => {
    expect(single(text)).toBe(expected);
  });
});

describe('categoryUnderstanding: found while playing conversations (2026-12-04)', () => {
  it.each([
    // Racing scooters every night are noise, not the dealing the place and the hour suggest.
    ['ci sono dei ragazzi che fanno le corse con i motorini tutte le sere nel parcheggio del cimitero, un casino pazzesco', 'noise'],
    ['boy racers doing street racing round the industrial estate every weekend', 'noise'],
    // People living in a camper for weeks: an encampment, not a vehicle left behind.
    ['nel parcheggio della coop ci sono da settimane dei camper con gente che ci vive, sporcizia ovunque', 'urban_decay'],
    ['a van has been in the lay-by for months and people are sleeping in it', 'urban_decay'],
  ])('%j -> %s', (text, category) => {
    const understood = categoryUnderstanding(text) as { kind: string; categoryId?: string; categoryIds?: string[] };
    expect([understood.categoryId, ...(understood.categoryIds ?? [])]).toContain(category);
  });
});
