/**
 * Bundle benchmark on PostgreSQL (issue 6): one-thing applications over HTTP, each validated against
 * its combined form, written with its items and the child cases that start at once (routed to their
 * departments' queues) in one transaction.
 *  1. submissions per second with 8 concurrent residents, of the largest bundle (most matters: opening
 *     a restaurant, four matters, two starting at once).
 *  2. p95 latency of one submission of that bundle, one at a time. Target: < 50 ms.
 * Uses its own database (created and dropped) on DATABASE_URL's server (default 127.0.0.1:5432/test).
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { AuditKey } from '../src/audit/audit-key.js';
import { loadConfig } from '../src/config/config.js';
import { createRuntime } from '../src/runtime.js';
import { buildApp } from '../src/http/app.js';
import { demoPassword, seedDemo } from '../src/seed/seed.js';
import { bundleApplications } from '../test/support/applications.js';

const CLIENTS = 8;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const SINGLE = Number(process.env.BENCH_BUNDLE_SINGLE ?? 300);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
const dbName = `tb_bench_bundles_${Date.now().toString(36)}`;
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

/** A restaurant that wants a signboard too: every matter of the bundle is included. */
const restaurant = bundleApplications['d1.open-restaurant']?.data;

const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
await admin.unsafe(`create database "${dbName}"`);
await admin.end();
let failed = false;
try {
  const runtime = await createRuntime(
    loadConfig({
      ...process.env,
      DATABASE_URL: url.toString(),
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      // the scaled mode needs an audit key; a bench makes one up
      TONGBAN_AUDIT_KEY: process.env.TONGBAN_AUDIT_KEY ?? AuditKey.generate().toText(),
    }),
  );
  await seedDemo(runtime);
  const app = await buildApp(runtime, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'resident', password: demoPassword }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!login.ok || !cookie) throw new Error('login failed');
  const body = JSON.stringify({ data: restaurant });
  const submit = async () => {
    const began = performance.now();
    const response = await fetch(`${address}/api/bundles/d1.open-restaurant/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body,
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`submission: ${response.status} ${text}`);
    return performance.now() - began;
  };

  // warm up: plans prepared, the combined form built and compiled
  for (let i = 0; i < 30; i += 1) await submit();

  // 1. throughput: 8 residents submitting as fast as they are answered
  let done = 0;
  const until = performance.now() + DURATION_MS;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        await submit();
        done += 1;
      }
    }),
  );
  const rate = done / ((performance.now() - began) / 1000);

  // 2. latency: one submission at a time
  const latencies: number[] = [];
  for (let i = 0; i < SINGLE; i += 1) latencies.push(await submit());
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);

  // every application's two first matters were written and routed
  const sql = postgres(url.toString(), { max: 1, onnotice: () => undefined });
  const [counts] = await sql<Array<{ applications: number; children: number; tasks: number }>>`
    select (select count(*)::int from bundle_applications) as applications,
           (select count(*)::int from cases where bundle_key = 'd1.open-restaurant') as children,
           (select count(*)::int from tasks t join cases c on c.id = t.case_id
             where c.bundle_key = 'd1.open-restaurant' and t.status = 'open') as tasks`;
  await sql.end();
  await app.close();
  await runtime.close();

  console.log(
    `bundles: one-thing applications on PostgreSQL over HTTP (opening a restaurant: 4 matters, 2 start at once)`,
  );
  console.log(
    `  submissions, ${CLIENTS} concurrent residents   ${fmt(rate)} applications/s (${fmt(rate * 2)} child cases/s)`,
  );
  console.log(
    `  one submission at a time            p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 < 50 ms)`,
  );
  console.log(
    `  written: ${fmt(counts?.applications ?? 0)} applications, ${fmt(counts?.children ?? 0)} child cases, ${fmt(counts?.tasks ?? 0)} open tasks`,
  );
  if ((counts?.children ?? 0) !== 2 * (counts?.applications ?? -1))
    throw new Error('not every application started its two first matters');
  if (p95 >= 50) {
    console.error(`bundles bench: target missed: p95 ${p95.toFixed(1)} ms (target < 50)`);
    failed = true;
  }
} finally {
  const dropper = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await dropper.unsafe(`drop database if exists "${dbName}" with (force)`);
  await dropper.end();
}
if (failed) process.exitCode = 1;
