import { eq, inArray, sql } from 'drizzle-orm';
import type { EngineEvent } from '@tongban/engine';
import type { CaseService, CommandCase, PlannedWrite } from '../cases/case.service.js';
import { writeCommands } from '../cases/case.service.js';
import type { Database, RunBatch, RunStatement, Statement } from '../db/database.js';
import { timers } from '../db/schema.js';
import type { SupervisionService } from '../supervision/supervision.service.js';
import { isOrderTimer } from '../supervision/order-timer.js';

export interface DueTimer {
  id: string;
  caseId: string;
  fireAt: Date;
}

/** A claimed timer and its case as a command reads it (null: the case is gone). */
export interface ClaimedTimer extends DueTimer {
  case: CommandCase | null;
}

interface ClaimRow {
  timer_id: string;
  timer_case_id: string;
  timer_fire_at: string | Date;
  id: string | null;
  workflow_key: string;
  workflow_version: number;
  matter_key: string | null;
  applicant_id: string | null;
  status: CommandCase['status'];
  result: string | null;
  snapshot: CommandCase['snapshot'];
  version: number;
  audit_seq: number;
  audit_head: string;
  closed_at: string | Date | null;
}

export interface FireReport {
  /** Timers whose effect was written now. */
  fired: number;
  /** Timers the engine found stale (task closed, step fired, clock paused): marked fired, nothing else. */
  stale: number;
  /** Timers whose case someone else wrote first: released, they are claimed again on the next pass. */
  retried: number;
}

export interface TimerServiceOptions {
  /** How long a claim holds a timer against other workers (a crashed worker's timers come back after it). */
  leaseMs?: number;
  /** Timers claimed and written in one transaction. */
  batchSize?: number;
  /** Batches in flight at once in this process (one steps cases while another waits on the database). */
  parallel?: number;
}

const empty = (): FireReport => ({ fired: 0, stale: 0, retried: 0 });

/**
 * Durable timers: the `timers` rows are the truth, whatever driver delivers them. A worker claims due
 * rows with a lease (`for update skip locked`, so two workers never take the same row), steps each case
 * through its timers, and writes every case of the batch in one transaction, each case's write guarded
 * by its version and marking its timers fired in the same statement. A timer therefore fires once in
 * effect: a second delivery finds it fired, or the engine finds its step already fired and ignores it.
 */
export class TimerService {
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly parallel: number;

  constructor(
    private readonly deps: {
      db: Database;
      run: RunStatement;
      runBatch: RunBatch;
      cases: CaseService;
      supervision: SupervisionService;
      clock: () => Date;
      afterCommit?: () => void;
    },
    options: TimerServiceOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.batchSize = options.batchSize ?? 100;
    this.parallel = options.parallel ?? 3;
  }

  /**
   * Claims up to `limit` due timers for this worker's lease, each with its case as a command reads it
   * (one round trip): only `ids` when given, only those overdue by more than `graceMs` when given (the
   * reconciler leaves the rest to their delayed jobs).
   */
  async claimDue(
    limit = this.batchSize,
    ids?: string[],
    graceMs = 0,
    lane: { index: number; of: number } = { index: 0, of: 1 },
  ): Promise<ClaimedTimer[]> {
    const now = this.deps.clock();
    const params: unknown[] = [
      new Date(now.getTime() - graceMs).toISOString(),
      now.toISOString(),
      new Date(now.getTime() + this.leaseMs).toISOString(),
      limit,
    ];
    let filters = '';
    if (ids !== undefined) {
      params.push(ids);
      filters += ` and id = any($${params.length}::text[])`;
    }
    if (lane.of > 1) {
      // lanes split the cases, never one case's timers: a ladder's steps due together go out together
      params.push(lane.of, lane.index);
      filters += ` and (hashtext(case_id::text) & 2147483647) % $${params.length - 1}::int = $${params.length}::int`;
    }
    const rows = await this.deps.run<ClaimRow>(
      `with claimed as (
         update timers set locked_until = $3::timestamptz, attempts = attempts + 1
         where id in (
           select id from timers
           where status = 'pending' and fire_at <= $1::timestamptz
             and (locked_until is null or locked_until <= $2::timestamptz)${filters}
           -- the index's order alone: a tie-break (by id) would sort every timer due at the same moment
           -- (50,000 in a burst) for each batch of 100; one case's timers are ordered when it is stepped
           order by fire_at
           limit $4::int
           for update skip locked)
         returning id, case_id, fire_at)
       select t.id as timer_id, t.case_id as timer_case_id, t.fire_at as timer_fire_at,
              c.id, c.workflow_key, c.workflow_version, c.matter_key, c.applicant_id, c.status, c.result,
              c.snapshot, c.version, c.audit_seq, c.audit_head, c.closed_at
       from claimed t left join cases c on c.id = t.case_id`,
      params,
    );
    return rows.map((row) => ({
      id: row.timer_id,
      caseId: row.timer_case_id,
      fireAt: new Date(row.timer_fire_at),
      case:
        row.id === null
          ? null
          : {
              id: row.id,
              workflowKey: row.workflow_key,
              workflowVersion: row.workflow_version,
              matterKey: row.matter_key,
              applicantId: row.applicant_id,
              status: row.status,
              result: row.result,
              snapshot: row.snapshot,
              version: row.version,
              auditSeq: row.audit_seq,
              auditHead: row.audit_head,
              closedAt: row.closed_at === null ? null : new Date(row.closed_at),
            },
    }));
  }

