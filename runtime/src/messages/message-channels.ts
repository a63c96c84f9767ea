import type { Database } from '../db/database.js';
import { devMailbox } from '../db/schema.js';
import type { AuditKey } from '../audit/audit-key.js';
import type { MessageChannelConfig } from '../config/config.js';
import { openMessage, sealMessage, type OutgoingMessage } from './message-seal.js';
import { maskPhone, phoneKeyOf } from './phone-number.js';

/** The outbox topic of a text message; the relay hands it to the notifications queue as a `send` job. */
export const messageTopic = 'message';

/** What the outbox row and the queue job carry: the message's id and the message sealed. */
export interface MessageJobData {
  messageId: string;
  sealed: string;
}

/** The outbox row that sends `message` once the transaction that writes it commits. */
export function messageOutboxRow(key: AuditKey, message: OutgoingMessage) {
  return {
    topic: messageTopic,
    payload: { messageId: message.id, sealed: sealMessage(key, message) } satisfies MessageJobData,
  };
}

export interface MessageChannelDeps {
  db: Database;
  key: AuditKey;
  clock: () => Date;
  channel: MessageChannelConfig;
  /** The log channel also keeps the message in the development mailbox. */
  devMailbox: boolean;
  log: (message: string) => void;
}

/** How long the webhook may take to answer before the try counts as failed (and is retried). */
const webhookTimeoutMs = 10_000;

/**
 * Delivers one message by the configured channel (a `send` job of the notifications queue). A throw is a
 * failed try: the queue driver retries with backoff and, after the last, keeps the job as a dead letter
 * (which holds the sealed message, never the number or the text). Delivering twice is harmless: the
 * mailbox keeps one row per message id, and the webhook is given the id to drop a repeat.
 */
export async function deliverMessage(deps: MessageChannelDeps, data: Record<string, unknown>): Promise<void> {
  if (typeof data.sealed !== 'string') throw new Error('a message job without its sealed message');
  const message = openMessage(deps.key, data.sealed);
  if (deps.channel.channel === 'log') {
    deps.log(`text message to ${maskPhone(message.to)}: ${message.text}`);
    if (deps.devMailbox)
      await deps.db
        .insert(devMailbox)
        .values({
          id: message.id,
          toKey: phoneKeyOf(deps.key, message.to),
          toMasked: maskPhone(message.to),
          text: message.text,
          createdAt: new Date(message.createdAt),
        })
        .onConflictDoNothing();
    return;
  }
  const response = await fetch(deps.channel.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(deps.channel.token ? { authorization: `Bearer ${deps.channel.token}` } : {}),
    },
    body: JSON.stringify(message),
    redirect: 'error',
    signal: AbortSignal.timeout(webhookTimeoutMs),
  });
  // the body is not needed; reading it frees the connection
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`the SMS webhook answered ${response.status} ${response.statusText}`);
}
