import type { MessageTemplate } from '@tongban/engine';

interface RuntimeErrorEntry {
  status: number;
  message: MessageTemplate;
}

const m = (status: number, zh: string, en: string): RuntimeErrorEntry => ({
  status,
  message: { 'zh-CN': zh, en },
});

/** Errors of the runtime itself; engine errors keep their own codes (docs/errors.md lists both). */
export const runtimeErrors = {
  TB_REQUEST_INVALID: m(400, '请求内容不正确', 'The request is not valid'),
  TB_FORM_DATA_INVALID: m(422, '表单填写有误', 'The form data is not valid'),
  TB_DEFINITION_INVALID: m(422, '定义“{key}”有 {count} 个问题', 'Definition "{key}" has {count} problem(s)'),
  TB_LIST_INVALID: m(422, '责任清单有 {count} 个问题', 'The responsibility list has {count} problem(s)'),
  TB_DEPUTY_INVALID: m(422, '不能指定此人为代理人', 'This person cannot be named as your deputy'),
  TB_PASSWORD_WEAK: m(422, '密码太容易被猜到', 'This password is too easy to guess'),
  TB_UNAUTHENTICATED: m(401, '请先登录', 'Please sign in first'),
  TB_LOGIN_FAILED: m(401, '用户名或密码不正确', 'Wrong user name or password'),
  TB_PHONE_CODE_WRONG: m(401, '验证码不正确', 'The code is not right'),
  TB_PHONE_CODE_EXPIRED: m(401, '验证码已过期，请重新获取', 'The code has expired; ask for a new one'),
  TB_PHONE_CODE_TRIES: m(
    401,
    '验证码输错次数太多，已不能再用，请重新获取',
    'Too many wrong tries: this code no longer works; ask for a new one',
  ),
  TB_FORBIDDEN: m(403, '您没有权限执行此操作', 'You are not allowed to do this'),
  TB_NOT_FOUND: m(404, '找不到{what}', '{what} was not found'),
  TB_REPORT_CODE_UNKNOWN: m(
    404,
    '没有找到这个跟进码。请对照收到的 10 位跟进码再输一次（字母大小写都可以）',
    'No report has this follow code. Check the 10 characters you were given and try again (capital or small letters both work)',
  ),
  TB_ROUTE_NOT_FOUND: m(404, '没有这个接口：{method} {url}', 'No such endpoint: {method} {url}'),
  TB_CASE_VERSION_CONFLICT: m(
    409,
    '案件已被他人更新，请刷新后重试',
    'Someone else changed this case just now; reload and try again',
  ),
  TB_TASK_CLAIMED: m(409, '任务已由他人签收', 'Someone else has already claimed this task'),
  TB_TASK_NOT_YOURS: m(409, '任务已由他人签收，您不能办理', 'This task is claimed by someone else'),
  TB_TASK_CLOSED: m(409, '任务已经办结', 'This task is already closed'),
  TB_ORDER_ANSWERED: m(409, '督办单已经答复', 'This supervision order is already answered'),
  TB_DEAD_LETTER_RETRIED: m(409, '该失败任务已经重新投递', 'This dead letter has already been sent again'),
  TB_DEFINITION_EXISTS: m(
    409,
    '{kind}“{key}”的第 {version} 版已经存在',
    'Version {version} of {kind} "{key}" already exists',
  ),
  TB_DEFINITION_STATUS: m(
    409,
    '该版本当前状态为“{status}”，不能{action}',
    'This version is {status} and cannot be {action}',
  ),
  TB_NOT_RATEABLE: m(
    409,
    '案件办结后才能评价，且只能评价一次',
    'A case can be rated once, after it has closed',
  ),
  TB_PAYLOAD_TOO_LARGE: m(413, '内容太大，最大 {limit}', 'Too large; the limit is {limit}'),
  TB_UNSUPPORTED_MEDIA_TYPE: m(415, '不支持的文件类型：{type}', 'Unsupported content type: {type}'),
  TB_FILE_TYPE_MISMATCH: m(
    415,
    '文件内容（{actual}）与声明的类型 {declared} 不符',
    'The file is {actual}, not the {declared} it was sent as',
  ),
  TB_RATE_LIMITED: m(
    429,
    '尝试次数过多，请 {seconds} 秒后再试',
    'Too many attempts; try again in {seconds} s',
  ),
  TB_PHONE_CODE_TOO_SOON: m(
    429,
    '验证码刚刚发出，请 {seconds} 秒后再重新获取',
    'A code was sent just now; you can ask for another in {seconds} s',
  ),
  TB_PHONE_CODES_TOO_MANY: m(
    429,
    '这个手机号今天获取验证码的次数太多了，请明天再试，或用账号和密码登录',
    'Too many codes for this number today; try again tomorrow, or sign in with an account and password',
  ),
  TB_INTERNAL: m(500, '服务器内部错误，已记录', 'Internal error; it has been logged'),
} as const satisfies Record<string, RuntimeErrorEntry>;

export type RuntimeErrorCode = keyof typeof runtimeErrors;

/** HTTP status of each engine error code (the engine knows nothing of HTTP). */
export const engineErrorStatus: Record<string, number> = {
  TB_EVENT_NOT_ALLOWED: 409,
  TB_EVENT_INVALID: 400,
  TB_CASE_CLOSED: 409,
  TB_TASK_NOT_FOUND: 404,
  TB_TASK_WAITING: 409,
  TB_OUTCOME_NOT_ALLOWED: 422,
  TB_OUTCOME_CONDITIONS_NOT_MET: 409,
  TB_REASON_REQUIRED: 422,
  TB_TRANSFER_TARGET_INVALID: 422,
  TB_SUPPLEMENT_ALREADY_USED: 409,
  TB_SUPPLEMENT_NOT_REQUESTED: 409,
  TB_EXPRESSION_INVALID: 422,
  TB_EXPRESSION_LIMIT: 422,
  TB_STEP_LIMIT: 422,
  TB_DURATION_INVALID: 422,
  TB_CALENDAR_INVALID: 422,
  TB_DEFINITION_INVALID: 422,
  TB_UNKNOWN_DEFINITION: 404,
  TB_QUEUE_UNRESOLVED: 422,
  TB_SNAPSHOT_INVALID: 500,
};
