import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import type { LocalizedText } from '@tongban/engine';
import { bundleApplications, bundleRatings, cases, memberships, ratings, tasks } from '../db/schema.js';

/** The workflow a bad rating starts (definitions/workflows/rating-follow-up.json). */
export const followUpWorkflow = 'rating-follow-up';

/**
 * A bad rating (差评) opens a follow-up: a case of its own whose task waits in the queue of the rated
 * department's supervisors (the nearest department up the tree with a supervisor), with a deadline and
 * escalation like any task, and the resident told when it is done. Run from the `rating.bad` outbox row,
 * so it happens even if the process that took the rating dies; a second delivery finds the follow-up
 * already open and does nothing.
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
    rater: rated.rater,
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
    rater: rated.rater,
    reason: rated.reason,
  });
}

async function startFollowUp(
  runtime: Runtime,
  input: { rated: string; title: LocalizedText; department: string; rater: string; reason: string | null },
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
  const actor = await runtime.auth.actorOf(input.rater);
  const followUp = await runtime.cases.start(actor, {
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
