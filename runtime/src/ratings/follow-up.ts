import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import type { LocalizedText } from '@tongban/engine';
import {
  bundleApplications,
  bundleRatings,
  cases,
  memberships,
  notifications,
  outbox,
  ratings,
  tasks,
} from '../db/schema.js';

/** The workflow a bad rating starts (definitions/workflows/rating-follow-up.json). */
export const followUpWorkflow = 'rating-follow-up';

/**
 * A bad rating (差评) opens a follow-up: a case of its own whose task waits in the queue of the rated
 * department's supervisors (the nearest department up the tree with a supervisor), with a deadline and
 * escalation like any task, and the resident told when it is done. Run from the `rating.bad` outbox row,
 * so it happens even if the process that took the rating dies; a second delivery finds the follow-up
 * already open and does nothing.
 *
 * The follow-up is internal to departments (its workflow is marked `internal`): the runtime opens it
 * for no applicant, so it is in no resident's applications and no resident reads or rates it; it names
 * the rated case (or application) in its data. The resident hears only that what they rated was
 * followed up (`tellRater`), never the supervisor's opinion.
 */
export async function openFollowUp(runtime: Runtime, ratedCaseId: string): Promise<string | null> {
  const db = runtime.db;
  const [rated] = await db
    .select({
      matterKey: cases.matterKey,
      title: cases.title,
      rater: ratings.raterId,
      reason: ratings.reason,
    })
    .from(cases)
    .innerJoin(ratings, eq(ratings.caseId, cases.id))
    .where(and(eq(cases.id, ratedCaseId), eq(ratings.score, 'bad')));
  if (!rated) return null;
  const catalog = await runtime.definitions.current();
  const lead = rated.matterKey === null ? undefined : catalog.get('matter', rated.matterKey)?.lead;
  // without a matter: the department that closed the case's last task
  const [last] = lead
    ? []
    : await db
        .select({ department: tasks.department })
        .from(tasks)
        .where(and(eq(tasks.caseId, ratedCaseId), isNotNull(tasks.closedAt)))
        .orderBy(desc(tasks.closedAt))
        .limit(1);
  const department = lead ?? last?.department;
  if (department === undefined) return null;
  return startFollowUp(runtime, {
    rated: ratedCaseId,
    title: rated.title,
    department,
    reason: rated.reason,
  });
}

/**
 * The same for a whole one-thing application rated bad: the follow-up goes to the supervisors of the
 * department of its first matter, where the resident's application began (the "one window").
 */
export async function openBundleFollowUp(runtime: Runtime, applicationId: string): Promise<string | null> {
  const [rated] = await runtime.db
    .select({
      bundleKey: bundleApplications.bundleKey,
      rater: bundleRatings.raterId,
      reason: bundleRatings.reason,
    })
    .from(bundleApplications)
    .innerJoin(bundleRatings, eq(bundleRatings.applicationId, bundleApplications.id))
    .where(and(eq(bundleApplications.id, applicationId), eq(bundleRatings.score, 'bad')));
  if (!rated) return null;
  const catalog = await runtime.definitions.current();
  const bundle = catalog.get('bundle', rated.bundleKey);
  const first =
    bundle?.matters[0] === undefined ? undefined : catalog.get('matter', bundle.matters[0].matter);
  if (!bundle || !first) return null;
  return startFollowUp(runtime, {
    rated: applicationId,
    title: bundle.title,
    department: first.lead,
    reason: rated.reason,
  });
}

async function startFollowUp(
  runtime: Runtime,
  input: { rated: string; title: LocalizedText; department: string; reason: string | null },
): Promise<string> {
  const db = runtime.db;
  const [existing] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.workflowKey, followUpWorkflow), sql`${cases.data}->>'ratedCase' = ${input.rated}`));
  if (existing) return existing.id;
  const chain: string[] = [];
  for (
    let code: string | null | undefined = input.department;
    code;
    code = runtime.directory.get(code)?.parent
  )
    chain.push(code);
  const supervised = new Set(
    (
      await db
        .select({ department: memberships.department })
        .from(memberships)
        .where(and(eq(memberships.role, 'supervisor'), inArray(memberships.department, chain)))
    ).map((row) => row.department),
  );
  const supervisingDepartment = chain.find((code) => supervised.has(code)) ?? input.department;
  const followUp = await runtime.cases.start(null, {
    workflow: followUpWorkflow,
    data: {
      ratedCase: input.rated,
      caseTitle: `${input.title['zh-CN']} / ${input.title.en}`,
      ...(input.reason ? { reason: input.reason } : {}),
      department: input.department,
      supervisingDepartment,
    },
  });
  return followUp.id;
}

/**
 * A follow-up closed (its `case.completed` row): the resident who rated is told, about the case or the
 * application they rated, that it was followed up; nothing of the follow-up itself. The notice's id is
 * derived from the follow-up's, so a second delivery tells them nothing more.
 */
export async function tellRater(runtime: Runtime, caseId: string): Promise<void> {
  const db = runtime.db;
  const [followUp] = await db
    .select({ workflowKey: cases.workflowKey, status: cases.status, data: cases.data })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!followUp || followUp.workflowKey !== followUpWorkflow || followUp.status !== 'done') return;
  const rated = String(followUp.data.ratedCase);
  const [caseRating] = await db
    .select({ rater: ratings.raterId })
    .from(ratings)
    .where(eq(ratings.caseId, rated));
  const [applicationRating] = caseRating
    ? []
    : await db
        .select({ rater: bundleRatings.raterId })
        .from(bundleRatings)
        .where(eq(bundleRatings.applicationId, rated));
  const rater = caseRating?.rater ?? applicationRating?.rater;
  // rated with a report's follow code, by no account: there is no one to tell (decision 0024)
  if (rater === undefined || rater === null) return;
  const notice = {
    id: derivedId(`rating.followed-up:${caseId}`),
    caseId: caseRating ? rated : null,
    taskId: null,
    recipient: `user:${rater}`,
    template: 'rating.followed-up',
    data: caseRating ? { ratedCase: rated } : { bundleApplication: rated },
    createdAt: runtime.clock(),
  };
  const told = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(notifications)
      .values(notice)
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (inserted.length === 0) return false;
    await tx.insert(outbox).values({
      topic: 'notification',
      payload: {
        notificationId: notice.id,
        caseId: notice.caseId,
        recipient: notice.recipient,
        template: notice.template,
      },
    });
    return true;
  });
  if (told) runtime.relay.kick();
}

/** A UUID that is always the same for the same name (the form of a version 5 UUID, from SHA-256). */
function derivedId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
