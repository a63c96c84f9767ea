import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { AuditKey } from '../audit/audit-key.js';

/** Separates the sealing key from every other use of the installation's key. */
const purpose = 'tongban.message-seal.v1';

/**
 * A text message on its way out: who to, what it says, and for gateways that send by template, the
 * template's name and parameters. It travels sealed (`sealMessage`) through the outbox and the queues.
 */
export interface OutgoingMessage {
  /** Stable across retries: a gateway (and the mailbox) can tell a message delivered twice. */
  id: string;
  /** The mobile number, digits only. */
  to: string;
  text: string;
  template: string;
  params: Record<string, string>;
  createdAt: string;
}

/** AES-256-GCM under a key derived from the installation's (an HMAC of the purpose). */
function sealingKey(key: AuditKey): Buffer {
  return Buffer.from(key.mac([purpose]), 'hex');
}

/**
 * The message encrypted and authenticated, as base64url of iv, tag and ciphertext. Outbox rows, queue jobs
 * and dead letters keep this, not the phone number or the code: they outlive the message by far.
 */
export function sealMessage(key: AuditKey, message: OutgoingMessage): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The message back; throws when it was sealed under another key or changed. */
export function openMessage(key: AuditKey, sealed: string): OutgoingMessage {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 29) throw new Error('a sealed message is too short');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(text) as OutgoingMessage;
}
