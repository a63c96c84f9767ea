import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { Api, seed } from '../faults/fault-support.js';
import { pdf } from '../support/files.js';
import { applicantData } from '../support/harness.js';
import { freePort, Processes, type ManagedProcess } from '../support/processes.js';
import { openTestDatabase, testDriver } from '../support/test-database.js';

/**
 * Thirty residents upload a 10 MB scan each, all at once, to a real server process. Uploads stream to
 * storage, so the server holds a few chunks per upload, never the files: on PostgreSQL (an API node,
 * `tongban serve`) its resident memory stays under 300 MB throughout (it reached 1.6 GB when uploads
 * were base64 JSON bodies held whole). Embedded (`tongban start`), PGlite's own memory is most of the
 * process, so what is checked there is how much the uploads add.
 */

const uploads = 30;
const megabyte = 1024 * 1024;
const fileSize = 10 * megabyte;
const ceilingMb = 300;
const embeddedGrowthMb = 100;

/** The process of the group that is the server: the CLI the wrapper `bin/tongban.mjs` runs as a child. */
function serverPid(wrapper: ManagedProcess): number {
  const group = wrapper.child.pid as number;
  const servers = readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === group) return false;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const inGroup = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === group;
      // tsx's esbuild service shares the group; the server is the node process running the CLI
      return inGroup && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('cli/tongban.ts');
    } catch {
      return false;
    }
  });
  if (servers.length !== 1)
    throw new Error(`expected one server process in group ${group}, found ${servers}`);
  return Number(servers[0]);
}

/** A memory figure of /proc/<pid>/status (VmRSS: now; VmHWM: the peak), in MB. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${field}:`));
  return Number(/(\d+) kB/.exec(line ?? '')?.[1]) / 1024;
}

/** Sends `body` as the raw bytes of an upload; resolves with the status and the JSON answer. */
function post(
  url: string,
  cookie: string,
  body: Buffer,
  type: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { cookie, 'content-type': type, 'content-length': body.length, connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function download(url: string, cookie: string): Promise<{ status: number; sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent: false, headers: { cookie, connection: 'close' } }, (res) => {
      const hash = createHash('sha256');
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sha256: hash.digest('hex'), size }));
    })
      .on('error', reject)
      .end();
  });
}

describe(`${uploads} concurrent uploads of 10 MB to a server process`, () => {
  const processes = new Processes();
  const scaled = testDriver() === 'postgres';
  const dir = mkdtempSync(join(tmpdir(), 'tb-upload-memory-'));
  let database: (DatabaseHandle & { url?: string }) | undefined;
  let server: ManagedProcess;
  let api: Api;

  beforeAll(async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
      TONGBAN_DATA_DIR: join(dir, 'data'),
      TONGBAN_ATTACHMENTS_DIR: join(dir, 'attachments'),
    };
    if (scaled) {
      database = await openTestDatabase();
      await seed(database);
      env.DATABASE_URL = database.url;
    } else {
      env.DATABASE_URL = '';
    }
    // an API node on PostgreSQL; embedded, the whole of Tongban in one process (it seeds on first start)
    server = processes.tongban(scaled ? 'tongban serve' : 'tongban start', [scaled ? 'serve' : 'start'], env);
    api = new Api(`http://127.0.0.1:${port}`);
    await api.healthy(server, 120_000);
  }, 180_000);

  afterAll(async () => {
    await processes.stopAll();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    scaled
      ? `should keep the API node under ${ceilingMb} MB of resident memory, and store every byte`
      : `should add less than ${embeddedGrowthMb} MB to the embedded server's memory, and store every byte`,
    async () => {
      // given a resident's case and a running server, its memory peak counted from now on
      const cookie = await api.login('resident');
      const started = await api.request<{ id: string }>(cookie, 'POST', '/api/cases', {
        matter: 'd1.subsistence-allowance',
        data: applicantData,
      });
      expect(started.status).toBe(201);
      const pid = serverPid(server);
      const before = memoryMb(pid, 'VmRSS');
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
      let sampled = before;
      const sampler = setInterval(() => {
        sampled = Math.max(sampled, memoryMb(pid, 'VmRSS'));
      }, 10);

      // when 30 residents' 10 MB scans arrive at once
      const scan = pdf(fileSize);
      const startedAt = Date.now();
      const replies = await Promise.all(
        Array.from({ length: uploads }, (_, index) =>
          post(
            `${api.baseUrl}/api/cases/${started.body.id}/attachments?name=scan-${index}.pdf`,
            cookie,
            scan,
            'application/pdf',
          ),
        ),
      );
      const seconds = (Date.now() - startedAt) / 1000;
      clearInterval(sampler);
      const peak = Math.max(memoryMb(pid, 'VmHWM'), sampled);
      console.log(
        `${uploads} x 10 MB uploads (${scaled ? 'serve, PostgreSQL' : 'start, PGlite'}) in ${seconds.toFixed(1)} s: ` +
          `RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)`,
      );

      // then every upload is taken, whole
      expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 201));
      const sha256 = createHash('sha256').update(scan).digest('hex');
      for (const reply of replies) expect(reply.body).toMatchObject({ size: fileSize, sha256 });

      // and the server never held the files: its memory peak stayed low
      if (scaled) expect(peak).toBeLessThan(ceilingMb);
      else expect(peak - before).toBeLessThan(embeddedGrowthMb);

      // and a download gives the bytes back
      const back = await download(`${api.baseUrl}/api/attachments/${String(replies[0]?.body.id)}`, cookie);
      expect(back).toEqual({ status: 200, sha256, size: fileSize });
    },
    180_000,
  );
});
