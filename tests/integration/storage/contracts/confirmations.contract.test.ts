/** ConfirmationStore contract: the MongoDB repository and the in-memory adapter answer alike. */
import { expect, it } from 'vitest';
import type { ConfirmedReportView, NewConfirmation } from '../../../../src/domain/ports';
import { forEachAdapter, newReport } from './adapters';

const confirmation = (messageId: string, over: Partial<NewConfirmation> = {}): NewConfirmation => ({
  messageId,
  at: new Date('2026-11-18T10:00:00Z'),
  citizenRef: 'cit_anna',
  channel: 'telegram',
  language: 'en',
  reliability: 'seen',
  description: 'Still there, three black bags.',
  photoRefs: [],
  ...over,
});

const rescore = (r: ConfirmedReportView) => ({ score: 10 * r.confirmations + r.photoRefs.length, factors: { confirmations: 10 * r.confirmations, photo: r.photoRefs.length } });

forEachAdapter((ports) => {
  it('adds a confirmation once per message, counts citizens once, never the reporter; followers and photos once; stores the rescore', async () => {
    const { report } = await ports().reports.createOnce(newReport());
    const c1 = confirmation('m1', { photoRefs: ['anna-photo'], point: { lat: 43.8415, lng: 10.5732 } });
    const first = await ports().confirmations.addConfirmation(report.id, c1, rescore);
    expect(first).toMatchObject({ ok: true, added: true });
    if (!first.ok) return;
    expect(first.report).toMatchObject({
      confirmations: 1,
      priority: 12,
      priorityFactors: { confirmations: 10, photo: 2 },
      photoRefs: ['photo-of-reporter', 'anna-photo'],
      version: 1,
      lastConfirmedAt: c1.at,
      followers: [{ citizenRef: 'cit_anna', channel: 'telegram', language: 'en', since: c1.at }],
      confirmationsList: [{ ...c1, counted: true }],
    });
    expect(await ports().confirmations.addConfirmation(report.id, c1, rescore)).toMatchObject({ ok: true, added: false, report: { confirmations: 1, version: 1 } });
    const again = await ports().confirmations.addConfirmation(report.id, confirmation('m2', { at: new Date('2026-11-18T11:00:00Z'), photoRefs: ['anna-photo'] }));
    expect(again).toMatchObject({ ok: true, added: true, report: { confirmations: 1, version: 2, photoRefs: ['photo-of-reporter', 'anna-photo'] } });
    expect(again.ok && again.report.confirmationsList.map((c) => c.counted)).toEqual([true, false]);
    expect(again.ok && again.report.followers).toHaveLength(1);
    const byReporter = await ports().confirmations.addConfirmation(report.id, confirmation('m3', { citizenRef: report.citizenRef }));
    expect(byReporter).toMatchObject({ ok: true, added: true, report: { confirmations: 1 } });
    expect(byReporter.ok && byReporter.report.followers.map((f) => f.citizenRef)).toEqual(['cit_anna']);
    expect(await ports().confirmations.get(report.id)).toEqual(byReporter.ok ? { ...byReporter.report, updatedAt: expect.any(Date) } : null);
  });

  it('answers not_open for a closed report and not_found for an unknown one', async () => {
    const { report } = await ports().reports.createOnce(newReport());
    await ports().reports.applyTransition({ id: report.id, action: 'reject', actor: 'a' });
    expect(await ports().confirmations.addConfirmation(report.id, confirmation('m-closed'))).toEqual({ ok: false, reason: 'not_open' });
    expect(await ports().confirmations.addConfirmation('nope', confirmation('m-x'))).toEqual({ ok: false, reason: 'not_found' });
    expect(await ports().confirmations.addConfirmation('0123456789abcdef01234567', confirmation('m-y'))).toEqual({ ok: false, reason: 'not_found' });
    expect(await ports().confirmations.get('nope')).toBeNull();
  });

  it('lists the reports a citizen follows, newest first', async () => {
    const citizenRef = `cit_follower_${Math.random()}`;
    const a = (await ports().reports.createOnce(newReport())).report;
    const b = (await ports().reports.createOnce(newReport())).report;
    await ports().setCreatedAt(a.id, new Date(Date.now() - 3_600_000));
    await ports().confirmations.addConfirmation(a.id, confirmation(`fa-${citizenRef}`, { citizenRef }));
    await ports().confirmations.addConfirmation(b.id, confirmation(`fb-${citizenRef}`, { citizenRef }));
    expect((await ports().confirmations.listFollowed(citizenRef, 5)).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await ports().confirmations.listFollowed(citizenRef, 1)).map((r) => r.id)).toEqual([b.id]);
  });
});
