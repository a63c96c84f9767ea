import { createHash } from 'node:crypto';
import {
  calendarCoverage,
  calendarWarningDays,
  type CalendarCoverage,
  type LocalizedText,
} from '@tongban/engine';
import type { RunStatement } from '../db/database.js';
import type { DefinitionService } from '../definitions/definition.service.js';

/**
 * How long the published calendars last (decision 0017). A calendar knows the statutory holidays of
 * the years it says it covers; past them a deadline counts holidays as working days (and is marked
 * uncertain). Administrators are warned `calendarWarningDays` (90) days ahead: on
 * `GET /api/admin/calendars`, on `/api/health`, and by a notification each (once per calendar and
 * last covered day), which the system worker sends at start and twice a day.
 */
export interface CalendarCoverageEntry extends CalendarCoverage {
  key: string;
  version: number;
  title: LocalizedText;
}

export interface CoverageReport {
  calendars: CalendarCoverageEntry[];
  /** Keys of the calendars that run out within the warning days (or have run out). */
  runningOut: string[];
}

export async function coverageReport(definitions: DefinitionService, now: Date): Promise<CoverageReport> {
  const catalog = await definitions.current();
  const calendars = catalog
    .all('calendar')
    .map((calendar) => ({
      key: calendar.key,
      version: calendar.version,
      title: calendar.title,
      ...calendarCoverage(calendar, now.getTime(), calendarWarningDays),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { calendars, runningOut: calendars.filter((entry) => entry.runsOut).map((entry) => entry.key) };
}

/** What `/api/health` says of calendars: those that run out soon, when. */
export async function calendarsRunningOut(definitions: DefinitionService, now: Date) {
  const report = await coverageReport(definitions, now);
  return report.calendars
    .filter((entry) => entry.runsOut)
    .map((entry) => ({ key: entry.key, endsOn: entry.endsOn, daysLeft: entry.daysLeft }));
}

/**
 * Tells every administrator of each calendar that runs out within the warning days, once per calendar
 * and last covered day: the notification's id is derived from both and the user, so that workers
 * running at once, or again, write it once. Delivered like every notification, through the outbox.
 * Returns how many were written.
 */
export async function warnAdministrators(
  deps: {
    definitions: DefinitionService;
    transact: <T>(work: (run: RunStatement) => Promise<T>) => Promise<T>;
  },
  now: Date,
): Promise<number> {
  const report = await coverageReport(deps.definitions, now);
  const due = report.calendars.filter((entry) => entry.runsOut);
  if (due.length === 0) return 0;
  return deps.transact(async (run) => {
    const admins = await run<{ id: string }>(
      `select distinct u.id from users u join memberships m on m.user_id = u.id
       where m.role = 'admin' and not u.disabled order by u.id`,
      [],
    );
    const notices = due.flatMap((entry) =>
      admins.map((admin) => ({
        id: noticeId(`calendar.running-out:${entry.key}:${String(entry.endsOn)}:${admin.id}`),
        recipient: `user:${admin.id}`,
        data: { calendar: entry.key, endsOn: entry.endsOn, daysLeft: entry.daysLeft },
      })),
    );
    if (notices.length === 0) return 0;
    const written = await run<{ id: string; recipient: string }>(
      `insert into notifications (id, case_id, task_id, recipient, template, data, created_at)
       select x.id, null, null, x.recipient, 'calendar.running-out', x.data, $2::timestamptz
       from jsonb_to_recordset($1::jsonb) as x(id uuid, recipient text, data jsonb)
       on conflict (id) do nothing
       returning id, recipient`,
      [JSON.stringify(notices), now.toISOString()],
    );
    if (written.length > 0)
      await run(
        `insert into outbox (topic, payload)
         select 'notification', jsonb_build_object('notificationId', x.id, 'recipient', x.recipient,
                                                   'template', 'calendar.running-out')
         from jsonb_to_recordset($1::jsonb) as x(id uuid, recipient text)`,
        [JSON.stringify(written)],
      );
    return written.length;
  });
}

/** A UUID (version 8, name-based) from a name: the same name, the same id. */
function noticeId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
