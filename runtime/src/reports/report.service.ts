import { asc, eq } from 'drizzle-orm';
import type { Catalog, LocalizedText } from '@tongban/engine';
import type { Actor } from '../auth/actor.js';
import { applicantTasks } from '../cases/applicant-view.js';
import { departmentName, loadTimelines } from '../cases/timeline.js';
import { cases, ratings, reports, tasks } from '../db/schema.js';
import { ApiError } from '../errors/api-error.js';
import type { Runtime } from '../runtime.js';
import { rateCase, type Rating, type Score } from '../ratings/rate-case.js';
import { claimableUploads } from '../uploads/upload-claim.js';
import { followCodeHash, newFollowCode, normalizeFollowCode, uploadTokenOwner } from './follow-code.js';

/** The workflow whose matters take reports, each naming the event types it handles (its `eventTypes`). */
export const reportWorkflow = 'grid-event';

/** What a reporter gives (the grid report form's fields, in a resident's words). */
export interface ReportInput {
  /** The event type: one some matter of the grid event workflow declares. */
  category: string;
  description: string;
  /** Where, in words. */
  place: string;
  /** The community (grid) where it is: its grid workers verify on site. */
  community: string;
  position?: { lat: number; lng: number; accuracy?: number };
  photos?: Array<{ id: string; name: string; type: string; size: number }>;
  phone?: string;
  /** The anonymous upload token the photos were uploaded with. */
  uploadToken?: string;
}

interface Named {
  key: string;
  title: LocalizedText;
}

/** What the report page offers: the event types some matter handles, and the communities. */
export function reportChoices(catalog: Catalog) {
  const categories: Array<Named & { department: LocalizedText }> = [];
  for (const matter of catalog.all('matter')) {
    if (matter.workflow !== reportWorkflow) continue;
    for (const eventType of matter.eventTypes ?? [])
      categories.push({
        key: eventType,
        title: matter.title,
        department: departmentName(catalog, matter.lead),
      });
  }
  const workflow = catalog.get('workflow', reportWorkflow);
  const form = workflow?.form === undefined ? undefined : catalog.get('form', workflow.form);
  const community = (
    form?.schema.properties as Record<string, { oneOf?: Array<{ const?: unknown }> }> | undefined
  )?.community;
  const communities = (community?.oneOf ?? []).flatMap((choice) =>
    typeof choice.const === 'string'
      ? [{ key: choice.const, title: departmentName(catalog, choice.const) }]
      : [],
  );
  return { categories, communities };
}

/**
 * Files a report (decision 0024): a case of the grid event workflow, routed by its event type to the
 * matter that handles it (CaseService.planStart), its photos taken from the upload token's uploads, and
 * a row with the keyed hash of a fresh follow code, all in the case's one transaction. A resident who
 * is signed in is its applicant (it is also in their cases); anyone else files it with no applicant.
 */
export async function fileReport(runtime: Runtime, actor: Actor | null, input: ReportInput) {
  const applicant = actor && !actor.isAdmin && (actor.has('resident') || actor.has('grid')) ? actor : null;
  const code = newFollowCode();
  const now = runtime.clock();
  const data: Record<string, unknown> = {
    eventType: input.category,
    urgency: 'deadline',
    community: input.community,
    location: input.place,
    description: input.description,
    ...(input.phone ? { reporterPhone: input.phone } : {}),
    ...(input.position ? { position: input.position } : {}),
    ...(input.photos && input.photos.length > 0 ? { photos: input.photos } : {}),
  };
  const owner = input.uploadToken ? uploadTokenOwner(runtime.audit.key, input.uploadToken) : undefined;
  const photos = input.photos ?? [];
  if (photos.length > 0) {
    // every photo named must be one this token uploaded, not yet taken: else the case would name a file it has not
    const taken = new Set(
      owner === undefined
        ? []
        : (await claimableUploads(runtime.db, owner, { photos })).map((upload) => upload.id),
    );
    const missing = photos.findIndex((photo) => !taken.has(photo.id.toLowerCase()));
    if (missing >= 0)
      throw new ApiError('TB_REQUEST_INVALID', {}, [
        {
          path: `/body/photos/${missing}`,
          message: {
            'zh-CN': '这张照片没有随这个上传凭证上传，或已用于另一次反映，请重新上传',
            en: 'this photo was not uploaded with this upload token, or another report took it: upload it again',
          },
        },
      ]);
  }
  const row = await runtime.cases.start(
    applicant,
    { workflow: reportWorkflow, data },
    {
      ...(owner ? { uploadOwner: owner } : {}),
      alsoWrite: (caseId) => ({
        text: 'insert into reports (case_id, code_hash, created_at) values ($1::uuid, $2, $3::timestamptz)',
        params: [caseId, followCodeHash(runtime.audit.key, code), now.toISOString()],
      }),
    },
  );
  return { code, ...(await viewOf(runtime, row.id)) };
}

/** The case a follow code names, or a 404 that says so plainly (a code that cannot be one is not found either). */
export async function caseOfCode(runtime: Runtime, typed: string): Promise<string> {
  const code = normalizeFollowCode(typed);
  const [found] =
    code === null
      ? []
      : await runtime.db
          .select({ caseId: reports.caseId })
          .from(reports)
          .where(eq(reports.codeHash, followCodeHash(runtime.audit.key, code)));
  if (!found) throw new ApiError('TB_REPORT_CODE_UNKNOWN');
  return found.caseId;
}

const you: LocalizedText = { 'zh-CN': '您', en: 'You' };
const reportLabels: Record<string, LocalizedText> = {
  'case.started': { 'zh-CN': '收到您的反映', en: 'Your report was received' },
  'case.completed': { 'zh-CN': '已办结', en: 'Closed' },
  'case.rated': { 'zh-CN': '您已评价', en: 'You rated it' },
};

