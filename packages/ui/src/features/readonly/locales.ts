import type { Catalog } from '../../i18n/index.js';

export const readonlyLocales: Catalog = {
  'zh-CN': {
    empty: '未填写',
    yes: '是',
    no: '否',
    show: '显示',
    showField: '显示{{label}}',
    showing: '正在获取…',
    recorded: '查看敏感信息会被记录。',
    masked: '已隐藏',
    listSeparator: '、',
  },
  en: {
    empty: 'Not answered',
    yes: 'Yes',
    no: 'No',
    show: 'Show',
    showField: 'Show {{label}}',
    showing: 'Fetching…',
    recorded: 'Viewing sensitive information is recorded.',
    masked: 'hidden',
    listSeparator: ', ',
  },
};
