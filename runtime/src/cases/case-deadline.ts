import {
  pauseClock,
  startClock,
  type CaseSnapshot,
  type Catalog,
  type CompiledWorkflow,
  type Effect,
  type LocalizedText,
} from '@tongban/engine';

/**
 * A case's own deadline: the matter's time limit (办理时限), counted by the engine on the lead
 * department's calendar (decision 0017). It stands while the applicant is asked for a supplement
 * (`due_at` null, `due_paused_at` set) and is marked uncertain when it was counted past the years its
 * calendar knows the holidays of.
 */
export interface DeadlineColumns {
  due_at: string | null;
  due_uncertain: boolean;
  due_paused_at: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The deadline columns the engine's last `setCaseDeadline` effect leaves; undefined when none changed them. */
export function deadlineColumns(effects: Effect[]): DeadlineColumns | undefined {
  let columns: DeadlineColumns | undefined;
  for (const effect of effects) {
    if (effect.type === 'setCaseDeadline')
      columns = {
        due_at: iso(effect.dueAt),
        due_uncertain: effect.uncertain,
        due_paused_at: iso(effect.pausedAt),
      };
  }
  return columns;
}

/** A case's deadline as every view shows it: the case, the applicant's list, the search, a bundle's tracker. */
export interface DeadlineView {
  dueAt: Date | null;
  /** When its clock stopped for a supplement; null while it runs. */
  duePausedAt: Date | null;
  /** Counted past the years its calendar covers: it may fall later. */
  dueUncertain: boolean;
  /** Why there is no deadline now, or why it may move, in words; null when there is nothing to say. */
  dueNote: LocalizedText | null;
}

interface DeadlineRow {
  status: string;
  matterKey: string | null;
  dueAt: Date | null;
  duePausedAt: Date | null;
  dueUncertain: boolean;
}

export function deadlineView(catalog: Catalog, row: DeadlineRow): DeadlineView {
  return {
    dueAt: row.dueAt,
    duePausedAt: row.duePausedAt,
    dueUncertain: row.dueUncertain,
    dueNote: noteOf(catalog, row),
  };
}

function noteOf(catalog: Catalog, row: DeadlineRow): LocalizedText | null {
  if (row.status === 'active' && row.duePausedAt !== null)
    return {
      'zh-CN': '申请人补正期间，办理时限暂停计算；补正后继续计算，期限相应顺延',
      en: 'The time limit stands still while the applicant provides the supplement asked for; it runs on once it is given, and the deadline moves by as much',
    };
  if (!row.dueUncertain) return null;
  const to = coveredUntil(catalog, row.matterKey);
  const years =
    to === undefined ? { 'zh-CN': '', en: '' } : { 'zh-CN': `（至 ${to} 年）`, en: ` (up to ${to})` };
  return {
    'zh-CN': `办理期限超出了工作日历已收录节假日的年份${years['zh-CN']}，其后的法定节假日未计入，实际期限可能顺延`,
    en: `The deadline falls past the years whose holidays the working calendar lists${years.en}: holidays after them are not counted, so it may fall later`,
  };
}

/** The last year the calendar of a matter's lead department covers. */
function coveredUntil(catalog: Catalog, matterKey: string | null): number | undefined {
  const matter = matterKey === null ? undefined : catalog.get('matter', matterKey);
  const calendarKey =
    matter?.timeLimit.calendar ??
    (matter && catalog.get('department', matter.lead)?.calendar) ??
    catalog.defaultCalendarKey();
  return calendarKey === undefined ? undefined : catalog.get('calendar', calendarKey)?.years?.to;
}

/**
 * A case started before cases had clocks of their own: its clock as it has run since it opened (so its
 * deadline is the one stored), standing since the request if a supplement is asked for. Undefined when
 * it has a clock, or no time limit.
 */
export function legacyCaseClock(
  catalog: Catalog,
  workflow: CompiledWorkflow,
  row: { matterKey: string | null; snapshot: CaseSnapshot },
  openedAt: Date,
): CaseSnapshot | undefined {
  const { snapshot } = row;
  if (snapshot.clock !== undefined || snapshot.status !== 'active' || row.matterKey === null)
    return undefined;
  const matter = catalog.get('matter', row.matterKey);
  if (matter === undefined) return undefined;
  const calendar = workflow.catalog.get('department', matter.lead)?.calendar ?? workflow.defaultCalendar;
  const started = startClock(matter.timeLimit, openedAt.getTime(), calendar, workflow.calendars);
  const clock =
    snapshot.supplement === null
      ? started
      : pauseClock(started, snapshot.supplement.requestedAt, workflow.calendars);
  return { ...snapshot, clock };
}
