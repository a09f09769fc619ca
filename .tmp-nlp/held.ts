import { createCategoryClassifier } from '../src/nlp/category-classifier';
const c = createCategoryClassifier();
console.log('train', c.trainingMs);
const cases: [string, string | undefined][] = [
  ['ci sono dei ragazzi che spacciano al parco', 'drug_dealing'],
  ['tutte le sere vendono roba davanti al bar', 'drug_dealing'],
  ['ho visto uno spacciatore vicino alla stazione', 'drug_dealing'],
  ['spacio continuo in piazza', 'drug_dealing'],
  ['hanno rotto il lampione in via Roma', 'street_lighting'],
  ['la via è buia da giorni, i lampioni non si accendono', 'street_lighting'],
  ['lampione spento davanti al civico 12', 'street_lighting'],
  ["c'è un'auto senza targa ferma da mesi", 'abandoned_vehicle'],
  ['una macchina abbandonata da mesi in via Verdi con le gomme a terra', 'abandoned_vehicle'],
  ['spazzatura ovunque davanti al condominio', 'abandoned_waste'],
  ['qualcuno ha buttato un frigorifero nel fosso', 'abandoned_waste'],
  ['rifuti abbandonati nel parcheggio', 'abandoned_waste'],
  ['musica a palla tutte le sere', 'noise'],
  ['urla e schiamazzi fino alle 4', 'noise'],
  ['un tizio strano gira intorno alle macchine', 'suspicious_activity'],
  ['due persone incappucciate guardano nei giardini', 'suspicious_activity'],
  ['mi hanno rubato la bici', 'theft'],
  ['ladri in casa della vicina stanotte', 'theft'],
  ['hanno forzato il portone del garage', 'theft'],
  ['scritte sui muri della stazione', 'vandalism'],
  ['vandalisno alla fermata', 'vandalism'],
  ['hanno spaccato i vetri della pensilina', 'vandalism'],
  ['il parco è pieno di siringhe e sporcizia', 'urban_decay'],
  ['edificio abbandonato e pericolante in via Po', 'urban_decay'],
  ['la strada è piena di buche', 'other'],
  ['people dealing drugs near the school', 'drug_dealing'],
  ['someone stole my car', 'theft'],
  ['loud party next door every weekend', 'noise'],
  ['rubbish dumped in the park', 'abandoned_waste'],
  ['the street lights are out on my road', 'street_lighting'],
  ['buongiorno vorrei fare una segnalazione', undefined],
  ['ciao', undefined],
  ['non so cosa dire', undefined],
  ['ok', undefined],
  ['', undefined],
];
let bad = 0;
for (const [s, e] of cases) { const r = c.suggest(s); const ok = r?.categoryId === e; if (!ok) bad++; console.log(ok ? 'OK ' : 'BAD', s, JSON.stringify(r)); }
console.log('bad', bad);
