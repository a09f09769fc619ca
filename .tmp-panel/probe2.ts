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
await c.createIndex({ priority: -1, createdAt: 1 });
await c.createIndex({ createdAt: -1 });
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
await time('find open sort limit50', () => c.find(open).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find open sort limit50 noproj desc', () => c.find(open, {projection: {description: 0, citizenInfo: 0}}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find open+cat sort limit50', () => c.find({...open, categoryId: 'c3'}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find open+zone sort limit50', () => c.find({...open, zone: 'z3'}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find open+channel+from', () => c.find({...open, channel: 'ch1', createdAt: {$gte: new Date(Date.now()-30*86400000)}}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find open newest', () => c.find(open).sort({ createdAt: -1 }).limit(50).toArray());
await time('count open', () => c.countDocuments(open));
await time('count open+cat', () => c.countDocuments({...open, categoryId: 'c3'}));
await time('group by status (all)', () => c.aggregate([{ $match: {} }, { $group: { _id: '$status', n: { $sum: 1 } } }]).toArray());
await time('7 counts parallel', () => Promise.all(['new','in_review','needs_info','dispatched','closed','rejected','duplicate'].map(s => c.countDocuments({status: s}))));
await time('4 open counts parallel', () => Promise.all(['new','in_review','needs_info','dispatched'].map(s => c.countDocuments({status: s}))));
await time('group open statuses', () => c.aggregate([{ $match: open }, { $group: { _id: '$status', n: { $sum: 1 } } }]).toArray());
await time('find closed+cat sort', () => c.find({status:'closed', categoryId: 'c3'}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find closed+cat+from7d sort', () => c.find({status:'closed', categoryId: 'c3', createdAt: {$gte: new Date(Date.now()-7*86400000)}}).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find by _id', async () => { const d = await c.findOne({status:'new'}); return c.findOne({_id: d!._id}); });
await client.close();
await m.stop();
