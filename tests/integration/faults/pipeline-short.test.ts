/**
 * The fault-injection suite's short run, inside `npm test` (the long one is `npm run test:faults`):
 * 8 citizens, half on signed WhatsApp Cloud webhooks and half on Telegram long polling, play the full
 * report against separate web, worker and telegram processes while the worker and the web process
 * are killed -9, Redis is killed and comes back empty (once more while the worker hangs), MongoDB is killed for 10 s and then hangs
 * (SIGSTOP) for 5 s. Every citizen must get exactly the bot messages of a run without faults, in
 * order, one ticket each, and MongoDB must hold exactly one report per citizen.
 */
import { describe, expect, it } from 'vitest';
import { differences, faults, runFaultScenario } from '../../support/fault-scenario';

describe('the pipeline under faults (short run)', () => {
  it('answers every citizen exactly as without faults', async () => {
    const result = await runFaultScenario({
      citizens: 8,
      spreadMs: 8_000,
      play: { answerTimeoutMs: 60_000, thinkMs: [500, 1_500] },
      faults: [
        { afterMs: 1_500, fault: faults.killWorker() },
        { afterMs: 1_500, fault: faults.killWeb() },
        { afterMs: 1_000, fault: faults.redisRestartsEmpty(500) },
        { afterMs: 1_000, fault: faults.workerHangsAndRedisLost(3_000) },
        { afterMs: 1_000, fault: faults.mongoDown(10_000) },
        { afterMs: 2_000, fault: faults.mongoHangs(5_000) },
      ],
    });
    const problems = differences(result);
    if (process.env.FAULTS_TIMELINE) console.log(result.timeline.join('\n'));
    expect(problems, `${result.timeline.join('\n')}\n${problems.join('\n')}\n${problems.length ? result.logs.slice(-20_000) : ''}`).toEqual(
      [],
    );
    expect(result.citizens).toHaveLength(8);
  }, 240_000);
});
