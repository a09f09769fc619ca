import { describe, expect, it } from 'vitest';
import { contentTokens, normalizeText, stemToken, stemmedContentTokens, tokenize } from '../../../src/nlp/text';

describe('normalizeText', () => {
  it('lower-cases, strips accents and collapses whitespace', () => {
    expect(normalizeText('  Città   PERCHÉ\tè  ')).toBe('citta perche e');
  });

  it('turns keycap emoji into plain digits', () => {
    expect(normalizeText('2️⃣')).toBe('2');
  });
});

describe('tokenize', () => {
  it('keeps accented words whole (unlike AggressiveTokenizerIt)', () => {
    expect(tokenize('Sì, la città è sporca!')).toEqual(['si', 'la', 'citta', 'e', 'sporca']);
  });

  it("splits elisions and punctuation: c'è un'auto", () => {
    expect(tokenize("C'è un'auto—ferma (da mesi)...")).toEqual(['c', 'e', 'un', 'auto', 'ferma', 'da', 'mesi']);
  });

  it('returns no tokens for emoji or punctuation only', () => {
    expect(tokenize('👍 !!! ...')).toEqual([]);
  });
});

describe('stemming', () => {
  it('gives inflections of the same Italian word the same stem', () => {
    expect(stemToken('spacciano')).toBe(stemToken('spaccio'));
    expect(stemToken('ladri')).toBe(stemToken('ladro'));
    expect(stemToken('lampioni')).toBe(stemToken('lampione'));
  });

  it('leaves numbers alone', () => {
    expect(stemToken('112')).toBe('112');
  });

  it('drops function words before stemming', () => {
    expect(contentTokens('ci sono dei ragazzi al parco')).toEqual(['ragazzi', 'parco']);
    expect(stemmedContentTokens('I ladri della città')).toEqual([stemToken('ladri'), stemToken('citta')]);
  });
});
