import { detectEmergency } from '../src/nlp/emergency';
import { CATEGORY_EXAMPLES } from '../config/category-examples';
import { CATEGORIES } from '../config/categories';
for (const ex of Object.values(CATEGORY_EXAMPLES)) for (const s of [...ex.it, ...ex.en]) { const r = detectEmergency(s); if (r.emergency) console.log(s, r.terms); }
for (const c of CATEGORIES) for (const s of [...c.synonyms.it, ...c.synonyms.en]) { const r = detectEmergency(s); if (r.emergency) console.log('SYN', s, r.terms); }
