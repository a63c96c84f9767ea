import type { Catalog } from '@tongban/ui';

/** The workbench's home page; zh-CN first. */
export const homeCatalog = {
  'zh-CN': {
    greeting: '您好，{{name}}',
    lead: '待办事项、督办和统计将显示在这里。',
    roles: '您的角色：{{roles}}',
    role: {
      admin: '系统管理员',
      supervisor: '督查',
      staff: '工作人员',
      grid: '网格员',
      resident: '居民',
    },
    listSeparator: '、',
  },
  en: {
    greeting: 'Hello, {{name}}',
    lead: 'Your tasks, supervision orders and figures will show here.',
    roles: 'Your roles: {{roles}}',
    role: {
      admin: 'administrator',
      supervisor: 'supervisor',
      staff: 'staff',
      grid: 'grid worker',
      resident: 'resident',
    },
    listSeparator: ', ',
  },
} satisfies Catalog;
