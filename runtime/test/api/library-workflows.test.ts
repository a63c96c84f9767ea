import {
  Catalog,
  compileWorkflow,
  exploreWorkflow,
  start,
  type CompiledWorkflow,
  type Definition,
  type FormDefinition,
  type MatterDefinition,
  type PathStep,
  type StartInput,
  type WorkflowDefinition,
} from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitionFiles } from '../../src/definitions/load-directory.js';
import { assertFormData } from '../../src/forms/form-validator.js';
import { definitionsDir, demoAccounts, demoPassword } from '../../src/seed/seed.js';
import { createHarness, type Harness } from '../support/harness.js';
import { choicesOf, formAnswers, type FormAnswers } from '../support/form-answers.js';

/**
 * Every workflow of the library, driven through the HTTP API to each of its final states, as people
 * would: the applicant (a resident, or the grid worker reporting an event) applies with the form filled
 * in, then for each step a member of the department whose queue holds the task opens the case, claims
 * the task, fills in the task's form and gives the outcome. Paths come from the workflow graph (the
 * engine's explorer, over the answers `formAnswers` makes from each form), one per final state, for each
 * matter on the responsibility list that runs the workflow (or the workflow alone when no matter does).
 * A workflow or matter added to the library is covered without touching this file; one that cannot be
 * finished fails here with the request that is refused.
 */
const library = (await loadDefinitionFiles(definitionsDir)).map((file) => file.body as Definition);
const catalog = new Catalog(library);

interface Route {
  /** What the test names: the matter, or the workflow when no matter runs it. */
  name: string;
  workflow: WorkflowDefinition;
  matter?: MatterDefinition;
  form?: FormDefinition;
}

interface Plan {
  route: Route;
  final: string;
  result: string;
  answers?: FormAnswers;
  /** The outcomes that end the case in `final`; or, when none does, the one that is refused. */
  path?: PathStep[];
  refused?: { code: string; detail: string };
  /** Why no path was found (the explorer's dead ends, an unfillable form). */
  unplanned?: string;
}

/** A department a queue expression takes straight from a form answer that has no list of choices. */
const someDepartment = (route: Route) =>
  route.matter?.lead ?? catalog.all('department').find((department) => department.level === 'district')?.key;

function routesOf(workflow: WorkflowDefinition): Route[] {
  const matters = catalog
    .all('matter')
    .filter((matter) => matter.workflow === workflow.key)
    .sort((a, b) => a.key.localeCompare(b.key));
  const formOf = (key: string | undefined) => (key === undefined ? undefined : catalog.get('form', key));
  if (matters.length === 0) return [{ name: workflow.key, workflow, form: formOf(workflow.form) }];
  return matters.map((matter) => ({
    name: matter.key,
    workflow,
    matter,
    form: formOf(matter.form ?? workflow.form),
  }));
}

/** The applications to try: each valid set of answers to the form (with the matter's event type, if any). */
function applications(route: Route, compiled: CompiledWorkflow): FormAnswers[] {
  if (route.form === undefined) return [{ label: 'no form', data: {} }];
  const overrides: Record<string, unknown> = {};
  if (route.matter?.eventTypes?.[0] !== undefined) overrides.eventType = route.matter.eventTypes[0];
  // a queue that takes a department straight from a free-text answer gets a department's code there
  const properties = (route.form.schema.properties ?? {}) as Record<string, FormDefinition['schema']>;
  for (const task of compiled.tasks.values()) {
    const queue = task.spec.queue as { expr?: { var?: unknown } };
    const read = Array.isArray(queue.expr?.var) ? queue.expr.var[0] : queue.expr?.var;
    const field = typeof read === 'string' && read.startsWith('data.') ? read.slice(5) : undefined;
    const property = field === undefined ? undefined : properties[field];
    if (field !== undefined && property !== undefined && choicesOf(property) === undefined)
      overrides[field] = someDepartment(route);
  }
  return formAnswers(route.form.schema, overrides).filter((answers) => valid(route.form, answers.data));
}

const taskAnswers = new Map<string, Array<Record<string, unknown>>>();