/** An entry of the reporter's timeline: what happened, when, and who did it, in words. */
export interface ReportTimelineEntry {
  at: Date;
  what: LocalizedText;
  who: LocalizedText;
}

/**
 * What a report's holder may see: where it stands in plain words, which department has it, the promised
 * date, the timeline in plain words (the applicant's view of the audit chain, timeline.ts, and its steps
 * as applicant-view.ts gives them: no internal notes, no staff names), the department's feedback once it
 * is closed, and the rating.
 */
export async function viewOf(runtime: Runtime, caseId: string) {
  const db = runtime.db;
  const catalog = await runtime.definitions.current();
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new ApiError('TB_REPORT_CODE_UNKNOWN');
  const taskRows = await db.select().from(tasks).where(eq(tasks.caseId, caseId)).orderBy(asc(tasks.openedAt));
  const steps = applicantTasks(
    catalog,
    taskRows.map((task) => ({ ...task, state: task.stateId })),
  );
  const audit =
    (await loadTimelines(db, catalog, [row], 'applicant')).get(caseId)?.map((entry) => ({
      at: entry.at,
      what: reportLabels[entry.action] ?? entry.label,
      who: entry.action === 'case.started' || entry.action === 'case.rated' ? you : entry.by.name,
      first: entry.action === 'case.started',
    })) ?? [];
  const stepEntries = steps.flatMap((step) => [
    {
      at: step.openedAt,
      what: { 'zh-CN': `开始${step.title['zh-CN']}`, en: `Started: ${step.title.en}` },
      who: step.departmentName,
    },
    ...(step.closedAt !== null && step.status === 'completed'
      ? [
          {
            at: step.closedAt,
            what: { 'zh-CN': `完成${step.title['zh-CN']}`, en: `Done: ${step.title.en}` },
            who: step.departmentName,
          },
        ]
      : []),
  ]);
  // at the same moment: the report first, then the steps, then what the case as a whole did (closed)
  const ranked = [
    ...audit.map((entry) => ({ entry, rank: entry.first ? 0 : 2 })),
    ...stepEntries.map((entry) => ({ entry, rank: 1 })),
  ].sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.rank - b.rank);
  const timeline: ReportTimelineEntry[] = ranked.map(({ entry: { at, what, who } }) => ({ at, what, who }));
  const matter = row.matterKey === null ? undefined : catalog.get('matter', row.matterKey);
  const open = steps.find((step) => step.status === 'open');
  const holder = open?.department ?? matter?.lead ?? null;
  const [rating] = await db
    .select({ score: ratings.score, reason: ratings.reason, createdAt: ratings.createdAt })
    .from(ratings)
    .where(eq(ratings.caseId, caseId));
  return {
    caseId: row.id,
    title: row.title,
    category: typeof row.data.eventType === 'string' ? row.data.eventType : null,
    place: typeof row.data.location === 'string' ? row.data.location : null,
    status: row.status,
    step: open?.title ?? null,
    department: holder === null ? null : { code: holder, name: departmentName(catalog, holder) },
    openedAt: row.openedAt,
    dueAt: row.dueAt,
    closedAt: row.closedAt,
    timeline,
    feedback: row.status === 'done' ? feedbackOf(catalog, taskRows, matter?.lead, row.data.opinion) : null,
    rating: rating ?? null,
    canRate: row.status === 'done' && !rating,
  };
}

/**
 * The department's feedback: the reason the lead department gave as it finished its step (for a grid
 * event, what it did), or the last such reason of any department; never a transfer's or a return's,
 * which are the departments' own; without one, the opinion the last step wrote in its form.
 */
function feedbackOf(
  catalog: Catalog,
  taskRows: Array<typeof tasks.$inferSelect>,
  lead: string | undefined,
  opinion: unknown,
): { text: string; department: LocalizedText; at: Date } | null {
  const given = taskRows
    .filter(
      (task) =>
        task.status === 'completed' &&
        task.reason !== null &&
        task.closedAt !== null &&
        !['transfer', 'return', 'reassign', 'escalate'].includes(task.outcome ?? ''),
    )
    .sort((a, b) => (b.closedAt as Date).getTime() - (a.closedAt as Date).getTime());
  const chosen = given.find((task) => task.department === lead) ?? given[0];
  if (!chosen) {
    // no reason given: the opinion the last step wrote in its form (review-opinion's `opinion`)
    const last = taskRows.filter((task) => task.closedAt !== null).at(-1);
    if (typeof opinion !== 'string' || opinion.trim() === '' || !last) return null;
    const department = lead ?? last.department;
    return { text: opinion, department: departmentName(catalog, department), at: last.closedAt as Date };
  }
  return {
    text: chosen.reason as string,
    department: departmentName(catalog, chosen.department),
    at: chosen.closedAt as Date,
  };
}

/** 好差评 by follow code: once, after closure, through the one rating mechanism (rate-case.ts). */
export async function rateReport(
  runtime: Runtime,
  actor: Actor | null,
  caseId: string,
  input: { score: Score; reason?: string },
): Promise<Rating> {
  const [row] = await runtime.db
    .select({ id: cases.id, status: cases.status, applicantId: cases.applicantId })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) throw new ApiError('TB_REPORT_CODE_UNKNOWN');
  // the code is what entitles; a signed-in reporter is named as the rater of their own report
  const raterId = actor !== null && actor.userId === row.applicantId ? actor.userId : null;
  return rateCase(runtime, row, { raterId, score: input.score, reason: input.reason });
}