  /** Fires claimed timers: all their cases written in one transaction. */
  async fire(claimed: ClaimedTimer[]): Promise<FireReport> {
    const report = empty();
    if (claimed.length === 0) return report;
    const orderTimers = claimed.filter((timer) => isOrderTimer(timer.id));
    for (const timer of orderTimers) {
      if (await this.deps.supervision.orderOverdue(timer.id)) report.fired += 1;
      else report.stale += 1;
    }
    const caseTimers = claimed.filter((timer) => !isOrderTimer(timer.id));
    if (caseTimers.length === 0) return report;

    const byCase = new Map<string, ClaimedTimer[]>();
    const rows = new Map<string, CommandCase>();
    for (const timer of caseTimers) {
      byCase.set(timer.caseId, [...(byCase.get(timer.caseId) ?? []), timer]);
      if (timer.case !== null) rows.set(timer.caseId, timer.case);
    }
    const planned: PlannedWrite[] = [];
    const ignoredOf = new Map<string, number>();
    const stale: string[] = [];
    // one lock order for every worker: cases by id
    for (const row of [...rows.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      // a ladder's steps due at the same moment fire in the ladder's order (breach, then the notice)
      const due = (byCase.get(row.id) ?? []).sort(
        (a, b) =>
          a.fireAt.getTime() - b.fireAt.getTime() || a.id.localeCompare(b.id, 'en', { numeric: true }),
      );
      const events: EngineEvent[] = due.map((timer) => ({ type: 'timer.fired', timerId: timer.id }));
      const plan = await this.deps.cases.plan(
        null,
        row,
        events,
        due.map((timer) => timer.id),
      );
      if (plan.write === null) {
        stale.push(...due.map((timer) => timer.id));
        continue;
      }
      planned.push(plan.write);
      ignoredOf.set(row.id, plan.ignored.length);
      report.stale += plan.ignored.length;
      report.fired += due.length - plan.ignored.length;
    }
    // timers of cases that are gone are stale too
    for (const [caseId, due] of byCase) if (!rows.has(caseId)) stale.push(...due.map((timer) => timer.id));
    const statements: Statement[] = [];
    // every case of the batch in one statement: one plan, one round trip, one commit
    if (planned.length > 0) statements.push(writeCommands(planned, this.deps.clock()));
    if (stale.length > 0) {
      statements.push({
        text: `update timers set status = 'fired', fired_at = $1::timestamptz, locked_until = null
               where id = any($2::text[]) and status = 'pending'`,
        params: [this.deps.clock().toISOString(), stale],
      });
      report.stale += stale.length;
    }
    if (statements.length === 0) return report;
    const [written = []] = await this.deps.runBatch(statements);
    this.deps.afterCommit?.();
    const writtenCases = new Set(
      (planned.length > 0 ? (written as Array<{ id: string }>) : []).map((row) => row.id),
    );
    const retry: string[] = [];
    for (const write of planned) {
      if (writtenCases.has(write.caseId)) continue;
      // someone else moved the case first: nothing of ours was written; let the next pass try again
      const ignored = ignoredOf.get(write.caseId) ?? 0;
      retry.push(...write.firedTimers);
      report.fired -= write.firedTimers.length - ignored;
      report.stale -= ignored;
      report.retried += write.firedTimers.length;
    }
    if (retry.length > 0)
      await this.deps.db.update(timers).set({ lockedUntil: null }).where(inArray(timers.id, retry));
    return report;
  }

  /**
   * Fires everything due now (only `ids`, when given; only what is overdue by `graceMs`, when given),
   * batch after batch, several batches in flight at once, and says what happened.
   */
  async fireDue(ids?: string[], graceMs = 0): Promise<FireReport> {
    const total = empty();
    const lanes = ids !== undefined && ids.length <= this.batchSize ? 1 : this.parallel;
    const lane = async (index: number) => {
      for (;;) {
        const claimed = await this.claimDue(this.batchSize, ids, graceMs, { index, of: lanes });
        if (claimed.length === 0) return;
        const report = await this.fire(claimed);
        total.fired += report.fired;
        total.stale += report.stale;
        total.retried += report.retried;
        // a batch that only conflicted: let the other writer finish before trying again
        if (report.fired + report.stale === 0) return;
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, index) => lane(index)));
    return total;
  }

  /** When the next pending timer is due (the local driver sleeps until then). */
  async nextDue(): Promise<Date | null> {
    const [row] = await this.deps.db
      .select({ fireAt: sql<string | Date | null>`min(${timers.fireAt})` })
      .from(timers)
      .where(eq(timers.status, 'pending'));
    return row?.fireAt ? new Date(row.fireAt) : null;
  }
}
