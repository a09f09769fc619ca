import { MongoClient } from 'mongodb';
import { startMongo } from '../script/embedded-servers';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const N = Number(process.argv[2] ?? 30000);
const m = await startMongo(mkdtempSync(path.join(os.tmpdir(), 'probe-')));
const client = await MongoClient.connect(m.url);
const db = client.db('probe');
const c = db.collection('reports');
await c.createIndex({ status: 1, priority: -1, createdAt: 1 });
await c.createIndex({ status: 1, categoryId: 1, priority: -1, createdAt: 1 });
await c.createIndex({ categoryId: 1, createdAt: -1 });
await c.createIndex({ status: 1, createdAt: -1 });
await c.createIndex({ status: 1, zone: 1, priority: -1, createdAt: 1 });
const pick = (r: number) => r < 0.005 ? 'new' : r < 0.008 ? 'in_review' : r < 0.009 ? 'needs_info' : r < 0.012 ? 'dispatched' : r < 0.9 ? 'closed' : r < 0.95 ? 'rejected' : 'duplicate';
for (let b = 0; b < N; b += 10000) {
  await c.insertMany(Array.from({ length: Math.min(10000, N - b) }, (_, i) => ({ status: pick(Math.random()), priority: i % 10, createdAt: new Date(Date.now() - (b+i) * 1000), categoryId: 'c' + (i % 10), zone: 'z' + (i % 7) })));
}
const open = { status: { $in: ['new', 'in_review', 'needs_info', 'dispatched'] } };
const show = async (name: string, cur: any) => {
  const e = await cur.explain('executionStats');
  const s = e.executionStats ?? {};
  const plan = JSON.stringify(e.queryPlanner?.winningPlan);
  console.log(name.padEnd(30), 'n', s.nReturned, 'keys', s.totalKeysExamined, 'docs', s.totalDocsExamined, 'ms', s.executionTimeMillis, plan.slice(0, 300));
};
if (0) await show('find open', c.find(open).sort({ priority: -1, createdAt: 1 }).limit(50));
if (0) await show('find open hint', c.find(open, { hint: { status: 1, priority: -1, createdAt: 1 } }).sort({ priority: -1, createdAt: 1 }).limit(50));
if (0) await show('find open+cat', c.find({ ...open, categoryId: { $in: ['c3'] } }).sort({ priority: -1, createdAt: 1 }).limit(50));
if (0) await show('find open+cat hint', c.find({ ...open, categoryId: { $in: ['c3'] } }, { hint: { status: 1, categoryId: 1, priority: -1, createdAt: 1 } }).sort({ priority: -1, createdAt: 1 }).limit(50));
if (0) await show('find new', c.find({ status: 'new' }).sort({ priority: -1, createdAt: 1 }).limit(50));
if (0) await show('find new $in', c.find({ status: { $in: ['new'] } }).sort({ priority: -1, createdAt: 1 }).limit(50));
const time = async (name: string, f: () => Promise<unknown>) => {
  const ts: number[] = [];
  for (let i = 0; i < 8; i++) { const t0 = performance.now(); await f(); ts.push(performance.now() - t0); }
  ts.sort((a,b)=>a-b);
  console.log(name.padEnd(40), 'median', ts[4].toFixed(1), 'min', ts[0].toFixed(1));
};
const hc = { status: 1, categoryId: 1, priority: -1, createdAt: 1 };
const hs = { status: 1, priority: -1, createdAt: 1 };
const q = (name: string, filter: any) => show(name, c.find(filter).sort({ priority: -1, createdAt: 1 }).limit(50));
const since = new Date(Date.now() - 86400000);
await q('eq + created', { status: 'new', createdAt: { $gte: since } });
await q('eq + created range', { status: 'new', createdAt: { $gte: since, $lt: new Date() } });
await q('eq + zone in', { status: 'new', zone: { $in: ['z3'] } });
await q('eq + cat + created', { status: 'new', categoryId: 'c3', createdAt: { $gte: since } });
await q('eq + cat + zone', { status: 'new', categoryId: 'c3', zone: 'z3' });
await q('eq only', { status: 'new' });
await show('eq newest', c.find({ status: 'new' }).sort({ createdAt: -1 }).limit(50));
await time('find eq + created', () => c.find({ status: 'new', createdAt: { $gte: since } }).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find closed eq + created', () => c.find({ status: 'closed', createdAt: { $gte: since } }).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
const ex = await c.aggregate([{ $match: open }, { $group: { _id: '$status', n: { $sum: 1 } } }], { hint: hs }).explain('executionStats');
console.log(JSON.stringify(ex).slice(0, 1200));
await client.close();
await m.stop();
