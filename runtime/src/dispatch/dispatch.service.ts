import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AuditLog } from '../audit/audit-log.js';
import { rowsOf, type Database } from '../db/database.js';
import { dispatchCursors, tasks } from '../db/schema.js';
import type { DepartmentDirectory } from '../departments/directory.js';

export interface DispatchJob {
  taskId: string;
  department: string;
}

interface Candidate {
  user_id: string;
  open_tasks: number;
  deputy_id: string | null;
  away_until: string | Date | null;
}

/**
 * Runs a department's dispatch policy when a task opens in its queue: `shared` leaves it in the inbox,
 * `roundRobin` gives it to the next on-duty staff member, `leastLoaded` to the one with fewest open
 * tasks. Someone away with a deputy is skipped for the deputy. Idempotent: a task already taken, moved
 * to another department or closed is left alone.
 */
export class DispatchService {
  constructor(
    private readonly deps: {
      db: Database;
      audit: AuditLog;
      directory: DepartmentDirectory;
      clock: () => Date;
    },
  ) {}

  /** Returns who got the task, or null when it stays in the shared inbox. */
  async dispatch(job: DispatchJob): Promise<string | null> {
    const policy = this.deps.directory.get(job.department)?.dispatch ?? { mode: 'shared' as const };
    if (policy.mode === 'shared') return null;
    const now = this.deps.clock();
    // the case row is locked first, as in every write on a case
    const [known] = await this.deps.db
      .select({ caseId: tasks.caseId })
      .from(tasks)
      .where(eq(tasks.id, job.taskId));
    if (!known) return null;
    return this.deps.audit.write<string | null>(known.caseId, async (tx) => {
      const [task] = await tx
        .select({ id: tasks.id, caseId: tasks.caseId })
        .from(tasks)
        .where(
          and(
            eq(tasks.id, job.taskId),
            eq(tasks.department, job.department),
            eq(tasks.status, 'open'),
            isNull(tasks.assigneeId),
          ),
        )
        .for('update');
      if (!task) return { value: null, audit: [] };
      // one dispatcher per department at a time, so round-robin never hands out the same turn twice
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dispatch:${job.department}`}))`);
      const candidates = rowsOf<Candidate>(
        await tx.execute(sql`
          select m.user_id, u.deputy_id, u.away_until,
                 (select count(*)::int from tasks t where t.assignee_id = m.user_id and t.status in ('open', 'waiting')) as open_tasks
          from memberships m join users u on u.id = m.user_id
          where m.department = ${job.department} and m.role = 'staff' and m.on_duty and not u.disabled
          order by m.user_id`),
      );
      const present = candidates.filter((c) => !isAway(c, now) || c.deputy_id !== null);
      if (present.length === 0) return { value: null, audit: [] };
      let chosen: Candidate;
      if (policy.mode === 'leastLoaded') {
        chosen = present.reduce((best, c) => (c.open_tasks < best.open_tasks ? c : best));
      } else {
        const [cursor] = await tx
          .select()
          .from(dispatchCursors)
          .where(eq(dispatchCursors.department, job.department));
        const after = present.find((c) => cursor?.lastUserId != null && c.user_id > cursor.lastUserId);
        chosen = after ?? (present[0] as Candidate);
        await tx
          .insert(dispatchCursors)
          .values({ department: job.department, lastUserId: chosen.user_id })
          .onConflictDoUpdate({ target: dispatchCursors.department, set: { lastUserId: chosen.user_id } });
      }
      const assignee = isAway(chosen, now) && chosen.deputy_id !== null ? chosen.deputy_id : chosen.user_id;
      await tx.update(tasks).set({ assigneeId: assignee }).where(eq(tasks.id, task.id));
      return {
        value: assignee,
        audit: [
          {
            actorId: null,
            action: 'task.dispatched',
            at: now,
            data: {
              taskId: task.id,
              department: job.department,
              policy: policy.mode,
              to: assignee,
              ...(assignee !== chosen.user_id ? { deputyFor: chosen.user_id } : {}),
            },
          },
        ],
      };
    });
  }
}

function isAway(candidate: Candidate, now: Date): boolean {
  return candidate.away_until !== null && new Date(candidate.away_until) > now;
}
