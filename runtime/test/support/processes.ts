import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The CLI as users run it: a wrapper that starts the TypeScript entry point in a child of its own. */
export const tongbanBin = fileURLToPath(new URL('../../bin/tongban.mjs', import.meta.url));

/** A TCP port nobody listens on right now (the CLI has no PORT=0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    await sleep(everyMs);
  }
}

/** Is any process of this group still alive (zombies left for a non-reaping init do not count)? */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing parenthesis
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    } catch {
      // the process ended while we looked
    }
  }
  return false;
}

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** stdout and stderr so far (the last 256 KB). */
  output(): string;
  /** Resolves when the output matches, rejects if the process ends first or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /**
   * Signals the whole process group: `bin/tongban.mjs` runs the CLI in a child of its own and cannot
   * forward SIGKILL, so killing only the wrapper would leave the real server running. Resolves once no
   * process of the group is left.
   */
  kill(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
  alive(): boolean;
}

const maxOutput = 256 * 1024;

/**
 * Child processes of one test file, each in a process group of its own. `stopAll` (for afterAll) kills
 * every group still alive; a process exit hook does the same if the file never gets that far.
 */
export class Processes {
  private readonly started: ManagedProcess[] = [];
  private readonly exitHook = () => {
    for (const managed of this.started) {
      try {
        if (managed.child.pid) process.kill(-managed.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  constructor() {
    process.once('exit', this.exitHook);
  }

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ManagedProcess {
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${name}: could not start ${command}`);
    let text = '';
    const listeners = new Set<() => void>();
    const append = (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-maxOutput);
      for (const listener of listeners) listener();
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    let exited = false;
    child.once('exit', () => {
      exited = true;
      for (const listener of listeners) listener();
    });
    const managed: ManagedProcess = {
      name,
      child,
      output: () => text,
      waitForOutput(pattern, timeoutMs) {
        return new Promise<void>((resolve, reject) => {
          const done = (error?: Error) => {
            clearTimeout(timer);
            listeners.delete(check);
            if (error) reject(error);
            else resolve();
          };
          const check = () => {
            if (pattern.test(text)) done();
            else if (exited) done(new Error(`${name} ended before printing ${pattern}:\n${text}`));
          };
          const timer = setTimeout(
            () => done(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${text}`)),
            timeoutMs,
          );
          listeners.add(check);
          check();
        });
      },
      async kill(signal = 'SIGKILL', timeoutMs = 15_000) {
        try {
          process.kill(-pid, signal);
        } catch {
          return; // no process of the group is left
        }
        await waitUntil(`${name} (process group ${pid}) to end`, () => !groupAlive(pid), timeoutMs, 50);
      },
      alive: () => groupAlive(pid),
    };
    this.started.push(managed);
    return managed;
  }

  /** `tongban <args>` as its own process group (the wrapper and the CLI it runs). */
  tongban(name: string, args: string[], env: NodeJS.ProcessEnv): ManagedProcess {
    return this.start(name, process.execPath, [tongbanBin, ...args], env);
  }

  /** Runs `tongban <args>` to its end. */
  async runTongban(
    args: string[],
    env: NodeJS.ProcessEnv,
    timeoutMs = 60_000,
  ): Promise<{ code: number | null; output: string }> {
    const managed = this.tongban(`tongban ${args.join(' ')}`, args, env);
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        void managed.kill();
        reject(
          new Error(`tongban ${args.join(' ')} did not end within ${timeoutMs} ms:\n${managed.output()}`),
        );
      }, timeoutMs);
      const finish = (value: number | null) => {
        clearTimeout(timer);
        resolve(value);
      };
      if (managed.child.exitCode !== null) finish(managed.child.exitCode);
      else managed.child.once('exit', (exitCode) => finish(exitCode));
    });
    // the streams may still hold the last lines
    await new Promise<void>((resolve) =>
      managed.child.stdout?.closed ? resolve() : managed.child.stdout?.once('close', () => resolve()),
    );
    return { code, output: managed.output() };
  }

  /** Kills every process group still alive (SIGKILL: nothing of theirs is needed any more). */
  async stopAll(): Promise<void> {
    await Promise.allSettled(this.started.map((managed) => managed.kill('SIGKILL')));
    process.removeListener('exit', this.exitHook);
  }
}

/** A private redis-server (no persistence) on `port`, so a test may stop it without touching the shared one. */
export async function startRedis(processes: Processes, port: number): Promise<ManagedProcess> {
  const redis = processes.start(
    `redis-server :${port}`,
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { ...process.env },
  );
  await redis.waitForOutput(/Ready to accept connections/, 15_000);
  return redis;
}

/** The process of a `tongban` group that runs the CLI: the wrapper `bin/tongban.mjs` starts it as a child. */
export function cliPid(wrapper: ManagedProcess): number {
  const group = wrapper.child.pid as number;
  const found = readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === group) return false;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const inGroup = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === group;
      // tsx's esbuild service shares the group; the CLI is the node process running cli/tongban.ts
      return inGroup && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('cli/tongban.ts');
    } catch {
      return false;
    }
  });
  if (found.length !== 1) throw new Error(`expected one tongban process in group ${group}, found ${found}`);
  return Number(found[0]);
}

/** A memory figure of /proc/<pid>/status (VmRSS: now; VmHWM: the peak), in MB. */
export function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${field}:`));
  return Number(/(\d+) kB/.exec(line ?? '')?.[1]) / 1024;
}
