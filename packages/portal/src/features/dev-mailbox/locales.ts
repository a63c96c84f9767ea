import type { Catalog } from '@tongban/ui';

/** The development mailbox page; zh-CN first. */
export const devMailboxCatalog = {
  'zh-CN': {
    title: '开发用短信收件箱',
    lead: '这里列出本服务器“发出”的短信（最新的在最上面），供开发和测试时查看登录验证码。正式服务器上没有这个页面。',
    refresh: '刷新',
    loading: '正在读取短信…',
    failed: '短信暂时无法显示。',
    off: '这台服务器没有开启开发用收件箱：短信会真正发到手机上。',
    empty: '还没有短信。请先在登录页点“获取验证码”，再回到这里。',
    sentTo: '收信手机：{{to}} · 发送时间：{{time}}',
    code: '验证码',
  },
  en: {
    title: 'Development mailbox',
    lead: 'The text messages this server "sent", newest first, so that developers and tests can read sign-in codes. A real server has no such page.',
    refresh: 'Refresh',
    loading: 'Reading the messages…',
    failed: 'The messages cannot be shown just now.',
    off: 'This server has no development mailbox: text messages go to real phones.',
    empty: 'No messages yet. Press "Send me a code" on the sign-in page, then come back here.',
    sentTo: 'To {{to}} · sent {{time}}',
    code: 'Code',
  },
} satisfies Catalog;
