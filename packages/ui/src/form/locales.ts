import type { Catalog } from '../i18n/index.js';

export const formLocales: Catalog = {
  'zh-CN': {
    summary: {
      title: '请先修改以下问题',
      one: '有 1 处需要修改',
      other: '有 {{count}} 处需要修改',
    },
    required: '必填',
    optional: '选填',
    choose: '请选择',
    yes: '是',
    no: '否',
    empty: '未填写',
  },
  en: {
    summary: {
      title: 'There is a problem',
      one: '1 answer needs changing',
      other: '{{count}} answers need changing',
    },
    required: 'required',
    optional: 'optional',
    choose: 'Choose one',
    yes: 'Yes',
    no: 'No',
    empty: 'Not answered',
  },
};
