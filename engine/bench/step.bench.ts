/**
 * Engine benchmark: steps per second of `step()` against XState's own pure `transition` on the same
 * machine with the same events, measured in the same run (interleaved rounds, median). Also: how long
 * the largest workflow a definition may be (a generated chain of task states) takes to validate.
 *
 * Targets (issue 3): our layer costs at most 2x raw XState (ratio >= 0.5). Decision 0015: a definition
 * has at most 5,000 keys and list entries (a chain of 1,000 states is refused, as no request may hold
 * the server for 100 ms), and the largest one validates in < 100 ms.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import {
  Catalog,
  compileWorkflow,
  definitionLimits,
  measureJson,
  start,
  step,
  validate,
  type CaseSnapshot,
  type Definition,
  type WorkflowDefinition,
} from '../src/index.js';
import { outcomeEvent } from '../src/interpreter/compile.js';

const definitionsDir = fileURLToPath(new URL('../../definitions/', import.meta.url));
const readAll = (dir: string): Definition[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return readAll(path);
    return name.endsWith('.json') && name !== 'package.json'
      ? [JSON.parse(readFileSync(path, 'utf8')) as Definition]
      : [];
  });

const catalog = new Catalog(readAll(definitionsDir));
const workflow = compileWorkflow(catalog.get('workflow', 'joint-review') as WorkflowDefinition, catalog);
const kase = { id: 'bench', lead: 'd1.minzheng', cooperating: ['d1.weijian'] };
const t0 = Date.parse('2026-03-09T09:00:00+08:00');
const STEPS_PER_CASE = 4; // accept, approve (lead), agree (cooperating), delivered

/** One case through the engine: start, then 4 outcomes; returns the number of steps taken. */
function engineCase(fromJson: boolean): number {
  let counter = 0;
  const ids = () => `t${++counter}`;
  let snapshot: CaseSnapshot = start(workflow, { case: kase, data: { amount: 10 } }, t0, ids).snapshot;
  const outcome = (stateSuffix: string, name: string, at: number) => {
    const task = Object.values(snapshot.tasks).find((candidate) => candidate.stateId.endsWith(stateSuffix));
    if (!task) throw new Error(`no open task ${stateSuffix}`);
    const base = fromJson ? (JSON.parse(JSON.stringify(snapshot)) as CaseSnapshot) : snapshot;
    snapshot = step(
      workflow,
      base,
      { type: 'task.outcome', taskId: task.id, outcome: name },
      at,
      ids,
    ).snapshot;
  };
  outcome('intake', 'accept', t0 + 3_600_000);
  outcome('lead.reviewing', 'approve', t0 + 7_200_000);
  outcome('cooperating.reviewing', 'agree', t0 + 10_800_000);
  outcome('deliver', 'delivered', t0 + 14_400_000);
  if (snapshot.status !== 'done') throw new Error('the benchmark case did not finish');
  return STEPS_PER_CASE;
}

/** The same case through XState's pure transition on the same machine: the baseline. */
function xstateCase(fromJson: boolean): number {
  const machine = workflow.machine;
  let [snapshot] = initialTransition(machine, { data: { amount: 10 }, case: kase }) as [
    AnyMachineSnapshot,
    unknown,
  ];
  const send = (state: string, outcome: string) => {
    const base = fromJson
      ? (machine.resolveState(
          JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as never,
        ) as AnyMachineSnapshot)
      : snapshot;
    [snapshot] = transition(machine, base, { type: outcomeEvent(`joint-review.${state}`, outcome) }) as [
      AnyMachineSnapshot,
      unknown,
    ];
  };
  send('intake', 'accept');
  send('review.lead.reviewing', 'approve');
  send('review.cooperating.reviewing', 'agree');
  send('deliver', 'delivered');
  if (snapshot.status !== 'done') throw new Error('the baseline case did not finish');
  return STEPS_PER_CASE;
}

