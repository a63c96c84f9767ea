import type { TimerService } from './timer.service.js';

/**
 * The embedded mode's timer driver: sleeps until the next pending timer is due (at most `maxSleepMs`,
 * so rows written by another process are seen), fires everything due, and sleeps again. New timers
 * wake it early. It keeps nothing in memory that matters: after a restart it starts from the rows, and
 * timers that came due while it was down fire on its first pass.
 */
export class LocalTimerLoop {
  private sleeping: NodeJS.Timeout | null = null;
  private wakeAt = Number.POSITIVE_INFINITY;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly timers: TimerService,
    private readonly options: { maxSleepMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.pass();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sleeping) clearTimeout(this.sleeping);
    await this.running;
  }

  /** Timers were scheduled: wake up earlier if one of them is due before the current wake-up. */
  wake(fireAts: Date[] = []): void {
    const earliest = Math.min(...fireAts.map((at) => at.getTime()), Number.POSITIVE_INFINITY);
    if (fireAts.length === 0 || earliest < this.wakeAt)
      this.sleepUntil(fireAts.length === 0 ? Date.now() : earliest);
  }

  private pass(): void {
    if (this.stopped || this.running) return;
    this.running = (async () => {
      try {
        await this.timers.fireDue();
        const next = await this.timers.nextDue();
        this.sleepUntil(next === null ? Number.POSITIVE_INFINITY : next.getTime());
      } catch (error) {
        this.options.onError?.(error);
        this.sleepUntil(Date.now() + 1000);
      } finally {
        this.running = null;
      }
    })();
  }

  private sleepUntil(at: number): void {
    if (this.stopped) return;
    const maxSleep = this.options.maxSleepMs ?? 5000;
    const delay = Math.max(0, Math.min(at - Date.now(), maxSleep));
    if (this.sleeping) clearTimeout(this.sleeping);
    this.wakeAt = Date.now() + delay;
    this.sleeping = setTimeout(() => {
      this.sleeping = null;
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.pass();
    }, delay);
  }
}
