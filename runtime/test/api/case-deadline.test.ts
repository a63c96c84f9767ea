import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * A case's own deadline (the matter's time limit, 办理时限) stops while the applicant is asked for a
 * supplement (补正), as the asking task's does: the time the applicant took does not count against the
 * department. It is counted in working time on the lead department's calendar, and every place that
 * shows the deadline shows the same one: the case, the applicant's list, the departments' search and a
 * bundle's tracker.
 */
let h: Harness;
beforeAll(async () => {
  // the test moves the clock by days: sign-ins last a year here
  h = await createHarness({ env: { TONGBAN_SESSION_HOURS: '8760' } });
});
afterAll(async () => {
  await h?.close();
});

interface Deadline {
  dueAt: string | null;
  duePausedAt: string | null;
  dueUncertain: boolean;
  dueNote: { 'zh-CN': string; en: string } | null;
}
interface CaseJson extends Deadline {
  id: string;
  tasks: Array<{ id: string; state: string; status: string; dueAt: string | null }>;
}

const shanghai = (iso: string) => new Date(`${iso}+08:00`).toISOString();
const deadlineOf = (row: Deadline) => ({
  dueAt: row.dueAt,
  duePausedAt: row.duePausedAt,
  dueUncertain: row.dueUncertain,
});

describe("a case's deadline during a supplement", () => {
  it('should stop while the applicant is asked for more, and move by the working time they took', async () => {
    // given a subsistence allowance (20 working days) applied for on Monday 9 March 2026, 09:00
    h.clock.set('2026-03-09T09:00:00+08:00');
    const applied = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    // due at the end of the 20th working day: Friday 3 April
    expect(deadlineOf(applied)).toEqual({
      dueAt: shanghai('2026-04-03T17:30:00'),
      duePausedAt: null,
      dueUncertain: false,
    });

    // when civil affairs asks for an income certificate an hour later
    h.clock.set('2026-03-09T10:00:00+08:00');
    const accept = applied.tasks.find((task) => task.status === 'open') as { id: string };
    await h.json('minzheng', 'POST', `/api/tasks/${accept.id}/request-supplements`, {
      items: ['近三个月收入证明'],
      reason: '缺少收入证明',
    });

    // then the case's clock stops, wherever the case is shown
    const paused = { dueAt: null, duePausedAt: shanghai('2026-03-09T10:00:00'), dueUncertain: false };
    const view = await h.json<CaseJson>('resident', 'GET', `/api/cases/${applied.id}`);
    expect(deadlineOf(view)).toEqual(paused);
    expect(view.dueNote?.['zh-CN']).toContain('补正');
    expect(view.dueNote?.en).toContain('supplement');
    const mine = await h.items<CaseJson>('resident', 'GET', '/api/cases/mine');
    expect(deadlineOf(mine.find((row) => row.id === applied.id) as CaseJson)).toEqual(paused);
    const found = await h.items<CaseJson>('minzheng', 'GET', '/api/cases?matter=d1.subsistence-allowance');
    expect(deadlineOf(found.find((row) => row.id === applied.id) as CaseJson)).toEqual(paused);

    // when the resident answers on Wednesday at 10:00: two working days later
    h.clock.set('2026-03-11T10:00:00+08:00');
    const answered = await h.json<CaseJson>('resident', 'POST', `/api/cases/${applied.id}/supplements`, {
      data: { address: '和平街 2 号' },
    });

    // then the deadline moves by those two working days, over the Qingming holiday (4-6 April)
    const resumed = { dueAt: shanghai('2026-04-08T17:30:00'), duePausedAt: null, dueUncertain: false };
    expect(deadlineOf(answered)).toEqual(resumed);
    expect(answered.dueNote).toBeNull();
    expect(deadlineOf(await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${applied.id}`))).toEqual(
      resumed,
    );
    const mineAfter = await h.items<CaseJson>('resident', 'GET', '/api/cases/mine');
    expect(deadlineOf(mineAfter.find((row) => row.id === applied.id) as CaseJson)).toEqual(resumed);
    const foundAfter = await h.items<CaseJson>(
      'minzheng',
      'GET',
      '/api/cases?matter=d1.subsistence-allowance',
    );
    expect(deadlineOf(foundAfter.find((row) => row.id === applied.id) as CaseJson)).toEqual(resumed);
    // and the task's deadline moved by the same working time (1 working day from 09:00: 17:30 that day)
    const task = answered.tasks.find((candidate) => candidate.id === accept.id);
    expect(task?.dueAt).toBe(shanghai('2026-03-11T17:30:00'));
  });

  it("should move only the asking matter's deadline on a bundle's tracker", async () => {
    h.clock.set('2026-03-09T09:00:00+08:00');
    interface Item extends Deadline {
      matter: string;
      caseId: string;
    }
    const submitted = await h.json<{ id: string; items: Item[] }>(
      'resident',
      'POST',
      '/api/bundles/d1.senior-services/applications',
      {
        data: {
          person: {
            name: '王建国',
            idNumber: '110101195001010016',
            birthDate: '1950-01-01',
            phone: '13800000003',
          },
          address: { residential: '北京市东城区和平街 7 号' },
          choice: { busCard: false, healthCheck: true },
          'm_d1_senior-health-check': { preferredDate: '2026-03-25', institution: 'district-hospital' },
          consent: true,
        },
      },
      201,
    );
    const [card, check] = submitted.items as [Item, Item];
    // the card in 5 working days, the health check in 3
    expect([card.dueAt, check.dueAt]).toEqual([
      shanghai('2026-03-13T17:30:00'),
      shanghai('2026-03-11T17:30:00'),
    ]);
    const cardCase = await h.json<CaseJson>('admin', 'GET', `/api/cases/${card.caseId}`);
    const intake = cardCase.tasks.find((task) => task.status === 'open') as { id: string };

    // when civil affairs asks for the household register at 10:00 and the resident answers a working day later
    h.clock.set('2026-03-09T10:00:00+08:00');
    await h.json('minzheng', 'POST', `/api/tasks/${intake.id}/request-supplements`, {
      items: ['户口簿'],
      reason: '缺少户口簿首页',
    });
    const waiting = await h.json<{ items: Item[] }>(
      'resident',
      'GET',
      `/api/bundle-applications/${submitted.id}`,
    );
    expect(deadlineOf(waiting.items[0] as Item)).toEqual({
      dueAt: null,
      duePausedAt: shanghai('2026-03-09T10:00:00'),
      dueUncertain: false,
    });
    expect(waiting.items[1]?.dueAt).toBe(check.dueAt);
    h.clock.set('2026-03-10T10:00:00+08:00');
    await h.json('resident', 'POST', `/api/cases/${card.caseId}/supplements`, { data: {} });

    // then the card's deadline is a working day later, over the weekend, and the health check's has not moved
    const after = await h.json<{ items: Item[] }>(
      'resident',
      'GET',
      `/api/bundle-applications/${submitted.id}`,
    );
    const [cardAfter, checkAfter] = after.items as [Item, Item];
    expect(deadlineOf(cardAfter)).toEqual({
      dueAt: shanghai('2026-03-16T17:30:00'),
      duePausedAt: null,
      dueUncertain: false,
    });
    expect(checkAfter.dueAt).toBe(check.dueAt);
    // and the card's case says the same as the tracker
    const cardView = await h.json<CaseJson>('resident', 'GET', `/api/cases/${card.caseId}`);
    expect(cardView.dueAt).toBe(cardAfter.dueAt);
  });

  it('should give a case opened before cases had clocks of their own its clock as it has run', async () => {
    // given two cases opened on Monday 9 March at 09:00, as they were stored before: no clock in the snapshot
    h.clock.set('2026-03-09T09:00:00+08:00');
    const apply = () =>
      h.json<CaseJson>(
        'resident',
        'POST',
        '/api/cases',
        { matter: 'd1.subsistence-allowance', data: applicantData },
        201,
      );
    const [before, during] = [await apply(), await apply()];
    const forget = (id: string) =>
      h.runtime.db
        .update(cases)
        .set({
          snapshot: sql`${cases.snapshot} - 'clock'`,
          duePausedAt: null,
          dueAt: new Date(before.dueAt as string),
        })
        .where(eq(cases.id, id));
    await forget(before.id);
    const ask = async (kase: CaseJson) => {
      const task = kase.tasks.find((candidate) => candidate.status === 'open') as { id: string };
      await h.json('minzheng', 'POST', `/api/tasks/${task.id}/request-supplements`, {
        items: ['近三个月收入证明'],
        reason: '缺少收入证明',
      });
    };

    // when both are asked for a supplement at 10:00, the second before the upgrade (then migration 0010 runs)
    h.clock.set('2026-03-09T10:00:00+08:00');
    await ask(before);
    await ask(during);
    await forget(during.id);
    const migration = readFileSync(
      new URL('../../drizzle/0010_case_deadline.sql', import.meta.url),
      'utf8',
    ).split('--> statement-breakpoint');
    await h.runtime.db.execute(sql.raw(migration[migration.length - 1] as string));

    // then both stand since the request
    for (const kase of [before, during])
      expect(deadlineOf(await h.json<CaseJson>('resident', 'GET', `/api/cases/${kase.id}`))).toEqual({
        dueAt: null,
        duePausedAt: shanghai('2026-03-09T10:00:00'),
        dueUncertain: false,
      });

    // and when the resident answers two working days later, both deadlines move by them
    h.clock.set('2026-03-11T10:00:00+08:00');
    for (const kase of [before, during]) {
      const answered = await h.json<CaseJson>('resident', 'POST', `/api/cases/${kase.id}/supplements`, {
        data: {},
      });
      expect(deadlineOf(answered)).toEqual({
        dueAt: shanghai('2026-04-08T17:30:00'),
        duePausedAt: null,
        dueUncertain: false,
      });
    }
  });
});