function rate(run: () => number, cases: number): number {
  const began = performance.now();
  let steps = 0;
  for (let i = 0; i < cases; i++) steps += run();
  return steps / ((performance.now() - began) / 1000);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

// warm up both paths so the JIT has seen them
for (let i = 0; i < 300; i++) {
  engineCase(false);
  engineCase(true);
  xstateCase(false);
  xstateCase(true);
}

const rounds = 9;
const casesPerRound = 400;
const ours: number[] = [];
const oursFromJson: number[] = [];
const raw: number[] = [];
const rawFromJson: number[] = [];
for (let round = 0; round < rounds; round++) {
  raw.push(rate(() => xstateCase(false), casesPerRound));
  rawFromJson.push(rate(() => xstateCase(true), casesPerRound));
  ours.push(rate(() => engineCase(false), casesPerRound));
  oursFromJson.push(rate(() => engineCase(true), casesPerRound));
}

const rawRate = median(raw);
const ourRate = median(ours);
const jsonRate = median(oursFromJson);
const rawJsonRate = median(rawFromJson);
const ratio = ourRate / rawRate;
const jsonRatio = jsonRate / rawJsonRate;

/** A chain of task states, each handing over to the next, ending in a final state. */
function generatedWorkflow(size: number): WorkflowDefinition {
  const states: WorkflowDefinition['machine']['states'] = {};
  for (let i = 0; i < size - 1; i++) {
    states[`s${i}`] = {
      meta: { task: { queue: { department: 'd1.minzheng' }, outcomes: ['next'], sla: { workingDays: 1 } } },
      on: { next: i === size - 2 ? 'end' : `s${i + 1}` },
    };
  }
  states.end = { type: 'final' };
  return {
    kind: 'workflow',
    key: 'generated',
    version: 1,
    title: { 'zh-CN': '生成', en: 'Generated' },
    machine: { initial: 's0', states },
  };
}

// the longest chain within the size a definition may have (decision 0015)
let size = 1000;
while (measureJson(generatedWorkflow(size), Infinity, Infinity).units > definitionLimits.maxUnits) size -= 10;
const big = generatedWorkflow(size);
const validateTimes: number[] = [];
for (let i = 0; i < 7; i++) {
  const began = performance.now();
  const result = validate(big, catalog);
  validateTimes.push(performance.now() - began);
  if (!result.valid) throw new Error(`generated workflow invalid: ${JSON.stringify(result.problems[0])}`);
}
const validateMs = median(validateTimes);
const firstValidateMs = validateTimes[0] as number;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log('engine: step() on the 6-state joint-review workflow with a parallel lead/cooperating region');
console.log('  snapshot kept in memory between steps:');
console.log(`    XState transition (baseline)    ${fmt(rawRate)} steps/s`);
console.log(
  `    Tongban step                    ${fmt(ourRate)} steps/s   ratio ${ratio.toFixed(2)} (target >= 0.50)`,
);
console.log('  snapshot restored from JSON before every step (as after a database read):');
console.log(`    XState resolveState+transition  ${fmt(rawJsonRate)} steps/s`);
console.log(
  `    Tongban step                    ${fmt(jsonRate)} steps/s   ratio ${jsonRatio.toFixed(2)} (target >= 0.50)`,
);
console.log(`engine: validate() of a generated ${size}-state workflow, the largest a definition may be`);
console.log(
  `  median ${validateMs.toFixed(1)} ms, first (cold) ${firstValidateMs.toFixed(1)} ms (target < 100 ms)`,
);

const failures: string[] = [];
if (ratio < 0.5) failures.push(`step ratio ${ratio.toFixed(2)} < 0.50`);
if (jsonRatio < 0.5) failures.push(`step ratio from JSON ${jsonRatio.toFixed(2)} < 0.50`);
if (validateMs >= 100) failures.push(`validation ${validateMs.toFixed(1)} ms >= 100 ms`);
if (failures.length > 0) {
  console.error(`engine bench: target missed: ${failures.join('; ')}`);
  process.exitCode = 1;
}
