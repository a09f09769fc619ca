/**
 * Every move of the status table (src/domain/report.ts TRANSITIONS), made through the one transition
 * function (ReportStore.applyTransition), leaves its audit entry: who, in which role, why, from and to.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewReport } from '../../../src/domain/ports';
import { TRANSITIONS, REPORT_STATUSES, type ReportAction, type ReportStatus } from '../../../src/domain/report';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;
let seq = 0;

const newReport = (): NewReport => ({
  categoryId: 'abandoned_waste',
  reliability: 'seen',
  point: { lat: 43.8414, lng: 10.5731 },
  address: 'Piazza Aldo Moro 1, Capannori',
  description: 'Sacchi di rifiuti',
  photoRefs: [],
  channel: 'simulator',
  citizenRef: 'cit_audit',
  language: 'it',
  priority: 3,
  sourceMessageKey: `simulator:audit-${++seq}`,
});

/** How a new report reaches each status (through the same audited function). */
const PATH_TO: Record<ReportStatus, ReportAction[]> = {
  new: [],
  in_review: ['take'],
  needs_info: ['take', 'ask_info'],
  dispatched: ['take', 'dispatch'],
  closed: ['take', 'close'],
  rejected: ['reject'],
  duplicate: ['mark_duplicate'],
};

const moves = (Object.keys(TRANSITIONS) as ReportAction[]).flatMap((action) =>
  TRANSITIONS[action].from.map((from) => ({ action, from, to: TRANSITIONS[action].to === 'unchanged' ? from : TRANSITIONS[action].to })),
);

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('transitions-audit')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('every status move is audited by the one transition function', () => {
  it('has a path to every status', () => {
    expect(Object.keys(PATH_TO).sort()).toEqual([...REPORT_STATUSES].sort());
  });

  it.each(moves)('$action from $from to $to writes actor, role, reason, from and to', async ({ action, from, to }) => {
    const { report } = await storage.reports.createOnce(newReport());
    for (const step of PATH_TO[from]) {
      const r = await storage.reports.applyTransition({ id: report.id, action: step, actor: 'agente.setup', actorRole: 'agent' });
      expect(r.ok).toBe(true);
    }
    const moved = await storage.reports.applyTransition({
      id: report.id,
      action,
      actor: 'agente.rossi',
      actorRole: 'supervisor',
      reason: `perché ${action}`,
      requestId: `req-${action}-${from}`,
    });
    expect(moved).toMatchObject({ ok: true, from, report: { status: to } });

    const entries = await storage.audit.listForReport(report.id);
    // One entry per move, none lost and none doubled.
    expect(entries).toHaveLength(PATH_TO[from].length + 1);
    expect(entries.at(-1)).toMatchObject({
      actor: 'agente.rossi',
      actorRole: 'supervisor',
      action,
      reason: `perché ${action}`,
      reportId: report.id,
      requestId: `req-${action}-${from}`,
      details: { from, to, version: PATH_TO[from].length + 1 },
    });
  });

  it('writes no entry for a move the table refuses', async () => {
    const { report } = await storage.reports.createOnce(newReport());
    const refused = await storage.reports.applyTransition({ id: report.id, action: 'close', actor: 'agente.rossi' });
    expect(refused).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(await storage.audit.listForReport(report.id)).toEqual([]);
  });
});
