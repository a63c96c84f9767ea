import { registerCatalog } from '@tongban/ui';

/** The i18n namespace of the designer's own shell. */
export const designerNamespace = 'designer';

export const designerLocales = {
  'zh-CN': {
    title: '设计器',
    gallery: '表单样例库',
    notFound: '没有这个页面。',
    home: '设计器用于管理事项、表单、流程和“一件事”。目前可用的是表单样例库。',
  },
  en: {
    title: 'Designer',
    gallery: 'Form gallery',
    notFound: 'There is no such page.',
    home: 'The designer manages matters, forms, workflows and bundles. The form gallery is available now.',
  },
} as const;

registerCatalog(designerNamespace, designerLocales);
