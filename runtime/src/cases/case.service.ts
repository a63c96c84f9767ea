import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  start,
  step,
  type CaseSnapshot,
  type Catalog,
  type CompiledWorkflow,
  type Effect,
  type EngineEvent,
  type FormDefinition,
  type LocalizedText,
  type MatterDefinition,
  pointer,
} from '@tongban/engine';
import type { Actor } from '../auth/actor.js';
import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import { isContention } from '../db/contention.js';
import type { Database, RunBatch, RunStatement, Statement } from '../db/database.js';
import { cases, tasks } from '../db/schema.js';
import type { DefinitionService } from '../definitions/definition.service.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import { assertFormData } from '../forms/form-validator.js';
import { pageOf, readMomentCursor } from '../http/cursor.js';
import { ProfileService, rememberStatement } from '../profiles/profile.service.js';
import { claimAudit, claimStatement, claimableUploads, type ClaimedUpload } from '../uploads/upload-claim.js';
import { caseViewFor } from './applicant-view.js';
import { deadlineColumns, deadlineView, legacyCaseClock } from './case-deadline.js';
import { caseAccess } from './case-access.js';
import { assertRevealable, caseSensitivePointers, maskCaseData, maskCopies } from './case-forms.js';
import { caseWriteStatements, foldEffects, writeSetValues, type CaseWrites } from './effects.js';
import {
  assertSlotsFree,
  isSlotTaken,
  openSlotOf,
  slotHolders,
  slotsTaken,
  type OpenSlot,
  type WantedSlot,
} from './one-open-case.js';
import { loadTimelines, type TimelineView } from './timeline.js';

export interface StartCaseInput {
  matter?: string;
  workflow?: string;
  data: Record<string, unknown>;
}

export type CaseRow = typeof cases.$inferSelect;

/** What a command reads of a case: its workflow, snapshot and guards; not the data the snapshot holds again. */
export type CommandCase = Pick<
  CaseRow,
  | 'id'
  | 'workflowKey'
  | 'workflowVersion'
  | 'matterKey'
  | 'applicantId'
  | 'status'
  | 'result'
  | 'snapshot'
  | 'version'
  | 'auditSeq'
  | 'auditHead'
  | 'closedAt'
>;

export const commandColumns = {
  id: cases.id,
  workflowKey: cases.workflowKey,
  workflowVersion: cases.workflowVersion,
  matterKey: cases.matterKey,
  applicantId: cases.applicantId,
  status: cases.status,
  result: cases.result,
  snapshot: cases.snapshot,
  version: cases.version,
  auditSeq: cases.auditSeq,
  auditHead: cases.auditHead,
  closedAt: cases.closedAt,
};

export interface CommandResult {
  /** The case as it is after the command. */
  row: CommandCase;
  effects: Effect[];
  /** Set when the engine accepted the event but it changed nothing (a stale timer). */
  ignored?: string;
}

/** A case write worked out but not yet done: `writeCommands` writes one or many at once. */
export interface PlannedWrite extends CaseWrites {
  /** The case row's new values and the guards it is written under. */
  caseRow: Record<string, unknown>;
}

/** A command worked out but not yet written: write `write`, and it is done if its case was written. */
export interface PlannedCommand {
  /** null: every event was ignored, there is nothing to write. */
  write: PlannedWrite | null;
  /** Why the engine ignored the events it ignored. */
  ignored: string[];
  result: CommandResult;
}

export interface RuntimeDeps {
  db: Database;
  /** The keyed audit chains: a command's entries are chained with it, side writes go through it. */
  audit: AuditLog;
  /** Runs a compiled statement (prepared once per connection by the driver). */
  run: RunStatement;
  /** Runs statements in one transaction. */
  runBatch: RunBatch;
  definitions: DefinitionService;
  clock: () => Date;
  ids: () => string;
  /** Called after a command committed (the outbox relay sends its rows). */
  afterCommit?: () => void;
}

const caseTitle = { 'zh-CN': '案件', en: 'case' };
const p = (name: string) => sql.placeholder(name);

