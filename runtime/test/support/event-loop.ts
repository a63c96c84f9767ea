import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How long one piece of work held the event loop, measured two ways. */
export interface LoopReport {
  /** The longest event-loop delay `monitorEventLoopDelay` saw (10 ms resolution), in ms. */
  maxDelayMs: number;
  /** CPU time this process spent during the window (every thread), in ms. */
  cpuMs: number;
  /** Wall-clock time of the window, in ms. */
  wallMs: number;
  /**
   * The delay the process's own work can account for: the longest delay, but never more than the CPU
   * time spent. A loaded machine that takes the CPU away from this process stretches the wall-clock
   * delay without any CPU time behind it; a synchronous computation that holds the loop for 100 ms
   * spends at least 100 ms of CPU, so it still shows here in full.
   */
  ownDelayMs: number;
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while sampling event-loop delay. The histogram measures the time between two of its
 * ticks, so it is enabled two ticks before the work starts (a stretch that holds the loop before its
 * first tick would never be seen: that is how a 95-second regular expression once went unnoticed) and
 * stays enabled a tick after the work settles (or the stretch that ends the work would not be seen).
 */
export async function measureLoop<T>(work: () => Promise<T>): Promise<{ result: T; report: LoopReport }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await tick(25);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let result: T;
  try {
    result = await work();
    await tick(25);
  } finally {
    histogram.disable();
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // an empty histogram reports its max as 0; the delay is in nanoseconds beyond the resolution
  const maxDelayMs = histogram.count > 0 ? histogram.max / 1e6 : 0;
  return {
    result,
    report: {
      maxDelayMs: round(maxDelayMs),
      cpuMs: round(cpuMs),
      wallMs: round(wallMs),
      ownDelayMs: round(Math.min(maxDelayMs, cpuMs)),
    },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
