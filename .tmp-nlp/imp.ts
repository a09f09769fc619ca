import '../src/nlp/answer-matcher';
import '../src/nlp/category-classifier';
import '../src/nlp/emergency';
import '../src/nlp/urgency';
import '../src/nlp/text';
