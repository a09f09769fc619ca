/** The report flow's small validators and draft checks. */
import { describe, expect, it } from 'vitest';
import { checkDescription, MAX_DESCRIPTION_LENGTH } from '../../../flows/validators';
import { isDraftEmpty, isReportDraft } from '../../../flows/report-draft';
import { missingStep } from '../../../flows/submit';

describe('checkDescription', () => {
  it('trims and collapses spaces, keeping line breaks', () => {
    expect(checkDescription('  tre   sacchi \n\n  un  materasso ')).toEqual({ ok: true, value: 'tre sacchi\nun materasso' });
  });
  it('counts characters as people do: an emoji is one', () => {
    expect(checkDescription('🗑️'.repeat(10) + 'a'.repeat(MAX_DESCRIPTION_LENGTH - 20))).toMatchObject({ ok: true });
    expect(checkDescription('a'.repeat(MAX_DESCRIPTION_LENGTH + 1))).toEqual({
      ok: false,
      reason: 'too_long',
      length: MAX_DESCRIPTION_LENGTH + 1,
    });
  });
  it('refuses almost empty text', () => {
    expect(checkDescription('  ok ')).toEqual({ ok: false, reason: 'too_short' });
  });
});

describe('report draft', () => {
  it('accepts drafts of this version and refuses odd ones', () => {
    expect(isReportDraft({ photoRefs: [], categoryId: 'noise', location: { point: { lat: 1, lng: 2 } } })).toBe(true);
    expect(isReportDraft({ photoRefs: [1] })).toBe(false);
    expect(isReportDraft({ photoRefs: [], reliability: 'maybe' })).toBe(false);
    expect(isReportDraft({ photoRefs: [], location: { point: { lat: '1', lng: 2 } } })).toBe(false);
    expect(isReportDraft(null)).toBe(false);
  });
  it('knows when nothing has been answered', () => {
    expect(isDraftEmpty({ photoRefs: [] })).toBe(true);
    expect(isDraftEmpty({ photoRefs: [], reliability: 'seen' })).toBe(false);
  });
  it('names the first unanswered question of an incomplete draft', () => {
    expect(missingStep({ photoRefs: [] })).toBe('category');
    expect(missingStep({ photoRefs: [], categoryId: 'unknown' })).toBe('category');
    expect(missingStep({ photoRefs: [], categoryId: 'noise', reliability: 'seen' })).toBe('location');
    expect(
      missingStep({ photoRefs: [], categoryId: 'noise', reliability: 'seen', location: { point: { lat: 1, lng: 1 } }, description: 'x' }),
    ).toBeUndefined();
  });
});