/** Starting cases: their rows, then everything their first steps leave behind. */
const insertStatements = caseWriteStatements(sql`
    insert into cases (id, workflow_key, workflow_version, matter_key, bundle_key, applicant_id, internal, title, status,
                       result, data, snapshot, version, audit_seq, audit_head, opened_at, due_at, due_uncertain,
                       due_paused_at, closed_at, one_open_key)
    select w.id, w.workflow_key, w.workflow_version, w.matter_key, w.bundle_key, w.applicant_id, w.internal, w.title,
           w.status, w.result, w.data, w.snapshot, 1, w.audit_seq, w.audit_head, w.opened_at, w.due_at,
           coalesce(w.due_uncertain, false), w.due_paused_at, w.closed_at, w.one_open_key
    from jsonb_to_recordset(${p('cases')}::jsonb) as w(
      id uuid, workflow_key text, workflow_version int, matter_key text, bundle_key text, applicant_id uuid, internal boolean,
      title jsonb, status text, result text, data jsonb, snapshot jsonb, audit_seq int, audit_head text, opened_at timestamptz,
      due_at timestamptz, due_uncertain boolean, due_paused_at timestamptz, closed_at timestamptz, one_open_key text)
    returning id`);

/**
 * Commands on cases. The guard: a writer that loaded the same version (or missed an audit entry written
 * since) updates nothing, so none of the statement's other writes for that case happen either: a 409.
 */
const updateStatements = caseWriteStatements(sql`
    update cases set snapshot = w.snapshot, data = w.snapshot->'context'->'data', status = w.status,
      result = w.result, version = w.version, closed_at = w.closed_at, audit_seq = w.audit_seq, audit_head = w.audit_head,
      -- the case's own deadline, when the engine moved it (case-deadline.ts)
      due_at = case when w.set_deadline then w.due_at else cases.due_at end,
      due_uncertain = case when w.set_deadline then w.due_uncertain else cases.due_uncertain end,
      due_paused_at = case when w.set_deadline then w.due_paused_at else cases.due_paused_at end
    from jsonb_to_recordset(${p('cases')}::jsonb) as w(
      id uuid, snapshot jsonb, status text, result text, version int, closed_at timestamptz, audit_seq int,
      audit_head text, expected_version int, expected_audit_seq int, set_deadline boolean, due_at timestamptz,
      due_uncertain boolean, due_paused_at timestamptz)
    -- by primary key whatever the planner thinks of the table's size (see task_patches); the ids apart,
    -- so that PostgreSQL parses the cases' snapshots once
    where cases.id = any (${p('caseIds')}::text::uuid[])
      and cases.id = w.id and cases.version = w.expected_version and cases.audit_seq = w.expected_audit_seq
    returning cases.id`);

/** How `CaseService.planStart` starts a case, beyond who starts it. */
export interface StartOptions {
  /** A child of a one-thing bundle: the bundle's key. */
  bundleKey?: string;
  /** The runtime (actor null) starts the case for this applicant: a bundle's later matter. */
  applicantId?: string | null;
  /** The caller checked that the member of staff may file it where it goes (a bundle at a counter). */
  queuesChecked?: boolean;
  /** The actor's uploads the application names, which the case takes as attachments (decision 0021). */
  uploads?: readonly ClaimedUpload[];
}

/** A new case worked out but not yet written (see `CaseService.planStart`). */
export interface PlannedStart {
  row: CaseRow;
  write: PlannedWrite;
  /** The application form its data was checked against, if it has one. */
  form?: FormDefinition;
  /**
   * The one-open-case slot it takes (decision 0022), already in `write.caseRow.one_open_key`; the
   * caller says where its value is in what was submitted and checks it is free.
   */
  slot?: OpenSlot;
}

/** The statement that starts planned cases, every one with everything its first step leaves behind. */
export function startCases(planned: PlannedStart[], now: Date): Statement {
  const writes = planned.map((start) => start.write);
  return insertStatements({
    ...writeSetValues(writes, now),
    cases: JSON.stringify(writes.map((write) => write.caseRow)),
  });
}

