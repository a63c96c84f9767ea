import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../src/db/schema.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * First receiver responsible (首接负责制): a transfer (转办) or a return (退回) always carries a reason,
 * and is counted against the department that bounced the task.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface CaseJson {
  id: string;
  tasks: Array<{ id: string; state: string; status: string }>;
}

async function openTask(caseId: string, state: string) {
  const kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${caseId}`);
  return kase.tasks.find((task) => task.state.endsWith(state) && task.status === 'open') as { id: string };
}

async function application(): Promise<string> {
  return (
    await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    )
  ).id;
}

describe('bounced tasks', () => {
  it('should count transfers and returns against the department that made them, each with its reason', async () => {
    // given civil affairs transfers one application and sends another back a step
    const first = await application();
    const intake = await openTask(first, 'accept');
    await h.json('minzheng', 'POST', `/api/tasks/${intake.id}/transfer`, {}, 400); // no reason, no transfer
    await h.json('minzheng', 'POST', `/api/tasks/${intake.id}/transfer`, {
      toDepartment: 'd1.renshe',
      reason: '属人社职责',
    });
    const second = await application();
    await h.json('minzheng', 'POST', `/api/tasks/${(await openTask(second, 'accept')).id}/complete`, {
      outcome: 'accept',
    });
    await h.json('minzheng', 'POST', `/api/tasks/${(await openTask(second, 'review')).id}/return`, {
      reason: '收入证明不全，退回受理',
    });

    // then the supervisor sees both against civil affairs, and none against human resources
    const bounces = await h.items<{ department: string; transfers: number; returns: number }>(
      'supervisor',
      'GET',
      '/api/departments/bounces',
    );
    expect(bounces).toEqual([{ department: 'd1.minzheng', transfers: 1, returns: 1 }]);
    // and a window before them counts nothing
    expect(await h.items('supervisor', 'GET', '/api/departments/bounces?until=2026-03-01T00:00:00Z')).toEqual(
      [],
    );
    // and staff do not rate departments
    await h.json('minzheng', 'GET', '/api/departments/bounces', undefined, 403);
  });

  it('should have a supervisor watching each district of the demo city, who sees its bounces', async () => {
    const supervised = await h.runtime.db
      .select({ department: memberships.department })
      .from(memberships)
      .where(eq(memberships.role, 'supervisor'));
    // the districts themselves, under the city (their bureaus are district-level departments too)
    const districts = h.runtime.directory
      .all()
      .filter((department) => department.parent === 'city' && department.level === 'district');
    expect(districts.map((district) => district.code).sort()).toEqual(['d1', 'd2']);
    expect(supervised.map((row) => row.department).sort()).toEqual(['d1', 'd2']);
    // the Xicheng supervisor does not see Dongcheng's civil affairs
    expect(await h.items('supervisor2', 'GET', '/api/departments/bounces')).toEqual([]);
  });
});
