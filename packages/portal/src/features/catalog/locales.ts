import type { Catalog } from '@tongban/ui';

/** The portal's catalog page; zh-CN first. */
export const catalogCatalog = {
  'zh-CN': {
    title: '可以办理的事项',
    lead: '选择您要办理的事项。每一项都写明了办理时限和需要准备的材料。',
    loading: '正在加载事项…',
    empty: '目前没有可以在网上办理的事项。请稍后再来，或到就近的便民服务中心办理。',
    failed: '事项列表暂时无法显示。',
    retry: '重试',
    timeLimit: '办理时限：{{limit}}',
    materials: '需要准备 {{count}} 项材料',
    workingDays: '{{count}} 个工作日',
    inPerson: '请到便民服务中心办理',
  },
  en: {
    title: 'Services you can apply for',
    lead: 'Choose the service you need. Each says how long it takes and what to bring.',
    loading: 'Loading the services…',
    empty:
      'No service can be applied for online just now. Please come back later or visit your nearest service centre.',
    failed: 'The list of services cannot be shown just now.',
    retry: 'Try again',
    timeLimit: 'Time limit: {{limit}}',
    materials: '{{count}} documents to bring',
    workingDays: '{{count}} working days',
    inPerson: 'Apply in person at a service centre',
  },
} satisfies Catalog;
