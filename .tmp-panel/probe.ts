import { MongoClient } from 'mongodb';
import { startMongo } from '../script/embedded-servers';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const N = Number(process.argv[2] ?? 20000);
const m = await startMongo(mkdtempSync(path.join(os.tmpdir(), 'probe-')));
const client = await MongoClient.connect(m.url);
const db = client.db('probe');
const c = db.collection('reports');
await c.createIndex({ status: 1, priority: -1, createdAt: 1 });
await c.createIndex({ priority: -1, createdAt: 1 });
await c.createIndex({ createdAt: -1 });
await c.createIndex({ categoryId: 1, createdAt: -1 });
const statuses = ['new','in_review','needs_info','dispatched','closed','closed','closed','closed','closed','rejected','duplicate'];
let t = performance.now();
for (let b = 0; b < N; b += 5000) {
  await c.insertMany(Array.from({ length: Math.min(5000, N - b) }, (_, i) => ({ status: i % 30 === 0 ? 'new' : statuses[4 + (i % 7)], priority: i % 10, createdAt: new Date(Date.now() - i * 1000), categoryId: 'c' + (i % 10), zone: 'z' + (i % 7), channel: 'ch' + (i % 4), description: 'x'.repeat(60) })));
}
console.log('insert', (performance.now() - t).toFixed(0));
const time = async (name: string, f: () => Promise<unknown>) => {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); await f(); ts.push(performance.now() - t0); }
  console.log(name.padEnd(50), ts.map((x) => x.toFixed(1)).join(' '));
};
const open = { status: { $in: ['new', 'in_review', 'needs_info', 'dispatched'] } };
await time('find open sort limit50', () => c.find(open).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find status=new sort limit50', () => c.find({ status: 'new' }).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find closed sort limit50', () => c.find({ status: 'closed' }).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find closed sort skip500', () => c.find({ status: 'closed' }).sort({ priority: -1, createdAt: 1 }).skip(500).limit(50).toArray());
await time('find all newest limit50', () => c.find({}).sort({ createdAt: -1 }).limit(50).toArray());
await time('count open', () => c.countDocuments(open));
await time('count new', () => c.countDocuments({ status: 'new' }));
await time('count closed', () => c.countDocuments({ status: 'closed' }));
await time('count closed+cat', () => c.countDocuments({ status: 'closed', categoryId: 'c1' }));
await time('group by status', () => c.aggregate([{ $match: {} }, { $group: { _id: '$status', n: { $sum: 1 } } }]).toArray());
await time('group by status cat', () => c.aggregate([{ $match: { categoryId: 'c1' } }, { $group: { _id: '$status', n: { $sum: 1 } } }]).toArray());
await time('estimated', () => c.estimatedDocumentCount());
await time('find closed project _id sort', () => c.find({ status: 'closed' }, { projection: { _id: 1 } }).sort({ priority: -1, createdAt: 1 }).limit(50).toArray());
await time('find by id', () => c.findOne({ status: 'new' }));
console.log(JSON.stringify((await c.find({ status: 'closed' }).sort({ priority: -1, createdAt: 1 }).limit(50).explain()).queryPlanner?.winningPlan ?? {}, null, 0).slice(0, 600));
await client.close();
await m.stop();
