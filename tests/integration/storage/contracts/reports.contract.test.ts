/** ReportStore contract: the MongoDB repository and the in-memory adapter answer alike. */
import { expect, it } from 'vitest';
import { forEachAdapter, newReport, TOWN_HALL } from './adapters';

const HOUR = 3_600_000;
const NEW_YEAR_IN_ROME = new Date('2026-12-31T23:30:00Z');
let clock = new Date('2026-11-18T09:30:00Z');

forEachAdapter(
  (ports) => {
    it('creates a report once per source message, with the next ticket number of the year', async () => {
      const input = newReport();
      const first = await ports().reports.createOnce(input);
      expect(first.created).toBe(true);
      expect(first.report).toEqual({
        id: expect.stringMatching(/^[a-f0-9]{24}$/),
        ticketCode: 'VIC-2026-000001',
        status: 'new',
        categoryId: 'abandoned_waste',
        reliability: 'heard',
        location: { point: TOWN_HALL, address: 'Piazza Aldo Moro 1, Capannori', zone: 'capannori-centro', zipcode: '55012' },
        address: 'Piazza Aldo Moro 1, Capannori',
        zone: 'capannori-centro',
        description: 'Sacchi di rifiuti davanti al municipio',
        photoRefs: ['photo-of-reporter'],
        channel: 'simulator',
        citizenRef: input.citizenRef,
        priority: 29,
        priorityFactors: { severity: 25, photo: 4 },
        language: 'it',
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
        version: 0,
        dispatch: {},
        outcome: {},
        confirmations: 0,
        citizenInfo: [],
        sourceMessageKey: input.sourceMessageKey,
      });
      const again = await ports().reports.createOnce({ ...input, description: 'a retried turn' });
      expect(again).toEqual({ created: false, report: { ...first.report, updatedAt: expect.any(Date) } });
      const second = await ports().reports.createOnce(newReport({ abuseFlags: ['insult'] }));
      expect(second.report.ticketCode).toBe('VIC-2026-000002');
      expect(second.report.abuseFlags).toEqual(['insult']);
    });

    it('keeps when the citizen says it was observed (words and period) and gives it back as written', async () => {
      const observedWhen = { text: 'stanotte', kind: 'moment' as const, from: new Date('2026-11-17T21:00:00Z'), to: new Date('2026-11-18T05:00:00Z') };
      const { report } = await ports().reports.createOnce(newReport({ observedWhen }));
      expect(report.observedWhen).toEqual(observedWhen);
      expect((await ports().reports.get(report.id))?.observedWhen).toEqual(observedWhen);
      const recurring = { text: 'tutte le sere', kind: 'recurring' as const, every: 'evening' as const };
      const again = await ports().reports.createOnce(newReport({ observedWhen: recurring }));
      expect((await ports().reports.get(again.report.id))?.observedWhen).toEqual(recurring);
      const none = await ports().reports.createOnce(newReport());
      expect((await ports().reports.get(none.report.id))?.observedWhen).toBeUndefined();
    });

    it('two concurrent attempts with the same source message make one report (the unique key decides)', async () => {
      const input = newReport();
      const [a, b] = await Promise.all([ports().reports.createOnce(input), ports().reports.createOnce(input)]);
      expect(a.report.id).toBe(b.report.id);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect((await ports().reports.listByCitizen(input.citizenRef, 5)).map((r) => r.id)).toEqual([a.report.id]);
    });

    it("takes the ticket's year in the municipality's time zone (00:30 on 1 January in Rome is the new year)", async () => {
      clock = NEW_YEAR_IN_ROME;
      const { report } = await ports().reports.createOnce(newReport());
      clock = new Date('2026-11-18T09:30:00Z');
      expect(report.ticketCode).toBe('VIC-2027-000001');
    });

    it('reads by id and ticket; a malformed or unknown id is not found', async () => {
      const { report } = await ports().reports.createOnce(newReport());
      // updatedAt may have moved on: the repository marks the report as counted right after creating it.
      const stored = { ...report, updatedAt: expect.any(Date) };
      expect(await ports().reports.get(report.id)).toEqual(stored);
      expect(await ports().reports.getByTicket(report.ticketCode)).toEqual(stored);
      expect(await ports().reports.get('not-an-id')).toBeNull();
      expect(await ports().reports.get('0123456789abcdef01234567')).toBeNull();
      expect(await ports().reports.getByTicket('VIC-1999-000001')).toBeNull();
    });

    it("lists a citizen's reports newest first, and filters, sorts, pages and counts the queue", async () => {
      const citizenRef = `cit_lister_${Math.random()}`;
      const older = (await ports().reports.createOnce(newReport({ citizenRef, priority: 50, categoryId: 'road_damage', zone: 'marlia' }))).report;
      await ports().setCreatedAt(older.id, new Date(Date.now() - 2 * HOUR));
      const newer = (await ports().reports.createOnce(newReport({ citizenRef, priority: 10, channel: 'telegram' }))).report;
      expect((await ports().reports.listByCitizen(citizenRef, 5)).map((r) => r.id)).toEqual([newer.id, older.id]);
      expect((await ports().reports.listByCitizen(citizenRef, 1)).map((r) => r.id)).toEqual([newer.id]);

      const page = await ports().reports.list({ status: ['new'] }, { limit: 2, offset: 0, sort: 'priority' });
      expect(page.items[0].id).toBe(older.id);
      expect(page.items.every((r, i, all) => i === 0 || all[i - 1].priority >= r.priority)).toBe(true);
      const total = page.total;
      expect((await ports().reports.list({}, { limit: 100, offset: 0, sort: 'newest' })).items[0].id).toBe(newer.id);
      expect((await ports().reports.listItems({ zone: ['marlia'] }, { limit: 10, offset: 0, sort: 'newest' })).map((r) => r.id)).toEqual([older.id]);
      expect((await ports().reports.listItems({ channel: ['telegram'], status: ['new', 'in_review'] }, { limit: 10, offset: 0, sort: 'priority' })).map((r) => r.id)).toEqual([newer.id]);
      expect((await ports().reports.listItems({ categoryId: ['road_damage'], zone: ['marlia'], status: ['new'] }, { limit: 10, offset: 0, sort: 'priority' })).map((r) => r.id)).toEqual([older.id]);
      expect(
        (await ports().reports.listItems({ from: new Date(Date.now() - 3 * HOUR), to: new Date(Date.now() - HOUR) }, { limit: 10, offset: 0, sort: 'newest' })).map((r) => r.id),
      ).toEqual([older.id]);
      expect(await ports().reports.countByStatus({})).toEqual({ new: total });
      expect(await ports().reports.countByStatus({ status: ['new', 'closed'], assignee: null })).toEqual({ new: total });
      expect(await ports().reports.countByStatus({ zone: ['marlia'] })).toEqual({ new: 1 });
    });

    it('moves a status through the table, audited with its actor and reason; refuses a wrong move or a stale version', async () => {
      const { report } = await ports().reports.createOnce(newReport());
      const taken = await ports().reports.applyTransition({
        id: report.id,
        action: 'take',
        actor: 'agente.rossi',
        actorRole: 'agent',
        reason: 'in zona',
        expectedVersion: 0,
        set: { assignee: 'agente.rossi', team: 'pattuglia-nord' },
      });
      expect(taken).toMatchObject({ ok: true, from: 'new', report: { status: 'in_review', version: 1, assignee: 'agente.rossi', team: 'pattuglia-nord' } });
      expect(taken.ok && taken.report.takenAt).toBeInstanceOf(Date);
      expect(await ports().reports.applyTransition({ id: report.id, action: 'take', actor: 'x' })).toMatchObject({ ok: false, reason: 'not_allowed', current: { status: 'in_review' } });
      expect(await ports().reports.applyTransition({ id: report.id, action: 'release', actor: 'x', expectedVersion: 0 })).toMatchObject({ ok: false, reason: 'conflict' });
      expect(await ports().reports.applyTransition({ id: 'nope', action: 'take', actor: 'x' })).toMatchObject({ ok: false, reason: 'not_found' });
      expect(await ports().reports.applyTransition({ id: '0123456789abcdef01234567', action: 'take', actor: 'x' })).toMatchObject({ ok: false, reason: 'not_found' });
      const released = await ports().reports.applyTransition({ id: report.id, action: 'release', actor: 'agente.rossi', set: { assignee: undefined, team: undefined } });
      expect(released).toMatchObject({ ok: true, from: 'in_review', report: { status: 'new', version: 2 } });
      expect(released.ok && 'assignee' in released.report && released.report.assignee).toBeFalsy();
      expect(released.ok && released.report.team).toBeUndefined();

      const audit = await ports().audit.listForReport(report.id);
      expect(audit).toEqual([
        { actor: 'agente.rossi', actorRole: 'agent', action: 'take', reason: 'in zona', reportId: report.id, details: { from: 'new', to: 'in_review', version: 1 }, at: expect.any(Date) },
        { actor: 'agente.rossi', action: 'release', reportId: report.id, details: { from: 'in_review', to: 'new', version: 2 }, at: expect.any(Date) },
      ]);
    });

    it("adds photos and a citizen's answers once per message; finds the report waiting for them", async () => {
      const { report } = await ports().reports.createOnce(newReport());
      await ports().reports.addPhoto(report.id, 'second-photo');
      await ports().reports.applyTransition({ id: report.id, action: 'take', actor: 'a' });
      await ports().reports.applyTransition({ id: report.id, action: 'ask_info', actor: 'a' });
      expect((await ports().reports.findAwaitingInfo(report.citizenRef))?.id).toBe(report.id);
      expect(await ports().reports.findAwaitingInfo('cit_nobody')).toBeNull();
      const info = { messageId: 'm-answer', at: new Date('2026-11-18T10:00:00Z'), text: 'è in via Roma', mediaRef: 'answer-photo' };
      await ports().reports.addCitizenInfo(report.id, info);
      await ports().reports.addCitizenInfo(report.id, info);
      const seen = await ports().reports.get(report.id);
      expect(seen).toMatchObject({ photoRefs: ['photo-of-reporter', 'second-photo', 'answer-photo'], citizenInfo: [info], version: 4 });
    });

    it('asks "solved?" after a close, records one answer and what it did', async () => {
      const { report } = await ports().reports.createOnce(newReport({ followUpOf: 'VIC-2026-000001' }));
      expect(report.followUpOf).toBe('VIC-2026-000001');
      await ports().reports.applyTransition({ id: report.id, action: 'take', actor: 'a' });
      await ports().reports.applyTransition({ id: report.id, action: 'close', actor: 'a', set: { outcome: { code: 'intervention_done' } } });
      const asked = new Date('2026-11-20T10:00:00Z');
      expect(await ports().reports.findAwaitingResolution(report.citizenRef, asked)).toBeNull();
      await ports().reports.markResolutionAsked(report.id, asked);
      expect((await ports().reports.findAwaitingResolution(report.citizenRef, new Date(asked.getTime() - 1000)))?.id).toBe(report.id);
      expect(await ports().reports.findAwaitingResolution(report.citizenRef, new Date(asked.getTime() + 1000))).toBeNull();
      const answer = { answer: 'not_solved' as const, at: new Date('2026-11-20T11:00:00Z'), messageId: 'm-no' };
      const recorded = await ports().reports.recordResolutionAnswer(report.id, answer);
      expect(recorded?.resolutionCheck).toEqual({ askedAt: asked, answer: 'not_solved', answeredAt: answer.at, messageId: 'm-no' });
      expect(await ports().reports.recordResolutionAnswer(report.id, { ...answer, answer: 'solved' })).toBeNull();
      expect(await ports().reports.findAwaitingResolution(report.citizenRef, new Date(0))).toBeNull();
      await ports().reports.setResolutionResult(report.id, 'follow_up', 'VIC-2026-000009');
      expect((await ports().reports.get(report.id))?.resolutionCheck).toEqual({ askedAt: asked, answer: 'not_solved', answeredAt: answer.at, messageId: 'm-no', result: 'follow_up', followUp: 'VIC-2026-000009' });
    });

    it('finds open reports of a category near a point, created since a date (in no promised order)', async () => {
      const near = (await ports().reports.createOnce(newReport({ categoryId: 'graffiti', point: { lat: 43.8416, lng: 10.5733 } }))).report;
      const nearest = (await ports().reports.createOnce(newReport({ categoryId: 'graffiti', point: { lat: 43.84141, lng: 10.57311 } }))).report;
      await ports().reports.createOnce(newReport({ categoryId: 'graffiti', point: { lat: 43.85, lng: 10.58 } }));
      await ports().reports.createOnce(newReport({ categoryId: 'road_damage', point: TOWN_HALL }));
      const closed = (await ports().reports.createOnce(newReport({ categoryId: 'graffiti', point: TOWN_HALL }))).report;
      await ports().reports.applyTransition({ id: closed.id, action: 'reject', actor: 'a' });
      const old = (await ports().reports.createOnce(newReport({ categoryId: 'graffiti', point: TOWN_HALL }))).report;
      await ports().setCreatedAt(old.id, new Date(Date.now() - 10 * HOUR));
      const found = await ports().reports.findOpenNear(TOWN_HALL, 'graffiti', 100, new Date(Date.now() - HOUR));
      expect(found.map((r) => r.id).sort()).toEqual([nearest.id, near.id].sort());
    });
  },
  { now: () => clock },
);
