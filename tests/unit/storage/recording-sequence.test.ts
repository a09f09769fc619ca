import { describe, expect, it } from 'vitest';
import { createRecordingSequence } from '../../../src/storage/repositories/recording-sequence';

describe('recording sequence of outbound messages', () => {
  it('follows the clock, and gives one turn’s replies consecutive numbers', () => {
    let now = 1_700_000_000_000;
    const next = createRecordingSequence(() => now);
    const first = next(3);
    expect(first).toBe(now * 1000);
    now += 5;
    expect(next(1)).toBe(now * 1000);
  });

  it('keeps increasing when many messages are recorded in one millisecond or the clock steps back', () => {
    let now = 1_700_000_000_000;
    const next = createRecordingSequence(() => now);
    let lastTaken = 0;
    const take = (count: number) => {
      const first = next(count);
      expect(first).toBeGreaterThan(lastTaken); // no overlap with the numbers handed out before
      lastTaken = first + count - 1;
    };
    for (let i = 0; i < 2500; i++) take(1 + (i % 3));
    now -= 1000; // NTP stepped the clock back a second
    take(1);
    take(2);
    expect(Number.isSafeInteger(lastTaken + 1_000_000)).toBe(true);
  });
});
