import { randomBytes, randomInt } from 'node:crypto';
import type { AuditKey } from '../audit/audit-key.js';

/**
 * Follow codes (decision 0024): ten characters of an alphabet without look-alikes (no 0/O, 1/I/L), so
 * a code is read aloud or copied by hand without a mistake; 31^10 ≈ 8 × 10^14 codes (49 bits), which
 * nobody guesses at the rate a guesser is allowed. Only a keyed hash is stored.
 */
export const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const codeLength = 10;

export function newFollowCode(): string {
  let code = '';
  for (let index = 0; index < codeLength; index += 1) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

/** A code as someone typed it (lower case, spaces, dashes) in its one written form, or null if it cannot be one. */
export function normalizeFollowCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== codeLength) return null;
  for (const character of code) if (!codeAlphabet.includes(character)) return null;
  return code;
}

/** What is stored of a code: its HMAC under the installation's key, so a copy of the table finds no case. */
export function followCodeHash(key: AuditKey, code: string): string {
  return key.mac(['report.follow-code', code]);
}

/** A fresh token that owns the photos of a report someone without an account is writing. */
export function newUploadToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The owner id of an anonymous upload token's photos: a UUID derived from the token's keyed hash, so the
 * uploads table names an owner as it does for an account, the token itself is never stored, and only
 * who holds the token can name its uploads in a report.
 */
export function uploadTokenOwner(key: AuditKey, token: string): string {
  const hex = key.mac(['report.upload-token', token]);
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