/** The statement that writes planned commands on any number of cases (in the order given: lock order is the caller's). */
export function writeCommands(planned: PlannedWrite[], firedAt: Date): Statement {
  return updateStatements({
    ...writeSetValues(planned, firedAt),
    cases: JSON.stringify(planned.map((write) => write.caseRow)),
    caseIds: `{${planned.map((write) => write.caseId).join(',')}}`,
  });
}

/**
 * The one flow: load the case, let the engine step, write the snapshot and every effect in one
 * transaction guarded by the case version. A second writer with the same version gets a 409.
 */
export class CaseService {
  constructor(private readonly deps: RuntimeDeps) {}

  /**
   * `actor` null: the runtime itself starts the case (a bad rating's follow-up, a report made without an
   * account), for no applicant. `uploadOwner`: whose uploads the case takes, when not the actor's (an
   * anonymous upload token's owner, decision 0024). `alsoWrite`: one more statement for the
   * transaction that writes the case, after it (a report's row).
   */
  async start(
    actor: Actor | null,
    input: StartCaseInput,
    { uploadOwner, alsoWrite }: { uploadOwner?: string; alsoWrite?: (caseId: string) => Statement } = {},
  ): Promise<CaseRow> {
    // the files uploaded for this application become the case's attachments as it starts (decision 0021)
    const owner = uploadOwner ?? actor?.userId;
    const uploads = owner ? await claimableUploads(this.deps.db, owner, input.data) : [];
    const planned = await this.planStart(actor, input, { uploads });
    // one open case per person and matter: refused here in the common case, by the unique index when
    // another submission got in between (the batch below then writes nothing at all)
    const wanted = planned.slot ? [{ slot: planned.slot, path: pointer('', planned.slot.field) }] : [];
    await this.assertSlotsFree(actor, wanted);
    const now = this.deps.clock();
    const statements = [startCases([planned], now)];
    if (owner && uploads.length > 0) statements.push(claimStatement(owner, planned.row.id, uploads));
    // a row of the caller's that names the case (a report's follow code), in the same transaction
    if (alsoWrite) statements.push(alsoWrite(planned.row.id));
    // collect once: what a resident submits under data elements prefills their next application,
    // kept in the transaction that starts the case
    const remember =
      actor &&
      planned.form &&
      rememberStatement(actor, ProfileService.elementsOfForm(planned.form, input.data), now);
    if (remember) statements.push(remember);
    try {
      await this.deps.runBatch(statements);
    } catch (error) {
      if (isSlotTaken(error)) throw slotsTaken(actor, wanted, await slotHolders(this.deps.run, wanted));
      throw error;
    }
    this.deps.afterCommit?.();
    return planned.row;
  }

  /** The one-open-case slot a case of `matterKey` with `data` would take (a bundle's later matter). */
  slotFor(catalog: Catalog, matterKey: string, data: Record<string, unknown>): OpenSlot | undefined {
    const matter = catalog.get('matter', matterKey);
    if (!matter) return undefined;
    return openSlotOf(this.deps.audit.key, matter, formOf(catalog, matter.form), data);
  }

  /** Refuses with a 422 at each taken slot's path before anything is written (decision 0022). */
  async assertSlotsFree(actor: Actor | null, wanted: readonly WantedSlot[]): Promise<void> {
    await assertSlotsFree(this.deps.run, actor, wanted);
  }

  /** The 422 for a write the one-open-case index refused: who holds the slots now. */
  async slotsTaken(actor: Actor | null, wanted: readonly WantedSlot[]): Promise<ApiError> {
    return slotsTaken(actor, wanted, await slotHolders(this.deps.run, wanted));
  }