/** What staff write in a task's form: each valid set of answers (nothing, when the task has no form). */
function taskData(compiled: CompiledWorkflow, state: string): Array<Record<string, unknown>> {
  const key = compiled.tasks.get(state)?.spec.form;
  const form = key === undefined ? undefined : catalog.get('form', key);
  if (form === undefined) return [{}];
  let found = taskAnswers.get(form.key);
  if (found === undefined) {
    found = formAnswers(form.schema)
      .filter((answers) => valid(form, answers.data))
      .map((answers) => answers.data);
    taskAnswers.set(form.key, found);
  }
  return found;
}

function valid(form: FormDefinition | undefined, data: Record<string, unknown>): boolean {
  if (form === undefined) return true;
  try {
    assertFormData(form, data);
    return true;
  } catch {
    return false;
  }
}

const caseInfo = (route: Route): StartInput['case'] => ({
  id: 'planned',
  ...(route.matter
    ? { matter: route.matter.key, lead: route.matter.lead, cooperating: route.matter.cooperating }
    : {}),
});

/** One plan per final state of the workflow's root: the first application whose exploration reaches it. */
function plansOf(route: Route): Plan[] {
  let compiled: CompiledWorkflow;
  try {
    compiled = compileWorkflow(route.workflow, catalog);
  } catch (error) {
    const unplanned = `the workflow does not compile: ${(error as Error).message}`;
    return [{ route, final: '(any)', result: '', unplanned }];
  }
  const finals = compiled.graph.root.children.filter((node) => node.type === 'final');
  const plans = new Map<string, Plan>(
    finals.map((node) => [
      node.id,
      { route, final: node.key, result: compiled.results.get(node.key) ?? node.key },
    ]),
  );
  const tried = applications(route, compiled);
  if (tried.length === 0)
    for (const plan of plans.values())
      plan.unplanned = `no answers to the form ${route.form?.key} are valid: form-answers.ts needs teaching`;
  const notes: string[] = [];
  for (const answers of tried) {
    const found = (plan: Plan) => plan.path !== undefined && plan.refused === undefined;
    if ([...plans.values()].every(found)) break;
    let exploration: ReturnType<typeof exploreWorkflow>;
    try {
      exploration = exploreWorkflow(compiled, {
        inputs: [{ case: caseInfo(route), data: answers.data }],
        outcomeData: (task) => taskData(compiled, task.state),
      });
    } catch (error) {
      // the case cannot even start with these answers: the POST will show why
      for (const plan of plans.values())
        if (plan.path === undefined)
          Object.assign(plan, { answers, path: [], refused: { code: 'start', detail: String(error) } });
      continue;
    }
    for (const [id, plan] of plans) {
      if (found(plan)) continue;
      const path = exploration.reached.get(id);
      if (path !== undefined) Object.assign(plan, { answers, path, refused: undefined });
      else if (plan.path === undefined && exploration.failures[0] !== undefined) {
        const [failure] = exploration.failures;
        Object.assign(plan, {
          answers,
          path: failure.path,
          refused: { code: failure.code, detail: failure.detail },
        });
      }
    }
    if (exploration.deadEnds.length > 0)
      notes.push(`${answers.label}: dead ends after ${JSON.stringify(exploration.deadEnds[0])}`);
  }
  for (const plan of plans.values())
    if (plan.path === undefined)
      plan.unplanned ??= `no sequence of outcomes reaches it${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`;
  return [...plans.values()];
}

const workflows = catalog.all('workflow').sort((a, b) => a.key.localeCompare(b.key));
const plans = workflows.flatMap((workflow) => routesOf(workflow).flatMap(plansOf));

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface CaseJson {
  id: string;
  matter: string | null;
  status: string;
  result: string | null;
  state: unknown;
  tasks: Array<{ id: string; state: string; department: string; status: string }>;
}

const accounts = new Map<string, string>();

/**
 * Who works a department's queue: a demo account that works there (staff, or the community's grid
 * worker), or else a member of staff the administrator adds to it, as one would for a new department.
 */
