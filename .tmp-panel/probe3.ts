import { MongoClient } from 'mongodb';
import { startMongo } from '../script/embedded-servers';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const N = Number(process.argv[2] ?? 100000);
const m = await startMongo(mkdtempSync(path.join(os.tmpdir(), 'probe-')));
const client = await MongoClient.connect(m.url);
const db = client.db('probe');
const c = db.collection('reports');
await c.createIndex({ status: 1, priority: -1, createdAt: 1 });
await c.createIndex({ status: 1, categoryId: 1, priority: -1, createdAt: 1 });
await c.createIndex({ status: 1, zone: 1, priority: -1, createdAt: 1 });
await c.createIndex({ categoryId: 1, createdAt: -1 });
await c.createIndex({ zone: 1, createdAt: -1 });
const pick = (r: number) => r < 0.005 ? 'new' : r < 0.008 ? 'in_review' : r < 0.009 ? 'needs_info' : r < 0.012 ? 'dispatched' : r < 0.9 ? 'closed' : r < 0.95 ? 'rejected' : 'duplicate';
let t = performance.now();
for (let b = 0; b < N; b += 10000) {
  await c.insertMany(Array.from({ length: Math.min(10000, N - b) }, (_, i) => ({ status: pick(Math.random()), priority: i % 10, createdAt: new Date(Date.now() - (b+i) * 1000), categoryId: 'c' + (i % 10), zone: 'z' + (i % 7), channel: 'ch' + (i % 4), description: 'x'.repeat(60), location: {type:'Point', coordinates:[10.5,43.8]}, address: 'Via di prova 123, Capannori', ticketCode: 'VIC-2026-' + (b+i), citizenInfo: [], photoRefs: [] })));
}
console.log('insert', (performance.now() - t).toFixed(0));
const time = async (name: string, f: () => Promise<unknown>) => {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); await f(); ts.push(performance.now() - t0); }
  console.log(name.padEnd(50), ts.map((x) => x.toFixed(1)).join(' '));
};
const open = { status: { $in: ['new', 'in_review', 'needs_info', 'dispatched'] } };
const hc = { status: 1, categoryId: 1, priority: -1, createdAt: 1 };
const hz = { status: 1, zone: 1, priority: -1, createdAt: 1 };
const hs = { status: 1, priority: -1, createdAt: 1 };
await time('open+cat NOhint', () => c.find({...open, categoryId: {$in:['c3']}}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('open count NOhint', () => c.countDocuments(open));
await time('open+cat hinted', () => c.find({...open, categoryId: {$in:['c3']}}, {hint: hc}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('open+cat hint status', () => c.find({...open, categoryId: {$in:['c3']}}, {hint: hs}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('open+zone hinted', () => c.find({...open, zone: {$in:['z3']}}, {hint: hz}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('open+channel+from hint status', () => c.find({...open, channel: {$in:['ch1']}, createdAt: {$gte: new Date(Date.now()-30*86400000)}}, {hint: hs}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('open group hint status', () => c.aggregate([{ $match: open }, { $group: { _id: '$status', n: { $sum: 1 } } }], {hint: hs}).toArray());
await time('open+cat group hinted', () => c.aggregate([{ $match: {...open, categoryId: {$in:['c3']}} }, { $group: { _id: '$status', n: { $sum: 1 } } }], {hint: hc}).toArray());
await time('closed+cat group hinted', () => c.aggregate([{ $match: {status: {$in:['closed','rejected','duplicate']}, categoryId: {$in:['c3']}} }, { $group: { _id: '$status', n: { $sum: 1 } } }], {hint: hc}).toArray());
await time('closed+cat find hinted', () => c.find({status: {$in:['closed']}, categoryId: {$in:['c3']}}, {hint: hc}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('open count hint', () => c.countDocuments(open, {hint: hs}));
console.log(JSON.stringify((await c.find({...open, categoryId: {$in:['c3']}}, {hint: hc}).sort({ priority: -1, createdAt: 1 }).limit(50).explain()).queryPlanner?.winningPlan ?? {}).slice(0, 900));
try { await c.find({}, {hint: {nope: 1}}).toArray(); } catch (e) { console.log('bad hint:', (e as Error).message, (e as any).code); }
await client.close();
await m.stop();