  /**
   * Works out a new case (validated data, the engine's first step, its rows and audit entries) without
   * writing anything: `startCases` writes one or many, alone or inside a caller's transaction (a bundle
   * starts its children with its own rows). `options.bundleKey` marks a child of a one-thing bundle.
   * `actor` null is the runtime itself, which may start a case for `options.applicantId` (a bundle's
   * later matter). A workflow marked `internal` starts a case internal to departments: it has no
   * applicant, and residents (or grid workers) cannot start one.
   */
  async planStart(
    actor: Actor | null,
    input: StartCaseInput,
    options: StartOptions = {},
  ): Promise<PlannedStart> {
    const bundleKey = options.bundleKey ?? null;
    const catalog = await this.deps.definitions.current();
    const named = input.matter === undefined ? undefined : catalog.get('matter', input.matter);
    if (input.matter !== undefined && !named)
      throw notFoundAt('/matter', { 'zh-CN': `事项 ${input.matter}`, en: `matter ${input.matter}` });
    // a report of an event names no matter: the responsibility list says whose the event type is
    const matter = named ?? matterForEvent(catalog, input.workflow, input.data);
    const workflowKey = matter?.workflow ?? input.workflow;
    if (workflowKey === undefined)
      throw new ApiError('TB_REQUEST_INVALID', {}, [
        { path: '/matter', message: { 'zh-CN': '请指定事项或工作流', en: 'give a matter or a workflow' } },
      ]);
    const workflowDefinition = catalog.get('workflow', workflowKey);
    if (!workflowDefinition)
      throw notFoundAt(matter ? '/matter' : '/workflow', {
        'zh-CN': `工作流 ${workflowKey}`,
        en: `workflow ${workflowKey}`,
      });
    const internal = workflowDefinition.internal === true;
    if (internal && actor !== null && !actor.isAdmin && (actor.has('resident') || actor.has('grid')))
      throw forbidden();
    const form = formOf(catalog, matter?.form ?? workflowDefinition.form);
    if (form) assertFormData(form, input.data);
    const slot = matter ? openSlotOf(this.deps.audit.key, matter, form, input.data) : undefined;

    const workflow = await this.deps.definitions.workflow(workflowKey, workflowDefinition.version);
    const now = this.deps.clock();
    const id = this.deps.ids();
    const actorId = actor?.userId ?? null;
    const applicantId = internal
      ? null
      : actor === null
        ? (options.applicantId ?? null)
        : actor.has('resident') || actor.has('grid')
          ? actor.userId
          : null;
    const caseApplicant = actor === null ? applicantId : actorId;
    const caseInfo = {
      id,
      ...(internal || caseApplicant === null ? {} : { applicant: caseApplicant }),
      ...(matter ? { matter: matter.key, lead: matter.lead, cooperating: matter.cooperating } : {}),
    };
    // the matter's time limit is the case's own clock, counted by the engine (case-deadline.ts)
    const result = start(
      workflow,
      { case: caseInfo, data: input.data, ...(matter ? { timeLimit: matter.timeLimit } : {}) },
      now.getTime(),
      this.deps.ids,
    );
    if (actor !== null && applicantId === null && !actor.isAdmin && options.queuesChecked !== true) {
      // staff apply on someone's behalf only into the queues they work or watch: otherwise they would
      // file a case into another department's queue that they could not read back (a 404 after the write)
      const departments = result.effects.flatMap((effect) =>
        effect.type === 'openTask' ? [effect.task.department] : [],
      );
      if (!departments.some((department) => actor.sees(department))) throw forbidden();
    }
    const title: LocalizedText = matter?.title ?? workflowDefinition.title;
    const deadline = deadlineColumns(result.effects);
    const dueAt = deadline?.due_at ? new Date(deadline.due_at) : null;

    const row: CaseRow = {
      id,
      workflowKey,
      workflowVersion: workflowDefinition.version,
      matterKey: matter?.key ?? null,
      parentCaseId: null,
      bundleKey,
      applicantId,
      internal,
      title,
      status: result.snapshot.status,
      result: result.snapshot.result ?? null,
      data: result.snapshot.context.data,
      snapshot: result.snapshot,
      version: 1,
      auditSeq: 0,
      auditHead: '',
      openedAt: now,
      dueAt,
      dueUncertain: deadline?.due_uncertain ?? false,
      duePausedAt: deadline?.due_paused_at ? new Date(deadline.due_paused_at) : null,
      closedAt: result.snapshot.status === 'active' ? null : now,
      // a case that closed in its first step holds no slot (the index covers active cases only)
      oneOpenKey: slot?.key ?? null,
    };
    const started: AuditEntry = {
      caseId: id,
      actorId,
      action: 'case.started',
      at: now,
      after: { state: result.snapshot.value, status: result.snapshot.status },
      data: {
        matter: matter?.key ?? null,
        workflow: `${workflowKey}@${workflowDefinition.version}`,
        fields: Object.keys(input.data),
      },
    };
    const context = {
      caseId: id,
      matterKey: row.matterKey,
      applicantId,
      actorId,
      now,
      ids: this.deps.ids,
    };
    await this.maskNotifications(row, workflow, row.data, result.effects);
    const writes = foldEffects(context, result.effects);
    const attached = claimAudit(actorId, options.uploads ?? [], now).map((entry) => ({
      ...entry,
      caseId: id,
    }));
    const audit = this.deps.audit.rows(id, { seq: 0, hash: '' }, [started, ...attached, ...writes.audit]);
    return {
      row: { ...row, auditSeq: audit.seq, auditHead: audit.hash },
      ...(form ? { form } : {}),
      ...(slot ? { slot } : {}),
      write: {
        caseId: id,
        set: writes,
        audit,
        firedTimers: [],
        caseRow: {
          id,
          workflow_key: workflowKey,
          workflow_version: row.workflowVersion,
          matter_key: row.matterKey,
          bundle_key: bundleKey,
          applicant_id: applicantId,
          internal,
          title,
          status: row.status,
          result: row.result,
          data: row.data,
          snapshot: row.snapshot,
          audit_seq: audit.seq,
          audit_head: audit.hash,
          opened_at: now.toISOString(),
          ...(deadline ?? { due_at: null }),
          closed_at: row.closedAt?.toISOString() ?? null,
          one_open_key: row.oneOpenKey,
        },
      },
    };
  }

