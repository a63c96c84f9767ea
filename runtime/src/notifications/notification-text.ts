import type { Locale, LocalizedText } from '@tongban/engine';

/** What a notification is about, as its text may name it. */
export interface NoticeContext {
  template: string;
  data: Record<string, unknown>;
  /** The title of its case, when it has one. */
  caseTitle: LocalizedText | null;
}

type Text = (notice: NoticeContext, locale: Locale) => string;

const caseOf = (notice: NoticeContext, locale: Locale): string =>
  notice.caseTitle === null
    ? locale === 'en'
      ? 'your case'
      : '您的办件'
    : locale === 'en'
      ? `"${notice.caseTitle.en}"`
      : `“${notice.caseTitle['zh-CN']}”`;

const text =
  (zh: (c: string, d: Record<string, unknown>) => string, en: typeof zh): Text =>
  (notice, locale) =>
    (locale === 'en' ? en : zh)(caseOf(notice, locale), notice.data);

const listOf = (value: unknown, separator: string): string =>
  Array.isArray(value) ? value.map(String).join(separator) : '';
const dateOf = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? new Date(value).toISOString().slice(0, 10) : '';

/**
 * The words of every notification template the runtime and the library send, in both languages
 * (templates are named by workflows; their text lives here, beside the runtime's error messages).
 */
const templates: Record<string, Text> = {
  'case.approved': text(
    (c) => `${c}已办结：申请获批准`,
    (c) => `${c} is decided: your application is approved`,
  ),
  'case.rejected': text(
    (c) => `${c}已办结：申请未获批准，请查看理由`,
    (c) => `${c} is decided: your application is not approved; see the reason given`,
  ),
  'case.supplement-requested': text(
    (c, d) =>
      `${c}需要补正材料：${listOf(d.items, '、')}。${typeof d.reason === 'string' ? `理由：${d.reason}` : ''}`,
    (c, d) =>
      `${c} needs more from you: ${listOf(d.items, ', ')}.${typeof d.reason === 'string' ? ` Reason: ${d.reason}` : ''}`,
  ),
  'case.data-corrected': text(
    (c, d) =>
      `工作人员更正了${c}的申请信息（${listOf(d.fields, '、')}）。${typeof d.reason === 'string' ? `理由：${d.reason}` : ''}`,
    (c, d) =>
      `Staff corrected your application in ${c} (${listOf(d.fields, ', ')}).${typeof d.reason === 'string' ? ` Reason: ${d.reason}` : ''}`,
  ),
  'supervision.opened': text(
    (c, d) => `${c}收到督办，请于 ${dateOf(d.respondBy)} 前书面答复`,
    (c, d) => `A supervision order on ${c}: answer in writing by ${dateOf(d.respondBy)}`,
  ),
  'sla.escalation': text(
    (c) => `${c}的办理已超时，已上报`,
    (c) => `${c} is overdue and has been escalated`,
  ),
  'sla.escalation.top': text(
    (c) => `${c}已超时并升级至最高一级，请立即处理`,
    (c) => `${c} is overdue at the last level of escalation: act on it now`,
  ),
  'rating.followed-up': text(
    () => '您的差评已有回访处理结果',
    () => 'Your poor rating has been followed up',
  ),
  'calendar.running-out': text(
    (_c, d) =>
      `工作日历“${String(d.calendar)}”将于 ${String(d.endsOn)} 用尽（剩 ${String(d.daysLeft)} 天），请发布下一年度的节假日`,
    (_c, d) =>
      `The working calendar "${String(d.calendar)}" runs out on ${String(d.endsOn)} (${String(d.daysLeft)} days left): publish next year's holidays`,
  ),
  'request.answered': text(
    (c) => `${c}已答复`,
    (c) => `${c} has been answered`,
  ),
  'grid.feedback': text(
    (c, d) => `${c}（${String(d.location ?? '')}）已处理完毕`,
    (c, d) => `${c} (${String(d.location ?? '')}) has been dealt with`,
  ),
  'whistle.closed': text(
    (c, d) => `${c}（${String(d.location ?? '')}）已办结`,
    (c, d) => `${c} (${String(d.location ?? '')}) is closed`,
  ),
  'whistle.resolvedLocally': text(
    (c) => `${c}已由街道就地解决`,
    (c) => `${c} was resolved locally by the street`,
  ),
  'booking.confirmed': text(
    (c, d) => `${c}：预约已确认（${String(d.date ?? '')}）`,
    (c, d) => `${c}: your booking is confirmed (${String(d.date ?? '')})`,
  ),
  'booking.rejected': text(
    (c) => `${c}：预约未能安排`,
    (c) => `${c}: your booking could not be made`,
  ),
  'feedback.received': text(
    () => '收到一条新的意见反馈',
    () => 'New feedback has been received',
  ),
};

/** A template nobody wrote words for still says something true. */
const fallback = text(
  (c) => `${c}有新的动态`,
  (c) => `There is news about ${c}`,
);

/** A notification's text in the reader's language. */
export function noticeText(notice: NoticeContext, locale: Locale): string {
  return (templates[notice.template] ?? fallback)(notice, locale);
}

/** The templates with words of their own (a test checks that the library's are all here). */
export const templatesWithText: ReadonlySet<string> = new Set(Object.keys(templates));
