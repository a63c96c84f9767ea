import { registerCatalog } from '@tongban/ui';

/** The i18n namespace of the gallery's "check answers" page. */
export const checkDataNamespace = 'gallery-check';

/** The words of the "check answers" page; zh-CN first. */
export const checkDataLocales = {
  'zh-CN': {
    heading: '用一份答案检查表单',
    intro: '把一份答案（JSON）贴在这里，看表单怎么判断它：与办事人在浏览器里、服务器收件时的判断相同。',
    answers: '答案（JSON）',
    check: '检查',
    backToForm: '返回表单预览',
    notJson: '这不是有效的 JSON：{{message}}',
    valid: '这份答案符合表单。',
    invalid_one: '这份答案有 {{count}} 处问题。',
    invalid_other: '这份答案有 {{count}} 处问题。',
    checkLink: '用一份答案检查',
  },
  en: {
    heading: 'Check the form with a set of answers',
    intro:
      'Paste a set of answers (JSON) here and see how the form judges them: as it does in a resident’s browser, and as the server does on receipt.',
    answers: 'Answers (JSON)',
    check: 'Check',
    backToForm: 'Back to the form preview',
    notJson: 'This is not valid JSON: {{message}}',
    valid: 'These answers fit the form.',
    invalid_one: 'These answers have {{count}} problem.',
    invalid_other: 'These answers have {{count}} problems.',
    checkLink: 'Check with a set of answers',
  },
} as const;

registerCatalog(checkDataNamespace, checkDataLocales);