  /**
   * Sends one event to a case. `authorize` sees the loaded row before anything runs; the write is
   * refused with TB_CASE_VERSION_CONFLICT if someone else changed the case in between.
   */
  async command(
    actor: Actor | null,
    caseId: string,
    event: EngineEvent,
    authorize?: (row: CommandCase) => Promise<void> | void,
    loaded?: CommandCase,
  ): Promise<CommandResult> {
    const db = this.deps.db;
    const [row] = loaded ? [loaded] : await db.select(commandColumns).from(cases).where(eq(cases.id, caseId));
    if (!row) throw notFound(caseTitle);
    if (authorize) await authorize(row);
    const planned = await this.plan(actor?.userId ?? null, row, [event]);
    if (planned.write === null) return { row, effects: [], ignored: planned.ignored[0] as string };
    const statement = writeCommands([planned.write], this.deps.clock());
    const written = await this.deps
      .run<{ id: string }>(statement.text, statement.params)
      .catch((error: unknown) => {
        // lost a race all the same (a lock another writer took in another order): the client retries
        if (isContention(error)) return [];
        throw error;
      });
    if (written.length === 0) throw new ApiError('TB_CASE_VERSION_CONFLICT');
    this.deps.afterCommit?.();
    return planned.result;
  }

  /**
   * Steps a loaded case through events in order and works out the write of the outcome (`writeCommands`
   * turns writes into one statement): the next snapshot, every effect, one audit entry per event, and
   * `firedTimers` marked fired. Events the
   * engine ignores (a stale timer) are left out and reported; if every event is ignored there is nothing
   * to write. Pure apart from reading definitions: nothing is written here.
   */
  async plan(
    actorId: string | null,
    row: CommandCase,
    events: EngineEvent[],
    firedTimers: string[] = [],
  ): Promise<PlannedCommand> {
    const workflow = await this.deps.definitions.workflow(row.workflowKey, row.workflowVersion);
    const now = this.deps.clock();
    let snapshot: CaseSnapshot = (await this.withCaseClock(row, workflow)) ?? row.snapshot;
    let version = row.version;
    const effects: Effect[] = [];
    const entries: AuditEntry[] = [];
    const ignored: string[] = [];
    for (const event of events) {
      if (snapshot.status !== 'active' && event.type === 'timer.fired') {
        ignored.push(`the case is ${snapshot.status}`);
        continue;
      }
      const result = step(workflow, snapshot, event, now.getTime(), this.deps.ids);
      if (result.ignored !== undefined) {
        ignored.push(result.ignored);
        continue;
      }
      entries.push({
        caseId: row.id,
        actorId,
        action: event.type,
        at: now,
        ...beforeAndAfter(event, snapshot, result.snapshot, version),
        data: describeEvent(event),
      });
      snapshot = result.snapshot;
      version += 1;
      effects.push(...result.effects);
    }
    if (entries.length === 0) return { write: null, ignored, result: { row, effects: [] } };
    await this.maskNotifications(row, workflow, snapshot.context.data, effects);

    const next: CommandCase = {
      ...row,
      snapshot,
      status: snapshot.status,
      result: snapshot.result ?? null,
      // one version per event written, as the audit entries count them
      version,
      closedAt: snapshot.status === 'active' ? null : now,
    };
    const context = {
      caseId: row.id,
      matterKey: row.matterKey,
      applicantId: row.applicantId,
      actorId,
      now,
      ids: this.deps.ids,
    };
    const writes = foldEffects(context, effects);
    const deadline = deadlineColumns(effects);
    const audit = this.deps.audit.rows(row.id, { seq: row.auditSeq, hash: row.auditHead }, [
      ...entries,
      ...writes.audit,
    ]);
    return {
      write: {
        caseId: row.id,
        set: writes,
        audit,
        firedTimers,
        caseRow: {
          id: row.id,
          snapshot,
          status: next.status,
          result: next.result,
          version: next.version,
          closed_at: next.closedAt?.toISOString() ?? null,
          audit_seq: audit.seq,
          audit_head: audit.hash,
          expected_version: row.version,
          expected_audit_seq: row.auditSeq,
          ...(deadline ? { set_deadline: true, ...deadline } : {}),
        },
      },
      ignored,
      result: { row: { ...next, auditSeq: audit.seq, auditHead: audit.hash }, effects },
    };
  }

