import type { Catalog } from '../../i18n/index.js';

export const controlsLocales: Catalog = {
  'zh-CN': {
    choose: '请选择',
    chooseKind: '选择填写方式',
    yes: '是',
    no: '否',
  },
  en: {
    choose: 'Choose one',
    chooseKind: 'Choose how to answer',
    yes: 'Yes',
    no: 'No',
  },
};
