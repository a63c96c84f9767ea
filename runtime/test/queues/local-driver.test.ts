import { describe, expect, it } from 'vitest';
import { LocalDriver } from '../../src/queues/local-driver.js';
import type { FailedJob, ReceivedJob } from '../../src/queues/queue-driver.js';

const job = (queue: string, id = 'j1') => ({ queue, name: 'dispatch', id, data: { taskId: 't1' } });

describe('the local driver', () => {
  it('should refuse jobs for a queue nobody in this process works, so the outbox keeps them', async () => {
    const driver = new LocalDriver(async () => undefined);
    await expect(driver.publish([job('dept.d1.minzheng')])).rejects.toThrow(
      'no worker for queue dept.d1.minzheng',
    );
  });

  it('should resolve a publish only once the job was handled, and serve a family of queues', async () => {
    const driver = new LocalDriver(async () => undefined);
    const handled: ReceivedJob[] = [];
    await driver.consume('dept.*', async (received) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      handled.push(received);
    });
    await driver.publish([job('dept.d1.minzheng'), job('dept.d2.weijian', 'j2')]);
    expect(handled.map((received) => received.queue).sort()).toEqual(['dept.d1.minzheng', 'dept.d2.weijian']);
  });

  it('should retry a failing job with a pause and hand it to the dead letters after the last try', async () => {
    const dead: FailedJob[] = [];
    const driver = new LocalDriver(
      async (failed) => {
        dead.push(failed);
      },
      () => 1,
    );
    let tries = 0;
    await driver.consume('notifications', async () => {
      tries += 1;
      throw new Error('mail server down');
    });
    await driver.publish([job('notifications')]);
    expect(tries).toBe(5);
    expect(dead).toEqual([
      expect.objectContaining({ queue: 'notifications', id: 'j1', attempt: 5, error: 'mail server down' }),
    ]);
  });
});
