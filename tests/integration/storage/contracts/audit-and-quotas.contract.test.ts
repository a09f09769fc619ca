/** AuditLog and NearbyQuestionQuota contracts: the MongoDB repositories and the in-memory adapters answer alike. */
import { expect, it } from 'vitest';
import { forEachAdapter } from './adapters';

forEachAdapter((ports) => {
  it('records audit entries, lists a report\'s oldest first and searches newest first', async () => {
    const reportId = `r-${Math.random()}`;
    const from = new Date(Date.now() - 1000);
    await ports().audit.record({ actor: 'citizen', action: 'citizen.right.access', reportId, details: { n: 1 } });
    await new Promise((r) => setTimeout(r, 5));
    await ports().audit.record({ actor: 'sup.bianchi', actorRole: 'supervisor', action: 'identity.reveal', reason: 'denuncia', reportId, requestId: 'req-1' });
    await new Promise((r) => setTimeout(r, 5));
    await ports().audit.record({ actor: 'sup.bianchi', action: 'photo.view', reportId: 'other' });
    expect(await ports().audit.listForReport(reportId)).toEqual([
      { actor: 'citizen', action: 'citizen.right.access', reportId, details: { n: 1 }, at: expect.any(Date) },
      { actor: 'sup.bianchi', actorRole: 'supervisor', action: 'identity.reveal', reason: 'denuncia', reportId, requestId: 'req-1', at: expect.any(Date) },
    ]);
    const found = await ports().audit.search({ actions: ['identity.reveal', 'citizen.right.access'], reportId, from, limit: 10 });
    expect(found.map((e) => e.action)).toEqual(['identity.reveal', 'citizen.right.access']);
    expect((await ports().audit.search({ actions: ['identity.reveal', 'photo.view'], actor: 'sup.bianchi', limit: 1 })).map((e) => e.action)).toEqual(['photo.view']);
    expect(await ports().audit.search({ actions: ['identity.reveal'], to: from, limit: 10 })).toEqual([]);
  });

  it('counts "same situation?" questions per citizen and day', async () => {
    const ref = `cit_q_${Math.random()}`;
    expect(await ports().nearbyQuestions.take(ref, '2026-11-18')).toBe(1);
    expect(await ports().nearbyQuestions.take(ref, '2026-11-18')).toBe(2);
    expect(await ports().nearbyQuestions.take(ref, '2026-11-19')).toBe(1);
    expect(await ports().nearbyQuestions.take(`${ref}-other`, '2026-11-18')).toBe(1);
  });
});
