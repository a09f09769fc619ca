import { MongoClient } from 'mongodb';
import { benchServers } from './bench-env';
const servers = await benchServers({});
const c = await MongoClient.connect(servers.mongoUrl, { maxPoolSize: Number(process.env.POOL ?? 50) });
const col = c.db().collection('x');
await col.insertOne({ _id: 'a' as any, v: 1 });
const cpu = () => { const u = process.cpuUsage(); return [u.user / 1000, u.system / 1000]; };
for (let r = 0; r < 3; r++) {
  const c0 = cpu(), t0 = performance.now();
  const N = 3000, C = Number(process.env.CONC ?? 20);
  await Promise.all(Array.from({ length: C }, async () => { for (let i = 0; i < N / C; i++) await col.findOne({ _id: 'a' as any }); }));
  const c1 = cpu();
  console.log('findOne user', ((c1[0] - c0[0]) / N).toFixed(3), 'sys', ((c1[1] - c0[1]) / N).toFixed(3), 'ms/op', ((performance.now() - t0) / N).toFixed(3), 'ms wall/op');
}
await c.close(); await servers.stop();
