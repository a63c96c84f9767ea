import { registerCatalog } from '@tongban/ui';

/** The i18n namespace of the form gallery. */
export const galleryNamespace = 'gallery';

/** The form gallery's words; zh-CN first. */
export const galleryLocales = {
  'zh-CN': {
    title: '表单样例库',
    intro: '每张已发布的表单，以示例数据在手机和电脑宽度下显示，发布前可先看效果。',
    forms: '已发布的表单',
    formCount: '共 {{count}} 张表单',
    examples: 'JSON Forms 示例',
    examplesIntro: 'JSON Forms 自带的示例中，根为对象的那些，用同一套控件显示。',
    exampleCount: '共 {{count}} 个示例',
    version: '第 {{version}} 版',
    back: '返回表单样例库',
    backToExamples: '返回示例列表',
    loading: '正在加载…',
    signInNeeded: '请先以管理员身份登录，才能查看已发布的表单。',
    loadFailed: '无法加载：{{message}}',
    notFound: '没有名为“{{key}}”的已发布表单。',
    exampleNotFound: '没有名为“{{name}}”的示例。',
    width: '显示宽度',
    widthPhone: '手机 360',
    widthDesk: '电脑 1280',
    widthBoth: '并排',
    data: '数据',
    dataSample: '示例数据',
    dataEmpty: '空白',
    phoneFrame: '手机宽度（360 像素）',
    deskFrame: '电脑宽度（1280 像素）',
    sampleText: '示例',
    generatedTitle: '生成的表单：{{count}} 个字段',
    generatedIntro: '用于检验大表单的显示和输入速度（性能测试用）。',
    empty: '还没有已发布的表单。用“定义”导入或发布一张表单后，它会出现在这里。',
  },
  en: {
    title: 'Form gallery',
    intro:
      'Every published form with sample data, at phone and desk widths: see the effect before publishing.',
    forms: 'Published forms',
    formCount: '{{count}} forms',
    examples: 'JSON Forms examples',
    examplesIntro:
      'The examples that come with JSON Forms whose root is an object, shown with the same controls.',
    exampleCount: '{{count}} examples',
    version: 'version {{version}}',
    back: 'Back to the form gallery',
    backToExamples: 'Back to the examples',
    loading: 'Loading…',
    signInNeeded: 'Sign in as an administrator to see the published forms.',
    loadFailed: 'Could not load: {{message}}',
    notFound: 'There is no published form called “{{key}}”.',
    exampleNotFound: 'There is no example called “{{name}}”.',
    width: 'Width',
    widthPhone: 'Phone 360',
    widthDesk: 'Desk 1280',
    widthBoth: 'Side by side',
    data: 'Data',
    dataSample: 'Sample data',
    dataEmpty: 'Empty',
    phoneFrame: 'Phone width (360 px)',
    deskFrame: 'Desk width (1280 px)',
    sampleText: 'Sample',
    generatedTitle: 'Generated form: {{count}} fields',
    generatedIntro: 'For checking how fast a large form shows and takes typing (the web bench uses it).',
    empty: 'No form is published yet. Import or publish one under Definitions and it shows here.',
  },
} as const;

registerCatalog(galleryNamespace, galleryLocales);
