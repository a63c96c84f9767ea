import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { TongbanApiError } from '@tongban/client';
import {
  i18n,
  ResidentSignIn,
  SessionProvider,
  setLanguage,
  TongbanProvider,
  type Language,
} from '../src/index.js';
import {
  codeFieldProblem,
  normalizeCode,
  phoneFieldProblem,
  refusalByField,
  secondsUntil,
} from '../src/features/sign-in/phone-sign-in.js';

afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

const refusal = (error: string, message: string, details: Array<{ path: string; message: string }> = []) =>
  new TongbanApiError(401, { error, message, details });

describe('phone sign-in: what is wrong with what was typed', () => {
  it('should name a missing, short or mistyped number before asking the server', () => {
    expect(phoneFieldProblem('')).toEqual({ key: 'phone.problems.phoneMissing' });
    expect(phoneFieldProblem('138001380')).toEqual({
      key: 'phone.problems.phoneLength',
      values: { count: 9 },
    });
    expect(phoneFieldProblem('12800138000')).toEqual({ key: 'phone.problems.phonePrefix' });
    expect(phoneFieldProblem('13800138000')).toBeUndefined();
  });

  it('should ask for the code to be sent first, then for six digits', () => {
    expect(codeFieldProblem('', false)).toEqual({ key: 'phone.problems.codeNotSent' });
    expect(codeFieldProblem('', true)).toEqual({ key: 'phone.problems.codeMissing' });
    expect(codeFieldProblem('12345', true)).toEqual({ key: 'phone.problems.codeFormat' });
    expect(codeFieldProblem('123456', true)).toBeUndefined();
  });

  it('should take a code typed with full-width digits or spaces as its six digits', () => {
    expect(normalizeCode('１２３ ４５６')).toBe('123456');
    expect(normalizeCode('1234567')).toBe('123456');
  });

  it('should put the server refusal next to the field it names, else next to the step that was refused', () => {
    const expired = refusal('TB_PHONE_CODE_EXPIRED', '验证码已过期，请重新获取', [
      { path: '/body/code', message: '验证码已过期，请重新获取' },
    ]);
    expect(refusalByField(expired, 'code')).toEqual({ code: '验证码已过期，请重新获取' });
    const tooSoon = refusal('TB_PHONE_CODE_TOO_SOON', '验证码刚刚发出，请 30 秒后再重新获取');
    expect(refusalByField(tooSoon, 'phone')).toEqual({ phone: '验证码刚刚发出，请 30 秒后再重新获取' });
    const badPhone = refusal('TB_REQUEST_INVALID', '请求内容不正确', [{ path: '/body/phone', message: 'x' }]);
    expect(refusalByField(badPhone, 'code')).toEqual({ phone: 'x' });
  });

  it('should count down whole seconds and stop at zero', () => {
    expect(secondsUntil(60_000, 0)).toBe(60);
    expect(secondsUntil(60_000, 59_001)).toBe(1);
    expect(secondsUntil(60_000, 61_000)).toBe(0);
  });
});

function render(language: Language): Promise<string> {
  return setLanguage(language).then(() =>
    renderToString(
      createElement(
        TongbanProvider,
        null,
        createElement(SessionProvider, null, createElement(ResidentSignIn)),
      ),
    ),
  );
}

describe('the resident sign-in', () => {
  it('should offer the phone code first and the password as the other tab, in Chinese', async () => {
    const html = await render('zh-CN');
    expect(html).toContain('手机验证码');
    expect(html).toContain('账号和密码');
    expect(html).toContain('获取验证码');
    expect(html).toContain('短信验证码');
    expect(html).toContain('autoComplete="one-time-code"');
    expect(html).not.toMatch(/phone\.|methods\.|resident\./);
  });

  it('should say the same in English', async () => {
    const html = await render('en');
    expect(html).toContain('Code by text message');
    expect(html).toContain('Account and password');
    expect(html).toContain('Send me a code');
    expect(html).not.toMatch(/phone\.|methods\.|resident\./);
  });
});