  /** A case opened before cases had a clock of their own gets one, as it has run (case-deadline.ts). */
  private async withCaseClock(
    row: CommandCase,
    workflow: CompiledWorkflow,
  ): Promise<CaseSnapshot | undefined> {
    if (row.snapshot.clock !== undefined || row.matterKey === null || row.snapshot.status !== 'active')
      return undefined;
    const [opened] = await this.deps.db
      .select({ openedAt: cases.openedAt })
      .from(cases)
      .where(eq(cases.id, row.id));
    if (!opened) return undefined;
    return legacyCaseClock(await this.deps.definitions.current(), workflow, row, opened.openedAt);
  }

  /**
   * A notification is stored and read outside the case, unaudited: whatever expression copied a
   * sensitive value into it (the validator reports those), the value is masked before it is written.
   */
  private async maskNotifications(
    row: { matterKey: string | null; workflowKey: string },
    workflow: CompiledWorkflow,
    data: Record<string, unknown>,
    effects: Effect[],
  ): Promise<void> {
    if (!effects.some((effect) => effect.type === 'notify')) return;
    const patterns = caseSensitivePointers(await this.deps.definitions.current(), row, workflow);
    if (patterns.length === 0) return;
    effects.forEach((effect, index) => {
      if (effect.type === 'notify')
        effects[index] = { ...effect, data: maskCopies(effect.data, data, patterns) as typeof effect.data };
    });
  }

