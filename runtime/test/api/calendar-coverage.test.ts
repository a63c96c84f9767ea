import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../src/db/schema.js';
import { startWorkers } from '../../src/workers/workers.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * A business calendar knows the statutory holidays of the years it says it covers (the library's
 * mainland calendar: 2026). A deadline counted past them counts the next year's holidays as working
 * days: it is marked as uncertain on the task and on the case, with a note saying why; administrators
 * are told well before a calendar runs out, and the validator warns.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ env: { TONGBAN_SESSION_HOURS: '8760' } });
});
afterAll(async () => {
  await h?.close();
});

interface CaseJson {
  id: string;
  dueAt: string | null;
  dueUncertain: boolean;
  dueNote: { 'zh-CN': string; en: string } | null;
  tasks: Array<{ id: string; status: string; dueAt: string | null; dueUncertain: boolean }>;
}

describe('deadlines past the years a calendar covers', () => {
  it('should mark a deadline inside the covered years as certain', async () => {
    h.clock.set('2026-03-09T09:00:00+08:00');
    const kase = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    expect(kase.dueUncertain).toBe(false);
    expect(kase.dueNote).toBeNull();
    expect(kase.tasks.map((task) => task.dueUncertain)).toEqual([false]);
  });

  it('should mark a deadline counted into 2027 on the case and the task, with a note, wherever they are shown', async () => {
    // given an application on the last working morning of 2026: 20 working days run into 2027, and even
    // the one-day intake runs into New Year's Day 2027, which the calendar does not know is a holiday
    h.clock.set('2026-12-31T10:00:00+08:00');
    const kase = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    expect(kase.dueUncertain).toBe(true);
    expect(kase.dueNote?.['zh-CN']).toContain('2026');
    expect(kase.dueNote?.en).toContain('2026');
    const intake = kase.tasks[0] as CaseJson['tasks'][number];
    expect(intake.dueUncertain).toBe(true);

    // and the applicant's list, the departments' search and the inbox say so too
    const mine = await h.items<CaseJson>('resident', 'GET', '/api/cases/mine');
    expect(mine.find((row) => row.id === kase.id)?.dueUncertain).toBe(true);
    const found = await h.items<CaseJson>('minzheng', 'GET', '/api/cases?matter=d1.subsistence-allowance');
    expect(found.find((row) => row.id === kase.id)?.dueUncertain).toBe(true);
    const inbox = await h.json<{ items: Array<{ id: string; dueUncertain: boolean }> }>(
      'minzheng',
      'GET',
      '/api/tasks/inbox?department=d1.minzheng&limit=100',
    );
    expect(inbox.items.find((task) => task.id === intake.id)?.dueUncertain).toBe(true);
  });

  it('should list the calendars that run out within 90 days to administrators, and on /api/health', async () => {
    // in March 2026 the mainland calendar has most of a year left
    h.clock.set('2026-03-09T09:00:00+08:00');
    const march = await h.json<{
      calendars: Array<{ key: string; years: unknown; daysLeft: number | null }>;
    }>('admin', 'GET', '/api/admin/calendars');
    expect(march.calendars).toContainEqual(
      expect.objectContaining({ key: 'cn-mainland', years: { from: 2026, to: 2026 }, runsOut: false }),
    );
    expect(
      (await h.json<{ calendarsRunningOut: unknown[] }>(null, 'GET', '/api/health')).calendarsRunningOut,
    ).toEqual([]);

    // in November it runs out at the end of December
    h.clock.set('2026-11-01T09:00:00+08:00');
    const november = await h.json<{ calendars: Array<{ key: string }>; runningOut: string[] }>(
      'admin',
      'GET',
      '/api/admin/calendars',
    );
    expect(november.calendars).toContainEqual(
      expect.objectContaining({ key: 'cn-mainland', endsOn: '2026-12-31', daysLeft: 61, runsOut: true }),
    );
    expect(november.runningOut).toEqual(['cn-mainland']);
    expect(
      (await h.json<{ calendarsRunningOut: unknown[] }>(null, 'GET', '/api/health')).calendarsRunningOut,
    ).toEqual([{ key: 'cn-mainland', endsOn: '2026-12-31', daysLeft: 61 }]);
    // and only administrators read the list
    expect((await h.request('minzheng', 'GET', '/api/admin/calendars')).statusCode).toBe(403);
  });

  it('should tell every administrator once that a calendar runs out, in their notifications', async () => {
    // given a worker running in November 2026
    h.clock.set('2026-11-01T09:00:00+08:00');
    const [admin] = await h.runtime.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'admin'));
    const notices = () =>
      h.runtime.db
        .select({ data: notifications.data })
        .from(notifications)
        .where(eq(notifications.template, 'calendar.running-out'));
    const workers = await startWorkers(h.runtime, { queues: ['system'] });
    try {
      await expect.poll(async () => (await notices()).length, { timeout: 10_000 }).toBe(1);
    } finally {
      await workers.stop();
    }
    // when a second worker starts, nobody is told twice
    const again = await startWorkers(h.runtime, { queues: ['system'] });
    await again.stop();
    const rows = await h.runtime.db
      .select({ recipient: notifications.recipient, data: notifications.data })
      .from(notifications)
      .where(eq(notifications.template, 'calendar.running-out'));
    expect(rows).toEqual([
      {
        recipient: `user:${(admin as { id: string }).id}`,
        data: { calendar: 'cn-mainland', endsOn: '2026-12-31', daysLeft: 61 },
      },
    ]);
    const seen = await h.items<{ template: string }>('admin', 'GET', '/api/notifications');
    expect(seen.map((notice) => notice.template)).toContain('calendar.running-out');
  });

  it('should warn on validation, without refusing, when a calendar runs out within 90 days or says no years', async () => {
    h.clock.set('2026-11-01T09:00:00+08:00');
    const library = await h.json<{ body: Record<string, unknown> }>(
      'admin',
      'GET',
      '/api/definitions/calendar/cn-mainland/1',
    );
    const checked = await h.json<{
      valid: boolean;
      problems: unknown[];
      warnings: Array<{ path: string; code: string; message: string }>;
    }>('admin', 'POST', '/api/definitions/validate', { ...library.body, version: 2 });
    expect(checked.valid).toBe(true);
    expect(checked.problems).toEqual([]);
    expect(checked.warnings).toEqual([
      expect.objectContaining({ path: '/years/to', code: 'calendar-runs-out' }),
    ]);

    const { years: _years, ...silent } = library.body;
    const unsaid = await h.json<{ valid: boolean; warnings: Array<{ path: string; code: string }> }>(
      'admin',
      'POST',
      '/api/definitions/validate',
      { ...silent, version: 2 },
    );
    expect(unsaid.valid).toBe(true);
    expect(unsaid.warnings.map((warning) => [warning.path, warning.code])).toEqual([
      ['/years', 'calendar-years-missing'],
    ]);
  });
});
