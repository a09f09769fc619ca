/**
 * `npm run test:faults`: 40 citizens, half on signed WhatsApp Cloud webhooks (redelivered until they
 * get a 200, as Meta does) and half on Telegram long polling, play the full report against separate
 * web, worker and telegram processes, a real redis-server and the MongoDB-wire server, while:
 * the worker is killed -9, the web process is killed -9 and restarted, Redis is killed and comes
 * back empty (once more while the worker hangs, its jobs waiting in Redis), MongoDB is killed and comes back 60 s later on the same data, then hangs (SIGSTOP) for
 * 20 s. Every citizen must get exactly the bot messages of a run without faults, in order, one ticket
 * each, and MongoDB must hold exactly one report per citizen. The short twin runs inside `npm test`
 * (tests/integration/faults/pipeline-short.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { differences, faults, runFaultScenario } from '../support/fault-scenario';

const CITIZENS = Number(process.env.FAULTS_CITIZENS ?? 40);

describe('the pipeline under faults', () => {
  it(`answers ${CITIZENS} citizens exactly as without faults`, async () => {
    const result = await runFaultScenario({
      citizens: CITIZENS,
      spreadMs: 100_000,
      play: { answerTimeoutMs: 240_000, thinkMs: [1_000, 4_000] },
      faults: [
        { afterMs: 5_000, fault: faults.killWorker() },
        { afterMs: 5_000, fault: faults.killWeb() },
        { afterMs: 4_000, fault: faults.redisRestartsEmpty(2_000) },
        { afterMs: 4_000, fault: faults.workerHangsAndRedisLost(8_000) },
        { afterMs: 6_000, fault: faults.mongoDown(60_000) },
        { afterMs: 10_000, fault: faults.mongoHangs(20_000) },
        { afterMs: 5_000, fault: faults.killWorker() },
      ],
    });
    console.log(result.timeline.join('\n'));
    const problems = differences(result);
    expect(problems, `${problems.join('\n')}\n${problems.length ? result.logs.slice(-40_000) : ''}`).toEqual([]);
    expect(result.citizens).toHaveLength(CITIZENS);
    // The faults were felt: Meta had to redeliver webhooks the service could not store.
    expect(result.citizens.reduce((n, c) => n + c.redeliveries, 0)).toBeGreaterThan(0);
  });
});
