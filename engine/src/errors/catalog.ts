import type { MessageTemplate } from '../i18n/text.js';

interface ErrorEntry {
  /** true: the caller's input was wrong; false: an invariant broke. */
  user: boolean;
  message: MessageTemplate;
}

/** Every code the engine can throw; docs/errors.md documents each one (a test keeps them in step). */
export const engineErrors = {
  TB_EVENT_NOT_ALLOWED: {
    user: true,
    message: {
      'zh-CN': '当前状态“{state}”不接受事件“{event}”',
      en: 'Event "{event}" is not allowed in the current state "{state}"',
    },
  },
  TB_EVENT_INVALID: {
    user: true,
    message: { 'zh-CN': '事件格式不正确：{detail}', en: 'The event is malformed: {detail}' },
  },
  TB_CASE_CLOSED: {
    user: true,
    message: {
      'zh-CN': '案件已结束（{status}），不能再处理',
      en: 'The case is already {status} and accepts no more events',
    },
  },
  TB_TASK_NOT_FOUND: {
    user: true,
    message: {
      'zh-CN': '任务 {taskId} 不存在或已关闭',
      en: 'Task {taskId} does not exist or is already closed',
    },
  },
  TB_TASK_WAITING: {
    user: true,
    message: {
      'zh-CN': '任务 {taskId} 正在等待申请人补正材料',
      en: 'Task {taskId} is waiting for the applicant to supply missing material',
    },
  },
  TB_OUTCOME_NOT_ALLOWED: {
    user: true,
    message: {
      'zh-CN': '任务“{task}”不允许办理结果“{outcome}”，允许的结果：{allowed}',
      en: 'Outcome "{outcome}" is not allowed for task "{task}"; allowed: {allowed}',
    },
  },
  TB_OUTCOME_CONDITIONS_NOT_MET: {
    user: true,
    message: {
      'zh-CN': '办理结果“{outcome}”的条件不满足，案件不能继续',
      en: 'The conditions for outcome "{outcome}" are not met, so the case cannot move on',
    },
  },
  TB_REASON_REQUIRED: {
    user: true,
    message: { 'zh-CN': '办理结果“{outcome}”必须填写理由', en: 'Outcome "{outcome}" requires a reason' },
  },
  TB_TRANSFER_TARGET_INVALID: {
    user: true,
    message: {
      'zh-CN': '不能转办到部门“{department}”：{detail}',
      en: 'Cannot transfer to department "{department}": {detail}',
    },
  },
  TB_SUPPLEMENT_ALREADY_USED: {
    user: true,
    message: {
      'zh-CN': '本案件已经要求过一次补正，不能再次要求',
      en: 'This case has already had its one request for supplements',
    },
  },
  TB_SUPPLEMENT_NOT_REQUESTED: {
    user: true,
    message: { 'zh-CN': '本案件没有待补正的材料', en: 'This case is not waiting for supplements' },
  },
  TB_EXPRESSION_INVALID: {
    user: true,
    message: { 'zh-CN': '表达式无效：{detail}', en: 'Invalid expression: {detail}' },
  },
  TB_EXPRESSION_LIMIT: {
    user: true,
    message: { 'zh-CN': '表达式超出限制：{detail}', en: 'Expression exceeds a limit: {detail}' },
  },
  TB_STEP_LIMIT: {
    user: true,
    message: {
      'zh-CN':
        '工作流的这一步超过 {limit} 次无事件转换仍未停下（无事件转换形成了循环），已停止；请修改工作流定义',
      en: 'This step of the workflow took more than {limit} eventless transitions without coming to rest (they loop) and was stopped; the workflow definition must be changed',
    },
  },
  TB_DURATION_INVALID: {
    user: true,
    message: {
      'zh-CN': '时长“{value}”不是有效的 ISO 8601 时长（例如 PT30M、P3D）',
      en: 'Duration "{value}" is not a valid ISO 8601 duration (for example PT30M or P3D)',
    },
  },
  TB_CALENDAR_INVALID: {
    user: true,
    message: { 'zh-CN': '工作日历无效：{detail}', en: 'Invalid calendar: {detail}' },
  },
  TB_DEFINITION_INVALID: {
    user: true,
    message: {
      'zh-CN': '定义“{key}”有 {count} 个问题，第一个：{first}',
      en: 'Definition "{key}" has {count} problem(s); the first: {first}',
    },
  },
  TB_UNKNOWN_DEFINITION: {
    user: true,
    message: { 'zh-CN': '找不到{kind}“{key}”', en: 'No {kind} named "{key}" was found' },
  },
  TB_SNAPSHOT_INVALID: {
    user: false,
    message: { 'zh-CN': '案件快照无法读取：{detail}', en: 'The case snapshot cannot be read: {detail}' },
  },
  TB_QUEUE_UNRESOLVED: {
    user: true,
    message: {
      'zh-CN': '任务“{task}”无法确定办理部门：{detail}',
      en: 'Cannot decide which department handles task "{task}": {detail}',
    },
  },
} as const satisfies Record<string, ErrorEntry>;

export type EngineErrorCode = keyof typeof engineErrors;
