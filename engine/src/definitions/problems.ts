import { format, type LocalizedText, type MessageParams, type MessageTemplate } from '../i18n/text.js';

/** One thing wrong with a definition: where (JSON pointer), what (stable code), and a sentence to read. */
export interface Problem {
  path: string;
  code: ProblemCode;
  message: LocalizedText;
  /**
   * Absent: an error, the definition is refused. "warning": it is valid and accepted, but something
   * will go wrong unless someone acts (a calendar about to run out); reported apart, in `warnings`.
   */
  severity?: 'warning';
}

const m = (zh: string, en: string): MessageTemplate => ({ 'zh-CN': zh, en });

/** Every problem the validator reports. Sentences are for administrators, not programmers. */
export const problemMessages = {
  'not-an-object': m('定义必须是一个 JSON 对象', 'A definition must be a JSON object'),
  'definition-too-large': m(
    '定义太大：超过 {limit} 项（键和列表项），无法在限定时间内检查；请拆分',
    'The definition is too large: more than {limit} keys and list entries cannot be checked within bounds; split it',
  ),
  'definition-too-deep': m(
    '定义嵌套超过 {limit} 层',
    'The definition is nested more than {limit} levels deep',
  ),
  'unknown-kind': m(
    '不认识的定义类型“{value}”，可用的类型：{allowed}',
    'Unknown definition kind "{value}"; the kinds are: {allowed}',
  ),
  'schema.required': m('缺少必填项“{property}”', 'The required field "{property}" is missing'),
  'schema.type': m('这里应填写{expected}', 'This must be {expected}'),
  'schema.enum': m(
    '“{value}”不是允许的值，可选：{allowed}',
    '"{value}" is not one of the allowed values: {allowed}',
  ),
  'schema.const': m('这里只能是“{allowed}”', 'This must be "{allowed}"'),
  'schema.additional': m('不认识的字段“{property}”', 'Unknown field "{property}"'),
  'schema.pattern': m('“{value}”的格式不对，应为{hint}', '"{value}" is not in the expected format: {hint}'),
  'schema.minLength': m('至少需要 {limit} 个字符', 'Needs at least {limit} character(s)'),
  'schema.maxLength': m('最多 {limit} 个字符', 'At most {limit} characters'),
  'schema.minItems': m('至少需要 {limit} 项', 'Needs at least {limit} item(s)'),
  'schema.maxItems': m('最多 {limit} 项', 'At most {limit} items'),
  'schema.minimum': m('不能小于 {limit}', 'Must not be less than {limit}'),
  'schema.maximum': m('不能大于 {limit}', 'Must not be more than {limit}'),
  'schema.exclusiveMinimum': m('必须大于 {limit}', 'Must be more than {limit}'),
  'schema.uniqueItems': m(
    '列表中有重复项（第 {i} 项和第 {j} 项）',
    'The list has duplicates (items {i} and {j})',
  ),
  'schema.minProperties': m('不能为空', 'Must not be empty'),
  'schema.maxProperties': m('只能写一项，这里写了多项', 'Only one entry is allowed here'),
  'schema.other': m('不符合规则（{rule}）', 'Does not satisfy the rule ({rule})'),
  'forbidden-feature': m(
    '工作流中不能使用“{feature}”：{why}',
    '"{feature}" cannot be used in a workflow: {why}',
  ),
  'xstate.named-guard': m(
    '条件“{name}”是按名字引用的代码，而工作流不运行代码：请把条件写成表达式，例如 { "when": { "==": [{ "var": "data.字段" }, 值] } }',
    'The guard "{name}" names code, and a workflow runs none: write the condition as an expression, e.g. { "when": { "==": [{ "var": "data.<field>" }, <value>] } }',
  ),
  'xstate.named-action': m(
    '动作“{name}”是按名字引用的代码，而工作流不运行代码：{hint}',
    'The action "{name}" names code, and a workflow runs none: {hint}',
  ),
  'xstate.cond': m(
    '“cond” 是 XState v4 的写法：请改为 "guard": { "when": 表达式 }',
    '"cond" is XState v4: write "guard": { "when": <expression> } instead',
  ),
  'xstate.context': m(
    '工作流没有自己的 context：案件数据就是 "data"（来自申请表和办理表单），用 { "var": "data.字段" } 读取，用 { "set": { "data.字段": 值 } } 写入；初始值请写在表单字段的 default 中，或写成状态机根上的 entry 动作',
    'A workflow keeps no context of its own: the case data is "data" (from the application and task forms), read with { "var": "data.<field>" } and written with { "set": { "data.<field>": <value> } }; give starting values as defaults of the form\'s fields, or as an entry action of the machine\'s root',
  ),
  'xstate.output': m(
    '工作流不用 output 给出结果：案件停在哪个结束状态就是它的结果，可在状态机根下的结束状态上用 meta.result 命名',
    "A workflow gives no output: a case's result is the final state it ends in, named with meta.result on a final state directly under the machine's root",
  ),
  'xstate.context-variable': m(
    '“{name}”是 XState 的 context 写法；这里的案件数据是 data，请写成“{instead}”',
    '"{name}" is how XState reads its context; here the case data is "data", so write "{instead}"',
  ),
  'xstate.meta': m(
    'meta 中不能有“{key}”：meta 只读取 {allowed}；说明文字请写在 description 中',
    'meta takes no "{key}": it holds only {allowed}; put notes in "description"',
  ),
  'unknown-reference': m('找不到{kind}“{key}”', 'No {kind} named "{key}" exists'),
  'unknown-target': m('目标状态“{target}”不存在', 'The target state "{target}" does not exist'),
  'unknown-initial': m(
    '初始状态“{initial}”不是“{state}”的子状态',
    'The initial state "{initial}" is not a child of "{state}"',
  ),
  'missing-initial': m(
    '状态“{state}”有子状态，必须指定初始状态（initial）',
    'State "{state}" has child states, so it needs an initial state',
  ),
  'no-children': m('{type} 状态“{state}”必须有子状态', 'The {type} state "{state}" needs child states'),
  'final-with-children': m(
    '结束状态“{state}”不能有子状态或出口',
    'The final state "{state}" cannot have child states or transitions',
  ),
  'unreachable-state': m('状态“{state}”永远无法到达', 'State "{state}" can never be reached'),
  'duplicate-id': m('状态编号“{id}”重复使用', 'The state id "{id}" is used twice'),
  'task-not-atomic': m(
    '办理任务状态“{state}”不能有子状态',
    'The task state "{state}" cannot have child states',
  ),
  'task-no-way-out': m(
    '办理任务“{state}”没有可以离开的办理结果',
    'The task "{state}" has no outcome that leads anywhere',
  ),
  'outcome-without-transition': m(
    '办理结果“{outcome}”没有对应的去向（on.{outcome}）',
    'Outcome "{outcome}" has no transition (on.{outcome})',
  ),
  'outcome-duplicate': m('办理结果“{outcome}”重复', 'Outcome "{outcome}" is listed twice'),
  'outcome-reserved': m(
    '办理结果“{outcome}”由引擎处理，不能有去向',
    'Outcome "{outcome}" is handled by the engine and cannot have a transition',
  ),
  'event-reserved': m('事件名“{event}”是保留名称', 'The event name "{event}" is reserved'),
  'expression-invalid': m('条件表达式有误：{detail}', 'The expression is wrong: {detail}'),
  'unknown-field': m(
    '表达式引用了表单中没有的字段“{field}”',
    'The expression uses the field "{field}", which no form of this workflow has',
  ),
  'task-form-owns-application-field': m(
    '任务“{state}”的表单“{form}”也有申请表中的字段“{field}”；申请人填写的内容不能在办理中改写，请给任务表单的字段换个名字',
    'The form "{form}" of the task "{state}" also has the application field "{field}"; what the applicant gave cannot be rewritten while handling the case, so give the task form\'s field another name',
  ),
  'sensitive-leaves-case': m(
    '表达式把敏感信息“{field}”带出了案件（通知、队列或其他案件中不会遮盖，也不记录谁看过）；请改用不敏感的字段，或只给出案件编号',
    'The expression carries the sensitive field "{field}" out of the case (a notification, a queue or another case shows it unmasked and nobody records who read it); use a field that is not sensitive, or just the case number',
  ),
  'unknown-variable': m(
    '表达式引用了“{name}”，只能使用 data、task、event、case',
    'The expression uses "{name}"; only data, task, event and case can be used',
  ),
  'unknown-case-field': m(
    '表达式引用了“{field}”，但案件没有这一项（案件只有：{known}），它永远为空；表单填写的内容（如事件发生在哪个社区）请用 data.<字段> 读取',
    'The expression uses "{field}", which no case has (a case knows: {known}), so it is always empty; read what the form asks (such as where the event happened) as data.<field>',
  ),
  'queue-reads-unset': m(
    '办理部门在任务开启时确定，那时还没有“{name}”；请按 data.* 或 case.* 选择部门',
    'The queue is chosen when the task opens, before anyone acts on it, so "{name}" has no value then; choose the department by data.* or case.*',
  ),
  'queue-value-not-department': m(
    '表单“{form}”的“{field}”可以填“{value}”，但没有这个部门；填了它的案件将无处办理',
    'The form "{form}" lets "{field}" be "{value}", which is no department: a case with that answer would have no queue to go to',
  ),
  'event-type-claimed-twice': m(
    '事件类型“{eventType}”也由同一工作流的事项“{matter}”负责；一次上报只交给一个事项，其中一个将永远收不到上报',
    'The event type "{eventType}" is also claimed by the matter "{matter}" on the same workflow; a report goes to one matter only, so one of them would never receive one',
  ),
  'event-type-not-offered': m(
    '上报表单“{form}”不提供事件类型“{eventType}”（{offered}），这类上报会被拒收',
    'The report form "{form}" does not offer the event type "{eventType}" ({offered}), so such reports would be refused',
  ),
  'event-type-withdrawn': m(
    '事项“{matter}”负责事件类型“{eventType}”，但本表单不提供它，这类上报会被拒收；请保留该类型，或先从事项中去掉',
    'The matter "{matter}" takes reports of the event type "{eventType}", which this form does not offer, so they would be refused; keep the type, or take it off the matter first',
  ),
  'duration-invalid': m(
    '时长“{value}”无法识别，请使用 ISO 8601 格式，例如 PT30M（30 分钟）、PT24H、P3D',
    'The duration "{value}" cannot be read; use ISO 8601 such as PT30M (30 minutes), PT24H or P3D',
  ),
  'sla-one-kind': m(
    '时限只能写一种：duration、workingDays、workingHours、workingMinutes，或者 by + tiers',
    'A time limit takes exactly one of duration, workingDays, workingHours, workingMinutes, or by + tiers',
  ),
  'sla-tier-unknown': m(
    '默认档位“{tier}”不在 tiers 中',
    'The fallback tier "{tier}" is not one of the tiers',
  ),
  'sla-tier-fallback': m(
    '按表达式选择时限时必须用 otherwise 指定默认档位',
    'A time limit chosen by an expression needs an "otherwise" tier',
  ),
  'queue-one-kind': m(
    '办理部门只能写一种：department、matter 或 expr',
    'A queue takes exactly one of department, matter or expr',
  ),
  'escalation-moment': m(
    '升级步骤只能写一个时间点：at、before 或 after',
    'An escalation step takes exactly one moment: at, before or after',
  ),
  'escalation-target': m(
    '“{action}”步骤需要用 to 指明对象',
    'The "{action}" step needs "to" to say whom it concerns',
  ),
  'calendar-invalid': m('工作日历有误：{detail}', 'The calendar is wrong: {detail}'),
  'date-invalid': m('“{value}”不是有效日期（YYYY-MM-DD）', '"{value}" is not a valid date (YYYY-MM-DD)'),
  // warnings (severity "warning"): the definition is valid, but something will go wrong unless acted on
  'calendar-years-missing': m(
    '工作日历没有写明收录了哪些年份的节假日（years: { from, to }）；超出这些年份计算的期限会把节假日当作工作日，且无法标记为不确定',
    "The calendar does not say which years' holidays it lists (years: { from, to }); a deadline counted past them takes their holidays for working days and cannot be marked as uncertain",
  ),
  'calendar-runs-out': m(
    '工作日历只收录到 {to} 年，{days} 天后（{endsOn}）用完；请在此之前发布新版本，补上下一年的法定节假日和调休上班日',
    "The calendar lists holidays up to {to} only and runs out in {days} day(s), after {endsOn}; publish a version with the next year's statutory holidays and make-up workdays before then",
  ),
  'calendar-ran-out': m(
    '工作日历只收录到 {to} 年，已于 {endsOn} 用完；此后计算的期限把节假日当作工作日，都被标记为不确定。请发布新版本，补上之后的法定节假日和调休上班日',
    'The calendar lists holidays up to {to} only and ran out after {endsOn}; deadlines counted since take holidays for working days and are marked uncertain. Publish a version with the statutory holidays and make-up workdays since',
  ),
  'calendar-date-outside-years': m(
    '{date} 不在日历写明收录的年份（{from}–{to}）之内',
    '{date} is outside the years the calendar says it covers ({from}-{to})',
  ),
  'calendar-year-without-holidays': m(
    '日历写明收录 {years} 年，却没有列出其中任何节假日；请补上这些年份的节假日，或不要把它们写入 years',
    "The calendar says it covers {years} but lists no holiday in it; add those years' holidays, or leave them out of years",
  ),
  'department-cycle': m('上级部门形成了循环：{cycle}', 'The parent departments form a loop: {cycle}'),
  'department-parent-level': m(
    '上级部门“{parent}”的层级（{parentLevel}）不高于本部门（{level}）',
    'The parent "{parent}" ({parentLevel}) is not above this department ({level})',
  ),
  'one-open-case-element-missing': m(
    '“同一人只能有一件在办”按数据元素“{element}”认人，但本事项的申请表{form}没有标注该数据元素的字段；请在申请表的字段上写 "x-element": "{element}"，或改用申请表中已有的数据元素',
    'One open case per person is keyed on the data element "{element}", but the matter\'s application form {form} has no field marked with it; mark a field of the application form with "x-element": "{element}", or name an element the form has',
  ),
  'lead-also-cooperating': m(
    '牵头部门“{department}”不能同时是配合部门',
    'The lead department "{department}" cannot also be a cooperating department',
  ),
  'form-schema-invalid': m('表单的 JSON Schema 有误：{detail}', "The form's JSON Schema is wrong: {detail}"),
  'form-schema-dialect': m(
    '表单的 JSON Schema 声明自己是“{dialect}”；表单使用 JSON Schema draft-07（JSON Forms 校验所用的版本），请删除 $schema 或写 http://json-schema.org/draft-07/schema#',
    'The form\'s JSON Schema says it is "{dialect}"; forms are JSON Schema draft-07, the version JSON Forms validates with: remove $schema or write http://json-schema.org/draft-07/schema#',
  ),
  'form-schema-too-large': m(
    '表单结构太大：超过 {limit} 项（校验前要先编译它，更大的会让服务器停顿）；请拆分为几个表单',
    "The form's schema is too large: more than {limit} keys and list entries (it is compiled before anything is checked, and compiling a larger one stalls the server); split it into several forms",
  ),
  'form-schema-too-deep': m(
    '表单结构嵌套超过 {limit} 层',
    "The form's schema is nested more than {limit} levels deep",
  ),
  'form-schema-recursive': m(
    '引用“{ref}”回到了同一个值本身，校验一个回答将永不结束；引用自身时须经过某个属性或列表项（例如树的 children）',
    'The reference "{ref}" leads back to the same value, so checking an answer would never end; a schema may refer to itself only through a property or a list item (the children of a tree)',
  ),
  'form-schema-too-costly': m(
    '校验一个回答太费时：每个值最多 {cost} 次检查（上限 {limit}），每个字符 {charCost} 次（上限 {charLimit}）；请减少 anyOf / oneOf / allOf 的分支、重复的引用和多层嵌套',
    'Checking an answer would take too long: up to {cost} checks per value (at most {limit}) and {charCost} per character (at most {charLimit}); use fewer anyOf / oneOf / allOf branches, repeated $refs and levels of nesting',
  ),
  'form-pattern-unsupported': m(
    '正则表达式“{pattern}”不能使用：{reason}',
    'The pattern "{pattern}" cannot be used: {reason}',
  ),
  'form-scope-unknown': m(
    '界面引用的字段“{scope}”在表单结构中不存在',
    'The layout refers to "{scope}", which the form schema does not have',
  ),
  'form-rule-scope-unknown': m(
    '规则的条件读取“{scope}”，而表单结构中没有它，这条规则无法按预期生效',
    'The rule\'s condition reads "{scope}", which the form schema does not have, so the rule cannot work as meant',
  ),
  'form-detail-scope-unknown': m(
    '“{list}”的明细布局引用了“{scope}”，那里没有它：options.detail 中的 scope 相对于列表的一项（或所展开的对象），例如 #/properties/name',
    'The detail layout of "{list}" refers to "{scope}", which is not there: scopes inside options.detail are relative to one item of the list (or to the object it details), e.g. #/properties/name',
  ),
  'element-invalid': m(
    '数据元素“{element}”的格式不对，应形如 person.idNumber',
    'The data element "{element}" should look like person.idNumber',
  ),
  'element-duplicate': m(
    '数据元素“{element}”在同一表单中用了两次（{first} 和 {second}）',
    'The data element "{element}" is used twice in one form ({first} and {second})',
  ),
  'bundle-unknown-dependency': m(
    '依赖的事项“{matter}”不在本套餐中',
    'The matter "{matter}" it depends on is not in this bundle',
  ),
  'bundle-cycle': m(
    '事项之间的先后依赖形成了循环：{cycle}',
    'The matters depend on each other in a loop: {cycle}',
  ),
  'bundle-duplicate-matter': m(
    '事项“{matter}”在套餐中出现了两次',
    'The matter "{matter}" appears twice in the bundle',
  ),
  'bundle-element-contradiction': m(
    '数据元素“{element}”的要求互相矛盾：表单“{form}”的字段“{field}”要求 {keyword} 为 {value}，表单“{otherForm}”要求 {otherValue}；合并后的申请表无法同时满足',
    'The data element "{element}" is described in contradictory ways: form "{form}" (field "{field}") says {keyword} {value}, form "{otherForm}" says {otherValue}; no answer in the combined form could satisfy both',
  ),
  'bundle-unknown-field': m(
    '条件读取的“{field}”不在合并申请表中。合并表中数据元素按元素路径读取（如 data.person.idNumber），事项自有字段按 data.m_<事项>.<字段> 读取；同名字段在：{hint}',
    'The condition reads "{field}", which the combined form does not have. In the combined form a data element is read by its path (data.person.idNumber) and a matter\'s own field as data.m_<matter>.<field>; a field of that name is at: {hint}',
  ),
  'bundle-condition-unsupported': m(
    '事项“{matter}”的办理条件无法在申请表中显示：请用“某字段为真 / 等于 / 属于 / 大于小于某值”及其“且 / 或 / 非”组合',
    'The condition of matter "{matter}" cannot be shown in the form: use "a field is true / equals / is one of / is above or below a value" and and / or / not of those',
  ),
} as const satisfies Record<string, MessageTemplate>;

export type ProblemCode = keyof typeof problemMessages;

export function problem(path: string, code: ProblemCode, params: MessageParams = {}): Problem {
  return { path, code, message: format(problemMessages[code], params) };
}

/** Appends a segment to a JSON pointer, escaping `~` and `/` as RFC 6901 says. */
export function pointer(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>(
    (path, segment) => `${path}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    base,
  );
}
