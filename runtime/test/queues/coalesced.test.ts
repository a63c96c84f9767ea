import { describe, expect, it } from 'vitest';
import { coalesced } from '../../src/timers/coalesced.js';

describe('coalesced passes', () => {
  it('should cover every request with a pass that started after it, running one pass at a time', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    let release: (() => void) | null = null;
    const run = coalesced(async () => {
      running += 1;
      most = Math.max(most, running);
      started.push(Date.now());
      await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    });
    // given a pass in progress
    const first = run();
    // when a burst of requests arrives meanwhile
    const burst = Array.from({ length: 100 }, () => run());
    expect(started).toHaveLength(1);
    release!();
    await first;
    // then one more pass serves the whole burst, never two at once
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toHaveLength(2);
    release!();
    await Promise.all(burst);
    expect(most).toBe(1);
    // and a later request gets a pass of its own
    const later = run();
    expect(started).toHaveLength(3);
    release!();
    await later;
  });

  it('should run the next pass after a failed one', async () => {
    let calls = 0;
    const run = coalesced(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database gone');
    });
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow('database gone');
    await expect(second).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