async function memberOf(department: string): Promise<string> {
  const known = accounts.get(department);
  if (known !== undefined) return known;
  const demo = demoAccounts.find((account) =>
    account.memberships.some(
      (membership) =>
        membership.department === department && (membership.role === 'staff' || membership.role === 'grid'),
    ),
  );
  let username = demo?.username;
  if (username === undefined) {
    username = `staff.${department}`;
    await h.json(
      'admin',
      'POST',
      '/api/users',
      {
        username,
        displayName: `${department} 工作人员 Staff`,
        password: demoPassword,
        memberships: [{ department, role: 'staff' }],
      },
      201,
    );
  }
  accounts.set(department, username);
  return username;
}

/** Who applies: the grid worker reports events, residents apply for matters, staff file internal cases. */
async function applicantOf(route: Route, data: Record<string, unknown>): Promise<string> {
  if (route.matter?.eventTypes !== undefined) return 'grid';
  if (!route.workflow.internal) return 'resident';
  // an internal case is filed by a member of the department its first task goes to
  const compiled = compileWorkflow(route.workflow, catalog);
  const first = start(
    compiled,
    { case: caseInfo(route), data },
    Date.parse('2026-03-09T09:00:00+08:00'),
    () => 'x',
  );
  const department = first.effects.flatMap((effect) =>
    effect.type === 'openTask' ? [effect.task.department] : [],
  )[0];
  return memberOf(department ?? '');
}

describe('every workflow of the library, driven over HTTP to each final state', () => {
  it('should have workflows to drive, and a plan for each of their final states', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(7);
    expect(plans.filter((plan) => plan.final !== '(any)').length).toBeGreaterThanOrEqual(workflows.length);
  });

  it.each(
    plans.map((plan) => ({ ...plan, workflowKey: plan.route.workflow.key, routeName: plan.route.name })),
  )('should bring a case of $routeName ($workflowKey) to its final state "$final"', async (plan) => {
    expect(plan.unplanned, `${plan.route.name} → ${plan.final}`).toBeUndefined();
    const { route, answers, path = [] } = plan;
    const data = answers?.data ?? {};

    // the applicant applies: a grid worker reports the event without naming a matter
    const applicant = await applicantOf(route, data);
    const payload =
      route.matter === undefined || route.matter.eventTypes !== undefined
        ? { workflow: route.workflow.key, data }
        : { matter: route.matter.key, data };
    let kase = await h.json<CaseJson>(applicant, 'POST', '/api/cases', payload, 201);
    if (route.matter !== undefined) expect(kase.matter).toBe(route.matter.key);

    // each step: a member of the department opens the case, claims the task, fills its form, decides
    for (const [index, step] of path.entries()) {
      const worker = await memberOf(step.department);
      kase = await h.json<CaseJson>(worker, 'GET', `/api/cases/${kase.id}`);
      const task = kase.tasks.find(
        (candidate) =>
          candidate.state === step.state &&
          candidate.department === step.department &&
          candidate.status === 'open',
      );
      expect(
        task,
        `step ${index + 1}: no open task ${step.state} in ${step.department}: ${JSON.stringify(kase.tasks)}`,
      ).toBeDefined();
      if (task === undefined) return;
      await h.json(worker, 'POST', `/api/tasks/${task.id}/claim`);
      await h.json(worker, 'POST', `/api/tasks/${task.id}/complete`, {
        outcome: step.outcome,
        reason: '路径测试：按流程办理 / path test',
        ...(step.data === undefined ? {} : { data: step.data }),
      });
    }
    // a path that ends in a refused step has failed above with the refusal; this names it otherwise
    expect(plan.refused, 'the engine refused a step that HTTP accepted').toBeUndefined();

    // then the case is finished, in that final state, with its result
    kase = await h.json<CaseJson>(applicant, 'GET', `/api/cases/${kase.id}`);
    expect({ status: kase.status, state: kase.state, result: kase.result }).toEqual({
      status: 'done',
      state: plan.final,
      result: plan.result,
    });
    expect(kase.tasks.filter((task) => task.status === 'open' || task.status === 'waiting')).toEqual([]);
  });
});