  async get(actor: Actor, caseId: string, reveal: string[] = []) {
    const db = this.deps.db;
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    if (!row) throw notFound(caseTitle);
    const access = await caseAccess(db, actor, row);
    if (!access.read) throw notFound(caseTitle); // do not confirm that someone else's case exists
    const catalog = await this.deps.definitions.current();
    const workflow = await this.deps.definitions.workflow(row.workflowKey, row.workflowVersion);
    const sensitive = caseSensitivePointers(catalog, row, workflow);
    if (reveal.length > 0) {
      if (!access.handles && !access.applicant) throw forbidden();
      assertRevealable(row.data, sensitive, reveal);
    }
    // the applicant sees what they gave; everyone else sees it masked unless they reveal it
    const shown = access.applicant
      ? { data: row.data, masked: [] }
      : maskCaseData(row.data, sensitive, new Set(reveal));
    if (reveal.length > 0 && !access.applicant) {
      // every read of a sensitive value is on the record, one event per place revealed
      const at = this.deps.clock();
      await this.deps.audit.append(
        caseId,
        [...new Set(reveal)].map((pointer) => ({
          actorId: actor.userId,
          action: 'sensitive.read',
          at,
          data: { pointer },
        })),
      );
    }
    const taskRows = await db
      .select()
      .from(tasks)
      .where(eq(tasks.caseId, caseId))
      .orderBy(asc(tasks.openedAt));
    // those who handle the case see all of it; its applicant what is meant for them (timeline.ts)
    const view: TimelineView = access.handles ? 'departments' : 'applicant';
    const timeline = (await loadTimelines(db, catalog, [{ ...row, sensitive }], view)).get(row.id) ?? [];
    return caseViewFor(view, catalog, {
      id: row.id,
      title: row.title,
      internal: row.internal,
      matter: row.matterKey,
      workflow: { key: row.workflowKey, version: row.workflowVersion },
      status: row.status,
      result: row.result,
      state: row.snapshot.value,
      data: shown.data,
      masked: shown.masked,
      // the engine counts in epoch milliseconds; the API says every moment in ISO 8601 (decision 0019)
      supplement:
        row.snapshot.supplement === null
          ? null
          : { ...row.snapshot.supplement, requestedAt: new Date(row.snapshot.supplement.requestedAt) },
      version: row.version,
      openedAt: row.openedAt,
      ...deadlineView(catalog, row),
      closedAt: row.closedAt,
      tasks: taskRows.map((task) => ({
        id: task.id,
        state: task.stateId,
        title: task.title,
        department: task.department,
        assigneeId: task.assigneeId,
        status: task.status,
        outcome: task.outcome,
        reason: task.reason,
        priority: task.priority,
        flag: task.flag,
        outcomes: task.outcomes,
        form: task.formKey,
        openedAt: task.openedAt,
        dueAt: task.dueAt,
        dueUncertain: task.dueUncertain,
        closedAt: task.closedAt,
      })),
      timeline,
    });
  }

