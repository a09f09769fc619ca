import { describe, expect, it } from 'vitest';
import { startReconcileLoop, type ReconcileCounts } from '../../../src/app/intake/reconcile';
import type { LeaseStore } from '../../../src/domain/ports';

const noLeases = { release: async () => undefined } as unknown as LeaseStore;
const quiet = { info: () => undefined, warn: () => undefined };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the reconcile loop', () => {
  it('never starts a pass while the last one still waits on a hung database, and goes on once it returns', async () => {
    let passes = 0;
    let release!: () => void;
    const hung = new Promise<void>((r) => (release = r));
    const loop = startReconcileLoop({
      reconcileOnce: async (): Promise<ReconcileCounts> => {
        passes++;
        if (passes === 1) await hung;
        return { inbound: 0, outbound: 0, advisories: 0 };
      },
      leases: noLeases,
      holder: 'test',
      intervalMs: 10,
      logger: quiet,
    });
    await wait(120);
    expect(passes).toBe(1);
    release();
    await wait(120);
    expect(passes).toBeGreaterThan(2);
    await loop.close();
  });
});
