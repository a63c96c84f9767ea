import type { Catalog } from '../../i18n/index.js';

/** The sign-in form's words; zh-CN first. */
export const signInCatalog = {
  'zh-CN': {
    title: '登录',
    lead: '请输入您的账号和密码。登录一次即可使用居民服务、工作台和设计器。',
    username: '账号',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    cancel: '返回，暂不登录',
    required: {
      username: '请输入账号',
      password: '请输入密码',
    },
  },
  en: {
    title: 'Sign in',
    lead: 'Enter your account name and password. One sign-in serves the portal, the workbench and the designer.',
    username: 'Account name',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    cancel: 'Back without signing in',
    required: {
      username: 'Enter your account name',
      password: 'Enter your password',
    },
  },
} satisfies Catalog;
