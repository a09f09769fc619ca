import { describe, expect, it } from 'vitest';
import type { Confirmation, ConfirmedReportView } from '../../../src/domain/ports';
import { alreadyMerged, mergedMessageId, planMerge, planUnmerge, recount } from '../../../src/domain/report-merge';

const at = (iso: string) => new Date(iso);

function report(over: Partial<ConfirmedReportView>): ConfirmedReportView {
  return {
    id: 'r',
    ticketCode: 'VIC-2026-000001',
    status: 'new',
    categoryId: 'vandalism',
    reliability: 'seen',
    location: { point: { lat: 43.84, lng: 10.57 } },
    description: '',
    photoRefs: [],
    channel: 'simulator',
    citizenRef: 'cit_a',
    priority: 40,
    language: 'it',
    createdAt: at('2026-03-01T10:00:00Z'),
    updatedAt: at('2026-03-01T10:00:00Z'),
    version: 0,
    citizenInfo: [],
    confirmations: 0,
    confirmationsList: [],
    followers: [],
    ...over,
  };
}

const confirmation = (over: Partial<Confirmation>): Confirmation => ({
  channel: 'telegram',
  messageId: 'm1',
  at: at('2026-03-01T11:00:00Z'),
  citizenRef: 'cit_x',
  language: 'it',
  reliability: 'heard',
  description: 'anche io',
  photoRefs: [],
  counted: true,
  ...over,
});

const NOW = at('2026-03-02T09:00:00Z');

describe('planMerge', () => {
  const original = report({
    id: 'a',
    ticketCode: 'VIC-2026-000010',
    photoRefs: ['a1.jpg'],
    confirmations: 1,
    confirmationsList: [confirmation({ messageId: 'c1', citizenRef: 'cit_c', photoRefs: [] })],
    followers: [{ citizenRef: 'cit_c', channel: 'telegram', language: 'it', since: at('2026-03-01T11:00:00Z') }],
  });
  const duplicate = report({
    id: 'b',
    ticketCode: 'VIC-2026-000011',
    citizenRef: 'cit_b',
    channel: 'whatsapp',
    language: 'en',
    reliability: 'heard',
    description: 'Broken glass everywhere',
    createdAt: at('2026-03-01T12:00:00Z'),
    location: { point: { lat: 43.85, lng: 10.58 } },
    photoRefs: ['b1.jpg', 'b-conf.jpg', 'b-info.jpg'],
    citizenInfo: [{ messageId: 'i1', at: at('2026-03-01T13:00:00Z'), text: 'near the bench', mediaRef: 'b-info.jpg' }],
    confirmations: 2,
    confirmationsList: [
      // Someone who also confirmed the original: kept, not counted twice.
      confirmation({ messageId: 'd1', citizenRef: 'cit_c', }),
      confirmation({ messageId: 'd2', citizenRef: 'cit_d', language: 'en', photoRefs: ['b-conf.jpg'] }),
    ],
    followers: [
      { citizenRef: 'cit_c', channel: 'telegram', language: 'it', since: at('2026-03-01T12:30:00Z') },
      { citizenRef: 'cit_d', channel: 'telegram', language: 'en', since: at('2026-03-01T12:40:00Z') },
    ],
  });

  it('adds the duplicate itself as a confirmation with its own photos, then its confirmations', () => {
    const plan = planMerge(original, duplicate, NOW);
    expect(plan.confirmations.map((c) => [c.messageId, c.citizenRef, c.counted])).toEqual([
      [mergedMessageId('VIC-2026-000011'), 'cit_b', true],
      ['d1', 'cit_c', false],
      ['d2', 'cit_d', true],
    ]);
    expect(plan.confirmations[0]).toMatchObject({
      channel: 'whatsapp',
      at: duplicate.createdAt,
      reliability: 'heard',
      description: 'Broken glass everywhere',
      photoRefs: ['b1.jpg'],
      point: { lat: 43.85, lng: 10.58 },
      language: 'en',
    });
    expect(plan.counted).toBe(2);
  });

  it('makes the duplicate’s citizen and followers followers once, in their language, never the original’s own', () => {
    const plan = planMerge(original, duplicate, NOW);
    expect(plan.followers).toEqual([
      { citizenRef: 'cit_b', channel: 'whatsapp', language: 'en', since: NOW },
      { citizenRef: 'cit_d', channel: 'telegram', language: 'en', since: NOW },
    ]);
    const sameCitizen = planMerge(original, { ...duplicate, citizenRef: 'cit_a', followers: [] }, NOW);
    expect(sameCitizen.followers).toEqual([]);
    expect(sameCitizen.confirmations[0].counted).toBe(false);
  });

  it('carries every photo and the details the citizen sent, without repeating any', () => {
    const plan = planMerge({ ...original, photoRefs: ['a1.jpg', 'b1.jpg'] }, duplicate, NOW);
    expect(plan.photoRefs).toEqual(['b-conf.jpg', 'b-info.jpg']);
    expect(plan.citizenInfo).toEqual(duplicate.citizenInfo);
  });

  it('knows a duplicate merged before', () => {
    expect(alreadyMerged(original, duplicate)).toBe(false);
    const plan = planMerge(original, duplicate, NOW);
    const after = { ...original, confirmationsList: [...original.confirmationsList, ...plan.confirmations] };
    expect(alreadyMerged(after, duplicate)).toBe(true);
    expect(planMerge(after, duplicate, NOW).counted).toBe(0);
  });
});

describe('planUnmerge', () => {
  const original = report({ id: 'a', ticketCode: 'VIC-2026-000020', citizenRef: 'cit_a' });
  const duplicate = report({
    id: 'b',
    ticketCode: 'VIC-2026-000021',
    citizenRef: 'cit_b',
    photoRefs: ['b1.jpg'],
    confirmationsList: [confirmation({ messageId: 'd1', citizenRef: 'cit_d' })],
    followers: [{ citizenRef: 'cit_d', channel: 'telegram', language: 'it', since: NOW }],
  });

  it('finds what the duplicate brought; a citizen who also confirmed the original keeps following it', () => {
    expect(planUnmerge(original, duplicate)).toBeUndefined();
    const plan = planMerge(original, duplicate, NOW);
    // cit_d also confirmed the original directly, after the merge.
    const own = confirmation({ messageId: 'own', citizenRef: 'cit_d', counted: false });
    const merged = {
      ...original,
      photoRefs: ['a1.jpg', 'b1.jpg'],
      confirmationsList: [...plan.confirmations, own],
      followers: plan.followers,
    };
    const undo = planUnmerge(merged, duplicate)!;
    expect([...undo.entryKeys]).toEqual([`simulator\n${mergedMessageId('VIC-2026-000021')}`, 'telegram\nd1']);
    expect([...undo.followers]).toEqual(['cit_b']);
    expect([...undo.photoRefs]).toEqual(['b1.jpg']);
    const left = recount(merged.confirmationsList.filter((c) => !undo.entryKeys.has(`${c.channel}\n${c.messageId}`)), merged.citizenRef);
    expect(left.map((c) => [c.messageId, c.counted])).toEqual([['own', true]]);
  });
});
