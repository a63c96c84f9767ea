/** The mobile number control's words; zh-CN first. Registered under the `phone` namespace. */
export const phoneLocales = {
  'zh-CN': {
    hint: '11 位手机号，例如 138 0013 8000',
    'phone-length': '手机号应为 11 位数字，您输入了 {{count}} 位',
    'phone-prefix': '手机号应以 13 至 19 开头，请核对',
  },
  en: {
    hint: '11-digit mobile number, for example 138 0013 8000',
    'phone-length': 'A mobile number has 11 digits; you entered {{count}}',
    'phone-prefix': 'A mobile number starts with 13 to 19; please check it',
  },
} as const;
