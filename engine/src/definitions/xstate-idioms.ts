import type { LocalizedText } from '../i18n/text.js';
import { pointer, problem, type Problem } from './problems.js';

/**
 * XState v5 configs from the documentation name their guards and actions (code the machine's setup
 * provides), keep a `context`, put anything in `meta` and return an `output`. A workflow runs no code, so
 * none of that can be imported as is; this finds each such idiom in a machine that has not passed the
 * schema yet, and says at its path what to write instead. The schema's own errors at or below those paths
 * are dropped: they would only repeat the same mistake in general terms.
 */
export interface IdiomFindings {
  problems: Problem[];
  /** Whether a schema error at this path is about an idiom already reported. */
  covers(path: string): boolean;
}

export const metaKeys = ['task', 'childCase', 'result', 'title'] as const;
const allowed: LocalizedText = {
  'zh-CN': 'task、childCase、result 和 title',
  en: 'task, childCase, result and title',
};

const hints = {
  set: {
    'zh-CN': '要修改案件数据，请写 { "set": { "data.字段": 表达式 } }',
    en: 'to change the case data write { "set": { "data.<field>": <expression> } }',
  },
  notify: {
    'zh-CN': '要发通知，请写 { "notify": { "to": "applicant", "template": "模板名" } }',
    en: 'to send a notification write { "notify": { "to": "applicant", "template": "<template>" } }',
  },
  either: {
    'zh-CN':
      '工作流的动作只有两种：{ "set": { "data.字段": 表达式 } } 修改案件数据，{ "notify": { "to": …, "template": … } } 发通知；请改写成其中一种，或删去',
    en: 'a workflow\'s actions are { "set": { "data.<field>": <expression> } }, which changes the case data, and { "notify": { "to": …, "template": … } }, which sends a notification: write one of those, or remove it',
  },
} satisfies Record<string, LocalizedText>;

/** Which of our two actions a named action most likely stands for, from its name. */
function actionHint(name: string): LocalizedText {
  if (/assign|^set|update|increment|decrement|reset|clear|save|store|record/i.test(name)) return hints.set;
  if (/notify|send|mail|sms|message|alert|inform|remind/i.test(name)) return hints.notify;
  return hints.either;
}

export function xstateIdioms(definition: unknown): IdiomFindings {
  const problems: Problem[] = [];
  const covered: string[] = [];
  const report = (found: Problem): void => {
    problems.push(found);
    covered.push(found.path);
  };

  const guard = (value: unknown, at: string): void => {
    const name =
      typeof value === 'string'
        ? value
        : isObject(value) && typeof value.type === 'string'
          ? value.type
          : null;
    if (name !== null && !(isObject(value) && 'when' in value))
      report(problem(at, 'xstate.named-guard', { name }));
  };

  const action = (value: unknown, at: string): void => {
    const name =
      typeof value === 'string'
        ? value
        : isObject(value) && typeof value.type === 'string'
          ? value.type
          : null;
    if (name !== null && !(isObject(value) && ('set' in value || 'notify' in value)))
      report(problem(at, 'xstate.named-action', { name, hint: actionHint(name) }));
  };
  const actions = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => action(item, pointer(at, index)));
    else action(value, at);
  };

  const transition = (value: unknown, at: string): void => {
    if (!isObject(value)) return;
    if ('guard' in value) guard(value.guard, pointer(at, 'guard'));
    if ('cond' in value) report(problem(pointer(at, 'cond'), 'xstate.cond'));
    if ('actions' in value) actions(value.actions, pointer(at, 'actions'));
  };
  const transitions = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => transition(item, pointer(at, index)));
    else transition(value, at);
  };

  const state = (node: unknown, at: string, depth: number): void => {
    if (!isObject(node) || depth > 100) return;
    if ('context' in node) report(problem(pointer(at, 'context'), 'xstate.context'));
    if ('output' in node) report(problem(pointer(at, 'output'), 'xstate.output'));
    if (isObject(node.meta)) {
      for (const key of Object.keys(node.meta))
        if (!(metaKeys as readonly string[]).includes(key))
          report(problem(pointer(at, 'meta', key), 'xstate.meta', { key, allowed }));
    }
    for (const key of ['entry', 'exit'] as const) if (key in node) actions(node[key], pointer(at, key));
    if (isObject(node.on))
      for (const [event, list] of Object.entries(node.on)) transitions(list, pointer(at, 'on', event));
    for (const key of ['always', 'onDone'] as const)
      if (key in node) transitions(node[key], pointer(at, key));
    if (isObject(node.states))
      for (const [key, child] of Object.entries(node.states))
        state(child, pointer(at, 'states', key), depth + 1);
  };

  if (isObject(definition)) state(definition.machine, '/machine', 0);
  return {
    problems,
    covers: (path) => covered.some((at) => path === at || path.startsWith(`${at}/`)),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
