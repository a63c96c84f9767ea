import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { RuntimeConfig } from '../config/config.js';

/**
 * Where attachment bytes live, addressed by their SHA-256 (docs/decisions/0010). An upload streams into
 * a pending write; only once the bytes are whole and checked is it committed under its hash, and only
 * then is the database row written. The same bytes uploaded twice are stored once.
 *
 * Every API node of the scaled mode must reach the same store: a shared directory (NFS, a mounted
 * volume) for this disk store, or another implementation of this interface (object storage: upload to
 * a temporary key, copy to the hash's key on commit).
 */
export interface AttachmentStore {
  /** Starts writing new bytes; nothing is visible under any key until `commit`. */
  begin(): Promise<PendingWrite>;
  /** The stored bytes of `key` (a SHA-256 in hex) and their size; `null` if the store has none. */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
}

export interface PendingWrite {
  /** Where the bytes go, in order; ends when the upload ends. */
  readonly sink: Writable;
  /** Makes the written bytes durable and visible under `key`. */
  commit(key: string): Promise<void>;
  /** Throws away what was written (a refused or broken upload). Safe to call more than once. */
  discard(): Promise<void>;
}

const hashKey = /^[0-9a-f]{64}$/;

/** The disk store: `<dir>/<first two hex>/<next two>/<sha256>`, written to `<dir>/tmp/` then renamed. */
export class DiskAttachmentStore implements AttachmentStore {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    if (!hashKey.test(key)) throw new Error(`not an attachment key: ${key}`);
    return join(this.dir, key.slice(0, 2), key.slice(2, 4), key);
  }

  async begin(): Promise<PendingWrite> {
    const temporary = join(this.dir, 'tmp', `${randomUUID()}.part`);
    await mkdir(dirname(temporary), { recursive: true });
    const sink = createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
    const closed = new Promise<void>((resolve) => sink.once('close', () => resolve()));
    let settled = false;
    return {
      sink,
      commit: async (key) => {
        const target = this.pathOf(key);
        await closed;
        // durable before it is visible, and visible before the row that names it is written
        const handle = await open(temporary, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await mkdir(dirname(target), { recursive: true });
        // the same bytes stored before: the new copy replaces them atomically, and is identical
        await rename(temporary, target);
        settled = true;
        await syncDirectory(dirname(target));
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        if (!sink.destroyed) sink.destroy();
        await closed;
        await rm(temporary, { force: true });
      },
    };
  }

  async open(key: string): Promise<{ stream: Readable; size: number } | null> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

/** Makes a rename into `dir` survive a power cut (where the file system allows opening a directory). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // some file systems refuse fsync on a directory; the file itself is synced already
  }
}

/** The store the configuration names: today the disk store under `attachmentsDir`. */
export function attachmentStore(config: Pick<RuntimeConfig, 'attachmentsDir'>): AttachmentStore {
  return new DiskAttachmentStore(config.attachmentsDir);
}
