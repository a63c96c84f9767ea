/** The ID number control's words; zh-CN first. Registered under the `idNumber` namespace. */
export const idNumberLocales = {
  'zh-CN': {
    hint: '18位，最后一位可能是 X',
    reading: '出生日期 {{birthDate}}，{{sex}}',
    readingDate: '出生日期 {{birthDate}}',
    male: '男',
    female: '女',
    'id-number-length': '身份证号应为 18 位，您输入了 {{count}} 位',
    'id-number-characters': '身份证号只能是数字，最后一位可以是 X',
    'id-number-region': '前两位不是有效的地区代码，请核对',
    'id-number-birth-date': '第 7 到 14 位的出生日期不对，请核对',
    'id-number-check-character': '号码核对不上，请检查最后一位',
  },
  en: {
    hint: '18 characters; the last may be X',
    reading: 'Born {{birthDate}}, {{sex}}',
    readingDate: 'Born {{birthDate}}',
    male: 'male',
    female: 'female',
    'id-number-length': 'An ID number has 18 characters; you entered {{count}}',
    'id-number-characters': 'An ID number has only digits; the last may be X',
    'id-number-region': 'The first two digits are not a region code; please check them',
    'id-number-birth-date': 'Characters 7 to 14 are not a real date of birth; please check them',
    'id-number-check-character': 'The number does not add up; please check the last character',
  },
} as const;
