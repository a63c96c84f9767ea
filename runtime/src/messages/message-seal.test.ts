import { describe, expect, it } from 'vitest';
import { AuditKey } from '../audit/audit-key.js';
import { openMessage, sealMessage, type OutgoingMessage } from './message-seal.js';
import { maskPhone, phoneKeyOf } from './phone-number.js';

const message: OutgoingMessage = {
  id: '0b7c2f4e-3a6d-4f1e-9c55-0a1b2c3d4e5f',
  to: '13800138000',
  text: '【通办】您的登录验证码是 123456，5 分钟内有效。',
  template: 'sign-in-code',
  params: { code: '123456', minutes: '5' },
  createdAt: '2026-03-09T01:00:00.000Z',
};

describe('a sealed text message', () => {
  it('should open to the very message under the same key, and show neither number nor code sealed', () => {
    const key = AuditKey.generate();
    const sealed = sealMessage(key, message);
    expect(openMessage(key, sealed)).toEqual(message);
    expect(sealed).not.toContain('13800138000');
    expect(sealed).not.toContain('123456');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('123456');
    // sealed twice, it reads differently (a fresh nonce each time)
    expect(sealMessage(key, message)).not.toBe(sealed);
  });

  it('should refuse to open under another key, or once changed', () => {
    const key = AuditKey.generate();
    const sealed = sealMessage(key, message);
    expect(() => openMessage(AuditKey.generate(), sealed)).toThrow();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => openMessage(key, bytes.toString('base64url'))).toThrow();
    expect(() => openMessage(key, 'short')).toThrow(/too short/);
  });
});

describe('a phone number kept and shown', () => {
  it('should be a keyed hash, the same for one number and key, another for another key', () => {
    const key = AuditKey.generate();
    expect(phoneKeyOf(key, '13800138000')).toMatch(/^[0-9a-f]{64}$/);
    expect(phoneKeyOf(key, '13800138000')).toBe(phoneKeyOf(key, '13800138000'));
    expect(phoneKeyOf(key, '13800138001')).not.toBe(phoneKeyOf(key, '13800138000'));
    expect(phoneKeyOf(AuditKey.generate(), '13800138000')).not.toBe(phoneKeyOf(key, '13800138000'));
  });

  it('should be masked to its first three and last four digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('123')).toBe('***');
  });
});
