import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('the text message channel and the development mailbox in the configuration', () => {
  it('should use the log channel with the mailbox in the embedded mode', () => {
    const config = loadConfig({});
    expect(config.messages).toEqual({ channel: 'log' });
    expect(config.devMailbox).toBe(true);
    expect(config.phoneCodes).toEqual({
      ttlMs: 300_000,
      intervalMs: 60_000,
      maxTries: 5,
      perPhonePerDay: 10,
      perAddressPerMinute: 10,
      perPhonePerMinute: 3,
    });
  });

  it('should keep no mailbox in the scaled mode or beside a webhook, unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/tongban' }).devMailbox).toBe(false);
    const webhook = loadConfig({
      TONGBAN_SMS_WEBHOOK_URL: 'https://sms.example.gov.cn/send',
      TONGBAN_SMS_WEBHOOK_TOKEN: 't0ken',
    });
    expect(webhook.messages).toEqual({
      channel: 'webhook',
      url: 'https://sms.example.gov.cn/send',
      token: 't0ken',
    });
    expect(webhook.devMailbox).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/tongban', TONGBAN_DEV_MAILBOX: 'true' }).devMailbox,
    ).toBe(true);
    expect(loadConfig({ TONGBAN_DEV_MAILBOX: 'false' }).devMailbox).toBe(false);
  });

  it('should refuse a webhook that is not an http(s) URL, and a mailbox flag that is not true or false, naming the variable', () => {
    expect(() => loadConfig({ TONGBAN_SMS_WEBHOOK_URL: 'ftp://sms.example/send' })).toThrow(
      /TONGBAN_SMS_WEBHOOK_URL must be an http or https URL/,
    );
    expect(() => loadConfig({ TONGBAN_SMS_WEBHOOK_URL: 'not a url' })).toThrow(/TONGBAN_SMS_WEBHOOK_URL/);
    expect(() => loadConfig({ TONGBAN_DEV_MAILBOX: 'yes' })).toThrow(
      /TONGBAN_DEV_MAILBOX must be true or false/,
    );
    expect(() => loadConfig({ TONGBAN_PHONE_CODE_MINUTES: '0' })).toThrow(/TONGBAN_PHONE_CODE_MINUTES/);
  });
});
