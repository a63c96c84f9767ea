import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import {
  combineForms,
  evaluateCondition,
  matterData,
  type BundleDefinition,
  type Catalog,
  type CombinedForm,
  type CombinedSection,
} from '@tongban/engine';
import type { Actor } from '../auth/actor.js';
import { deadlineView } from '../cases/case-deadline.js';
import { startCases, type CaseService, type PlannedStart } from '../cases/case.service.js';
import { isSlotTaken, pathOf, slotHolders, type OpenSlot, type WantedSlot } from '../cases/one-open-case.js';
import { departmentName, loadTimelines } from '../cases/timeline.js';
import type { Database, RunStatement } from '../db/database.js';
import {
  bundleApplications,
  bundleItems,
  bundleRatings,
  cases,
  outbox,
  tasks,
  type BundleItemStatus,
} from '../db/schema.js';
import type { DefinitionService } from '../definitions/definition.service.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import { assertSchemaData } from '../forms/form-validator.js';
import { pageOf, readMomentCursor } from '../http/cursor.js';
import { ProfileService, rememberStatement } from '../profiles/profile.service.js';
import { promisedIfStartedNow, searchInitials } from '../definitions/catalog-extras.js';
import {
  claimStatement,
  claimableUploads,
  referencedUploadIds,
  type ClaimedUpload,
} from '../uploads/upload-claim.js';

const bundleTitle = { 'zh-CN': '一件事套餐', en: 'bundle' };
const applicationTitle = { 'zh-CN': '一件事申请', en: 'bundle application' };

interface ItemRow {
  matter: string;
  position: number;
  after: string[];
  status: BundleItemStatus;
  caseId: string | null;
  result: string | null;
}

/** Where a child's slot value is in the combined data: the combined form maps the field by element. */
function wantedAt(slot: OpenSlot, section: CombinedSection | undefined): WantedSlot {
  const from = section?.fields.find((field) => field.field === slot.field)?.from ?? [slot.field];
  return { slot, path: pathOf(from) };
}

/**
 * A matter that starts after an earlier one was accepted with the application: it is not refused now.
 * It takes its slot if that is free; if the resident meanwhile applied for the same matter on their
 * own, it starts beside that case without one (a slot taken between this check and the write fails
 * the transaction, and the retried delivery finds the holder here).
 */
async function keepOrLeaveSlot(run: RunStatement, planned: PlannedStart): Promise<void> {
  if (!planned.slot) return;
  const holders = await slotHolders(run, [{ slot: planned.slot, path: '' }]);
  if (holders.length === 0) return;
  planned.write.caseRow.one_open_key = null;
  planned.row.oneOpenKey = null;
}

/**
 * One-thing bundles (一件事一次办) at run time. A resident submits one combined form; it is validated
 * with the same schema the browser used, and in one transaction the application, one item per included
 * matter (its `when` holds for the data) and the child cases of the matters that wait for nothing are
 * written. Each child gets its own form's data, read from the combined data by data element. When a
 * child closes (its `case.completed` outbox row reaches the system queue), the matters that came after
 * it start; a rejected matter's dependents are skipped; when every item is done or skipped the
 * application closes with one result: approved, partial or rejected.
 */
export class BundleService {
  private readonly forms = new Map<string, CombinedForm>();

  constructor(
    private readonly deps: {
      db: Database;
      transact: <T>(work: (run: RunStatement) => Promise<T>) => Promise<T>;
      definitions: DefinitionService;
      cases: CaseService;
      clock: () => Date;
      ids: () => string;
      afterCommit?: () => void;
    },
  ) {}

