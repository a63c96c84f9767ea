import type { Catalog } from '../../i18n/index.js';

/** The app shell's words: the product, the apps, the header's controls; zh-CN first. */
export const shellCatalog = {
  'zh-CN': {
    productName: '通办',
    apps: {
      portal: '居民服务',
      workbench: '工作台',
      designer: '设计器',
    },
    header: '页头',
    language: {
      // the switch names the other language in that language, so a person who cannot read this one finds it
      switchTo: 'English',
      switchLabel: '切换到英文',
    },
    largeText: {
      label: '大字',
      on: '把字放大',
      off: '恢复正常字号',
    },
    signedInAs: '已登录：{{name}}',
    signIn: '登录',
    signOut: '退出登录',
    loading: '正在加载…',
    loadFailed: '暂时无法连接服务器，请稍后刷新页面再试。',
    retry: '重试',
  },
  en: {
    productName: 'Tongban',
    apps: {
      portal: 'Public services',
      workbench: 'Workbench',
      designer: 'Designer',
    },
    header: 'Page header',
    language: {
      switchTo: '中文',
      switchLabel: 'Switch to Chinese',
    },
    largeText: {
      label: 'A+',
      on: 'Larger text',
      off: 'Normal text size',
    },
    signedInAs: 'Signed in as {{name}}',
    signIn: 'Sign in',
    signOut: 'Sign out',
    loading: 'Loading…',
    loadFailed: 'The server cannot be reached just now. Please reload the page in a moment.',
    retry: 'Try again',
  },
} satisfies Catalog;