  async listMine(actor: Actor, limit: number, cursor?: string) {
    const rows = await this.deps.db
      .select({
        id: cases.id,
        title: cases.title,
        matterKey: cases.matterKey,
        status: cases.status,
        result: cases.result,
        openedAt: cases.openedAt,
        dueAt: cases.dueAt,
        duePausedAt: cases.duePausedAt,
        dueUncertain: cases.dueUncertain,
        closedAt: cases.closedAt,
      })
      .from(cases)
      .where(and(eq(cases.applicantId, actor.userId), eq(cases.internal, false), openedBeforeCursor(cursor)))
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(limit + 1);
    const catalog = await this.deps.definitions.current();
    const page = pageOf(rows, limit, (row) => row.openedAt);
    // the applicant's list names no matter key: its title says which
    return {
      items: page.items.map(({ matterKey, ...row }) => ({
        ...row,
        ...deadlineView(catalog, { ...row, matterKey }),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Staff and supervisors find the cases their departments have tasks in. */
  async search(
    actor: Actor,
    filters: { status?: string; matter?: string; openedBefore?: Date; cursor?: string; limit: number },
  ) {
    const conditions: SQL[] = [];
    if (!actor.isAdmin) {
      if (actor.visibleDepartments.size === 0) return { items: [], nextCursor: null };
      conditions.push(
        inArray(
          cases.id,
          this.deps.db
            .select({ id: tasks.caseId })
            .from(tasks)
            .where(inArray(tasks.department, [...actor.visibleDepartments])),
        ),
      );
    }
    if (filters.status) conditions.push(eq(cases.status, filters.status as CaseRow['status']));
    if (filters.matter) conditions.push(eq(cases.matterKey, filters.matter));
    if (filters.openedBefore) conditions.push(lt(cases.openedAt, filters.openedBefore));
    const after = openedBeforeCursor(filters.cursor);
    if (after) conditions.push(after);
    const rows = await this.deps.db
      .select({
        id: cases.id,
        title: cases.title,
        matter: cases.matterKey,
        status: cases.status,
        result: cases.result,
        openedAt: cases.openedAt,
        dueAt: cases.dueAt,
        duePausedAt: cases.duePausedAt,
        dueUncertain: cases.dueUncertain,
      })
      .from(cases)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(filters.limit + 1);
    const catalog = await this.deps.definitions.current();
    const page = pageOf(rows, filters.limit, (row) => row.openedAt);
    return {
      items: page.items.map((row) => ({
        ...row,
        ...deadlineView(catalog, { ...row, matterKey: row.matter }),
      })),
      nextCursor: page.nextCursor,
    };
  }
}

/** Cases after a page's last one, newest first: opened earlier, or at the same moment with a smaller id. */
function openedBeforeCursor(cursor: string | undefined): SQL | undefined {
  if (cursor === undefined) return undefined;
  const last = readMomentCursor(cursor);
  return or(lt(cases.openedAt, last.at), and(eq(cases.openedAt, last.at), lt(cases.id, last.id)));
}

/**
 * The matter whose lead handles a reported event: the one on the responsibility list that names the
 * report's `eventType` for this workflow (each type belongs to one matter, so a report is never routed
 * twice). A workflow that routes events but has no matter for the type refuses the report.
 */
function matterForEvent(
  catalog: Catalog,
  workflow: string | undefined,
  data: Record<string, unknown>,
): MatterDefinition | undefined {
  if (workflow === undefined) return undefined;
  const routing = catalog.all('matter').filter((matter) => matter.workflow === workflow && matter.eventTypes);
  if (routing.length === 0) return undefined;
  const eventType = data.eventType;
  const matter = routing.find(
    (candidate) => typeof eventType === 'string' && candidate.eventTypes?.includes(eventType),
  );
  if (matter === undefined)
    throw new ApiError('TB_REQUEST_INVALID', {}, [
      {
        path: '/data/eventType',
        message: {
          'zh-CN': `责任清单中没有事项负责事件类型“${String(eventType)}”`,
          en: `no matter on the responsibility list handles the event type "${String(eventType)}"`,
        },
      },
    ]);
  return matter;
}

/** A 404 for something a body field names, with that field's path. */
function notFoundAt(path: string, what: LocalizedText): ApiError {
  return new ApiError('TB_NOT_FOUND', { what }, [
    { path, message: { 'zh-CN': `找不到${what['zh-CN']}`, en: `${what.en} was not found` } },
  ]);
}

function formOf(catalog: Catalog, key: string | undefined): FormDefinition | undefined {
  return key === undefined ? undefined : catalog.get('form', key);
}

/**
 * The audit's before and after of an event: the state, status and version; a correction of the
 * application keeps the values it replaced and the values it wrote (views of the audit mask them).
 */
function beforeAndAfter(
  event: EngineEvent,
  before: CaseSnapshot,
  after: CaseSnapshot,
  version: number,
): Pick<AuditEntry, 'before' | 'after'> {
  const states = {
    before: { state: before.value, status: before.status, version },
    after: { state: after.value, status: after.status, version: version + 1 },
  };
  if (event.type !== 'case.dataCorrected') return states;
  const fields = Object.keys((event as Extract<EngineEvent, { type: 'case.dataCorrected' }>).data);
  const pick = (data: Record<string, unknown>) =>
    Object.fromEntries(fields.map((field) => [field, data[field] ?? null]));
  return {
    before: { ...states.before, data: pick(before.context.data) },
    after: { ...states.after, data: pick(after.context.data) },
  };
}

/** What the audit keeps of an event: everything but the form values, of which it keeps the field names. */
function describeEvent(event: EngineEvent): Record<string, unknown> {
  const { data, ...rest } = event as { data?: Record<string, unknown> } & Record<string, unknown>;
  return data === undefined ? rest : { ...rest, fields: Object.keys(data) };
}
