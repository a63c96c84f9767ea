import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.js';
import { departments, memberships, tasks, users } from '../../src/db/schema.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/** A department's dispatch policy decides who gets a new task; deputies stand in for people away. */
let h: Harness;
const staff: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  // three more on-duty staff in civil affairs besides the demo account
  const [demo] = await h.runtime.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'minzheng'));
  staff.push(demo!.id);
  for (const name of ['mz2', 'mz3', 'mz4']) {
    const id = randomUUID();
    await h.runtime.db.insert(users).values({
      id,
      username: name,
      displayName: name,
      passwordHash: await hashPassword('Tongban2026!'),
    });
    await h.runtime.db.insert(memberships).values({ userId: id, department: 'd1.minzheng', role: 'staff' });
    staff.push(id);
  }
  staff.sort();
});
afterAll(async () => {
  await h?.close();
});

async function policy(mode: 'shared' | 'roundRobin' | 'leastLoaded') {
  await h.runtime.db
    .update(departments)
    .set({ dispatch: { mode } })
    .where(eq(departments.code, 'd1.minzheng'));
  await h.runtime.directory.reload(h.runtime.db);
}

async function newTask(): Promise<string> {
  const resident = await h.login('resident');
  const response = await h.call(resident, {
    method: 'POST',
    url: '/api/cases',
    payload: { matter: 'd1.subsistence-allowance', data: applicantData },
  });
  expect(response.statusCode).toBe(201);
  return (response.json() as { tasks: Array<{ id: string }> }).tasks[0]!.id;
}

const assigneeOf = async (taskId: string) =>
  (await h.runtime.db.select({ assigneeId: tasks.assigneeId }).from(tasks).where(eq(tasks.id, taskId)))[0]
    ?.assigneeId;

const dispatch = (taskId: string) => h.runtime.dispatch.dispatch({ taskId, department: 'd1.minzheng' });

describe('department dispatch', () => {
  it('should leave a task in the shared inbox under the shared policy', async () => {
    await policy('shared');
    const taskId = await newTask();
    expect(await dispatch(taskId)).toBeNull();
    expect(await assigneeOf(taskId)).toBeNull();
  });

  it('should hand tasks out in turn under round-robin, and never twice for one task', async () => {
    await policy('roundRobin');
    const given: string[] = [];
    for (let i = 0; i < 8; i++) {
      const taskId = await newTask();
      given.push((await dispatch(taskId)) as string);
      // a second delivery of the same job changes nothing
      expect(await dispatch(taskId)).toBeNull();
      expect(await assigneeOf(taskId)).toBe(given[i]);
    }
    expect(given.slice(0, 4).sort()).toEqual(staff);
    expect(given.slice(4)).toEqual(given.slice(0, 4));
  });

  it('should give a task to the least loaded staff member, and skip those off duty', async () => {
    await policy('leastLoaded');
    // everyone has two open tasks from the round-robin; mz4 is off duty, the last one takes one more now
    const offDuty = staff[3]!;
    await h.runtime.db.update(memberships).set({ onDuty: false }).where(eq(memberships.userId, offDuty));
    const first = await dispatch(await newTask());
    expect(first).not.toBe(offDuty);
    const second = await dispatch(await newTask());
    expect(second).not.toBe(offDuty);
    expect(second).not.toBe(first);
    await h.runtime.db.update(memberships).set({ onDuty: true }).where(eq(memberships.userId, offDuty));
  });

  it("should give an absent person's task to their deputy", async () => {
    await policy('leastLoaded');
    // everyone but the deputy is away; the least loaded away person has a deputy
    const deputy = staff[0]!;
    const until = new Date(h.runtime.clock().getTime() + 24 * 3600_000);
    for (const userId of staff.slice(1))
      await h.runtime.db
        .update(users)
        .set({ awayUntil: until, deputyId: deputy })
        .where(eq(users.id, userId));
    await h.runtime.db.update(memberships).set({ onDuty: false }).where(eq(memberships.userId, deputy));
    const taskId = await newTask();
    expect(await dispatch(taskId)).toBe(deputy);
    expect(await assigneeOf(taskId)).toBe(deputy);
  });
});