  /** The bundles residents can apply for. */
  async list() {
    const catalog = await this.deps.definitions.current();
    const now = this.deps.clock();
    return catalog
      .all('bundle')
      .map((bundle) => {
        const lead = bundle.matters[0] && catalog.get('matter', bundle.matters[0].matter)?.lead;
        return {
          key: bundle.key,
          version: bundle.version,
          title: bundle.title,
          ...(bundle.description === undefined ? {} : { description: bundle.description }),
          matters: bundle.matters.map((item) => item.matter),
          initials: searchInitials(bundle.title),
          workingDays:
            bundle.timeLimit && 'workingDays' in bundle.timeLimit ? bundle.timeLimit.workingDays : null,
          // counted on the first matter's lead department's calendar: where the application starts
          promisedBy: promisedIfStartedNow(bundle.timeLimit, now, catalog, lead),
        };
      })
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  /** The bundle's combined form (built once per published version). */
  async form(key: string): Promise<{ bundle: BundleDefinition; form: CombinedForm; catalog: Catalog }> {
    const catalog = await this.deps.definitions.current();
    const bundle = catalog.get('bundle', key);
    if (!bundle) throw notFound(bundleTitle);
    const cacheKey = `${bundle.key}@${bundle.version}`;
    let form = this.forms.get(cacheKey);
    if (!form) {
      form = combineForms(bundle, catalog);
      this.forms.set(cacheKey, form);
    }
    return { bundle, form, catalog };
  }

  async submit(actor: Actor, key: string, data: Record<string, unknown>) {
    const { bundle, form, catalog } = await this.form(key);
    // the server checks what the browser checked, with the very same schema
    assertSchemaData(form.schema, data);
    const now = this.deps.clock();
    const id = this.deps.ids();
    const sections = new Map(form.sections.map((section) => [section.matter, section]));
    const included = bundle.matters.filter(
      (item) => item.when === undefined || evaluateCondition(item.when, { data }),
    );
    // a bundle whose every matter is optional can be left with none: that is no application
    if (included.length === 0)
      throw new ApiError('TB_FORM_DATA_INVALID', {}, [
        {
          path: '/',
          message: { 'zh-CN': '请至少选择一项要办理的事项', en: 'choose at least one matter to apply for' },
        },
      ]);
    const keys = new Set(included.map((item) => item.matter));
    const counter = this.counterOf(actor, catalog, keys);
    const items: ItemRow[] = included.map((item, position) => ({
      matter: item.matter,
      position,
      // a matter it comes after but that is not included does not hold it back
      after: (item.after ?? []).filter((matter) => keys.has(matter)),
      status: 'waiting',
      caseId: null,
      result: null,
    }));
    const starts: PlannedStart[] = [];
    const wanted: WantedSlot[] = [];
    // the files uploaded for the application go to the first case started whose section names them
    // (decision 0021); those only a later matter names stay the applicant's uploads for now
    const uploads = await claimableUploads(this.deps.db, actor.userId, data);
    const claims: Array<{ caseId: string; uploads: ClaimedUpload[] }> = [];
    for (const item of items) {
      if (item.after.length > 0) continue;
      const section = sections.get(item.matter);
      const childData = section ? matterData(section, data) : {};
      const named = new Set(referencedUploadIds(childData));
      const taken = uploads.filter((upload) => named.has(upload.id.toLowerCase()));
      uploads.splice(0, uploads.length, ...uploads.filter((upload) => !taken.includes(upload)));
      const planned = await this.deps.cases.planStart(
        actor,
        { matter: item.matter, data: childData },
        { bundleKey: bundle.key, queuesChecked: counter, uploads: taken },
      );
      starts.push(planned);
      if (taken.length > 0) claims.push({ caseId: planned.row.id, uploads: taken });
      item.status = 'started';
      item.caseId = planned.row.id;
      if (planned.slot) wanted.push(wantedAt(planned.slot, section));
    }
    // one open case per person and matter (decision 0022), the matters that start later included: the
    // resident learns now, under the combined form's field, not when an earlier matter is done
    for (const item of items.filter((candidate) => candidate.after.length > 0)) {
      const section = sections.get(item.matter);
      const slot = this.deps.cases.slotFor(catalog, item.matter, section ? matterData(section, data) : {});
      if (slot) wanted.push(wantedAt(slot, section));
    }
    await this.deps.cases.assertSlotsFree(actor, wanted);
    await this.deps
      .transact(async (run) => {
        await run(
          `insert into bundle_applications (id, bundle_key, bundle_version, applicant_id, data, status, opened_at)
         values ($1, $2, $3, $4, $5::jsonb, 'active', $6::timestamptz)`,
          [id, bundle.key, bundle.version, actor.userId, JSON.stringify(data), now.toISOString()],
        );
        await this.writeItems(run, id, items);
        if (starts.length > 0) {
          const statement = startCases(starts, now);
          await run(statement.text, statement.params);
        }
        for (const claim of claims) {
          const statement = claimStatement(actor.userId, claim.caseId, claim.uploads);
          await run(statement.text, statement.params);
        }
        // collect once: what the resident just confirmed prefills their next application
        const remember = rememberStatement(actor, ProfileService.elementsOfCombined(form, data), now);
        if (remember) await run(remember.text, remember.params);
      })
      .catch(async (error: unknown) => {
        // another submission took a slot in between: the index refused the children, so nothing was written
        if (isSlotTaken(error)) throw await this.deps.cases.slotsTaken(actor, wanted);
        throw error;
      });
    this.deps.afterCommit?.();
    return this.tracker(actor, id);
  }

  /**
   * A child case closed: record its result, start what waited for it, skip what cannot go on without
   * it, close the application when nothing is left. Idempotent: a second delivery finds the item done.
   */
  async childCompleted(caseId: string, result: string | null): Promise<void> {
    const [item] = await this.deps.db
      .select({ applicationId: bundleItems.applicationId })
      .from(bundleItems)
      .where(eq(bundleItems.caseId, caseId));
    if (!item) return;
    const [application] = await this.deps.db
      .select()
      .from(bundleApplications)
      .where(eq(bundleApplications.id, item.applicationId));
    if (!application || application.status !== 'active') return;
    const { bundle, form } = await this.form(application.bundleKey);
    const sections = new Map(form.sections.map((section) => [section.matter, section]));
    // the next matters are the system's doing, not the submitter's (a counter clerk works in one
    // department only): they start as the runtime, for the applicant the finished one has
    const [finishedCase] = await this.deps.db
      .select({ applicantId: cases.applicantId })
      .from(cases)
      .where(eq(cases.id, caseId));
    const applicantId = finishedCase?.applicantId ?? null;
    const now = this.deps.clock();

    let started = false;
    await this.deps.transact(async (run) => {
      // one application at a time: two children closing together must not both start the next one
      await run(`select id from bundle_applications where id = $1 for update`, [application.id]);
      const rows = await run<{
        matter: string;
        position: number;
        after: string[];
        status: BundleItemStatus;
        case_id: string | null;
        result: string | null;
      }>(
        `select matter, position, after, status, case_id, result from bundle_items where application_id = $1 order by position`,
        [application.id],
      );
      const items: ItemRow[] = rows.map((row) => ({
        matter: row.matter,
        position: row.position,
        after: row.after,
        status: row.status,
        caseId: row.case_id,
        result: row.result,
      }));
      const finished = items.find((candidate) => candidate.caseId === caseId);
      if (!finished || finished.status !== 'started') return;
      finished.status = 'done';
      finished.result = result;
      const byMatter = new Map(items.map((candidate) => [candidate.matter, candidate]));
      const starts: PlannedStart[] = [];
      // skipping may unblock nothing but may skip further down the chain: repeat until stable
      for (let changed = true; changed;) {
        changed = false;
        for (const waiting of items.filter((candidate) => candidate.status === 'waiting')) {
          const before = waiting.after.map((matter) => byMatter.get(matter));
          if (
            before.some(
              (other) =>
                other?.status === 'skipped' || (other?.status === 'done' && other.result !== 'approved'),
            )
          ) {
            waiting.status = 'skipped';
            changed = true;
          } else if (before.every((other) => other?.status === 'done')) {
            const section = sections.get(waiting.matter);
            const planned = await this.deps.cases.planStart(
              null,
              { matter: waiting.matter, data: section ? matterData(section, application.data) : {} },
              { bundleKey: bundle.key, applicantId },
            );
            await keepOrLeaveSlot(run, planned);
            starts.push(planned);
            waiting.status = 'started';
            waiting.caseId = planned.row.id;
            changed = true;
          }
        }
      }
      await run(`delete from bundle_items where application_id = $1`, [application.id]);
      await this.writeItems(run, application.id, items);
      if (starts.length > 0) {
        const statement = startCases(starts, now);
        await run(statement.text, statement.params);
        started = true;
      }
      if (items.every((candidate) => candidate.status === 'done' || candidate.status === 'skipped')) {
        const approved = items.filter(
          (candidate) => candidate.status === 'done' && candidate.result === 'approved',
        );
        const outcome =
          approved.length === items.length ? 'approved' : approved.length === 0 ? 'rejected' : 'partial';
        await run(
          `update bundle_applications set status = 'done', result = $2, closed_at = $3::timestamptz where id = $1`,
          [application.id, outcome, now.toISOString()],
        );
      }
    });
    if (started) this.deps.afterCommit?.();
  }

  /**
   * The resident rates the whole application once it has closed (好差评); a bad rating opens a follow-up
   * for the supervisors (through the outbox, in the same transaction).
   */
  async rate(actor: Actor, id: string, score: 'good' | 'average' | 'bad', reason: string | null) {
    const [application] = await this.deps.db
      .select()
      .from(bundleApplications)
      .where(eq(bundleApplications.id, id));
    // only the applicant rates; to anyone else the application is not there
    if (!application || application.applicantId !== actor.userId) throw notFound(applicationTitle);
    if (application.status !== 'done') throw new ApiError('TB_NOT_RATEABLE');
    const rating = { applicationId: id, raterId: actor.userId, score, reason, createdAt: this.deps.clock() };
    await this.deps.db.transaction(async (tx) => {
      const inserted = await tx.insert(bundleRatings).values(rating).onConflictDoNothing().returning();
      if (inserted.length === 0) throw new ApiError('TB_NOT_RATEABLE');
      if (score === 'bad')
        await tx.insert(outbox).values({ topic: 'bundle.rating.bad', payload: { applicationId: id } });
    });
    if (score === 'bad') this.deps.afterCommit?.();
    return rating;
  }

  /** My bundle applications, newest first, each with what it is: its tracker tells the rest. */
  async listMine(actor: Actor, limit: number, cursor?: string) {
    const last = cursor === undefined ? undefined : readMomentCursor(cursor);
    const rows = await this.deps.db
      .select({
        id: bundleApplications.id,
        bundle: bundleApplications.bundleKey,
        version: bundleApplications.bundleVersion,
        status: bundleApplications.status,
        result: bundleApplications.result,
        openedAt: bundleApplications.openedAt,
        closedAt: bundleApplications.closedAt,
      })
      .from(bundleApplications)
      .where(
        and(
          eq(bundleApplications.applicantId, actor.userId),
          last === undefined
            ? undefined
            : or(
                lt(bundleApplications.openedAt, last.at),
                and(eq(bundleApplications.openedAt, last.at), lt(bundleApplications.id, last.id)),
              ),
        ),
      )
      .orderBy(desc(bundleApplications.openedAt), desc(bundleApplications.id))
      .limit(limit + 1);
    const catalog = await this.deps.definitions.current();
    const page = pageOf(rows, limit, (row) => row.openedAt);
    return {
      items: page.items.map((row) => ({ ...row, title: catalog.get('bundle', row.bundle)?.title ?? null })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * One tracker for the whole application: every matter, its case, where that case stands (departments
   * by name) and its timeline as the applicant sees it (timeline.ts: nothing internal, no staff ids).
   */
  async tracker(actor: Actor, id: string) {
    const [application] = await this.deps.db
      .select()
      .from(bundleApplications)
      .where(eq(bundleApplications.id, id));
    if (!application) throw notFound(applicationTitle);
    if (application.applicantId !== actor.userId && !actor.isAdmin) throw notFound(applicationTitle);
    const items = await this.deps.db
      .select()
      .from(bundleItems)
      .where(eq(bundleItems.applicationId, id))
      .orderBy(asc(bundleItems.position));
    const caseIds = items.flatMap((item) => (item.caseId ? [item.caseId] : []));
    const children = caseIds.length
      ? await this.deps.db
          .select({
            id: cases.id,
            applicantId: cases.applicantId,
            internal: cases.internal,
            matterKey: cases.matterKey,
            status: cases.status,
            result: cases.result,
            title: cases.title,
            dueAt: cases.dueAt,
            duePausedAt: cases.duePausedAt,
            dueUncertain: cases.dueUncertain,
          })
          .from(cases)
          .where(inArray(cases.id, caseIds))
      : [];
    const open = caseIds.length
      ? await this.deps.db
          .select({
            caseId: tasks.caseId,
            department: tasks.department,
            status: tasks.status,
            dueAt: tasks.dueAt,
            dueUncertain: tasks.dueUncertain,
          })
          .from(tasks)
          .where(and(inArray(tasks.caseId, caseIds), inArray(tasks.status, ['open', 'waiting'])))
          .orderBy(desc(tasks.openedAt))
      : [];
    const catalog = await this.deps.definitions.current();
    const timelines = await loadTimelines(this.deps.db, catalog, children, 'applicant');
    const [rating] = await this.deps.db
      .select({
        score: bundleRatings.score,
        reason: bundleRatings.reason,
        createdAt: bundleRatings.createdAt,
      })
      .from(bundleRatings)
      .where(eq(bundleRatings.applicationId, id));
    return {
      id: application.id,
      bundle: application.bundleKey,
      status: application.status,
      result: application.result,
      rating: rating ?? null,
      openedAt: application.openedAt,
      closedAt: application.closedAt,
      items: items.map((item) => {
        const child = children.find((candidate) => candidate.id === item.caseId);
        return {
          matter: item.matter,
          title: catalog.get('matter', item.matter)?.title ?? null,
          after: item.after,
          status: item.status,
          caseId: item.caseId,
          caseStatus: child?.status ?? null,
          result: item.result ?? child?.result ?? null,
          // the matter's own deadline, as its case shows it (stands while it waits for the resident)
          ...(child
            ? deadlineView(catalog, child)
            : { dueAt: null, duePausedAt: null, dueUncertain: false, dueNote: null }),
          // where it is now: the departments working on it, and whether it waits for the resident
          workingOn: open
            .filter((task) => task.caseId === item.caseId)
            .map((task) => ({
              department: task.department,
              name: departmentName(catalog, task.department),
              status: task.status,
              dueAt: task.dueAt,
              dueUncertain: task.dueUncertain,
            })),
          waitingForApplicant: open.some((task) => task.caseId === item.caseId && task.status === 'waiting'),
          timeline: (item.caseId && timelines.get(item.caseId)) || [],
        };
      }),
    };
  }

  /**
   * One window (一窗受理): a member of staff takes a bundle for a resident at the counter of a
   * department that has one of its matters (lead or cooperating), and so may file all of them, in every
   * department they go to; the tracker is how the counter follows them. True when the actor is such a
   * member of staff; a resident (or grid worker) applies for themselves, an administrator anywhere.
   */
  private counterOf(actor: Actor, catalog: Catalog, matters: Set<string>): boolean {
    if (actor.isAdmin || actor.has('resident') || actor.has('grid')) return false;
    const departments = [...matters].flatMap((key) => {
      const matter = catalog.get('matter', key);
      return matter ? [matter.lead, ...(matter.cooperating ?? [])] : [];
    });
    if (!departments.some((department) => actor.sees(department))) throw forbidden();
    return true;
  }

  private async writeItems(run: RunStatement, applicationId: string, items: ItemRow[]): Promise<void> {
    await run(
      `insert into bundle_items (application_id, matter, position, after, status, case_id, result)
       select $1, x.matter, x.position, x.after, x.status, x.case_id, x.result
       from jsonb_to_recordset($2::jsonb) as x(matter text, position int, after jsonb, status text, case_id uuid, result text)`,
      [
        applicationId,
        JSON.stringify(
          items.map((item) => ({
            matter: item.matter,
            position: item.position,
            after: item.after,
            status: item.status,
            case_id: item.caseId,
            result: item.result,
          })),
        ),
      ],
    );
  }
}
