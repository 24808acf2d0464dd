// Stack benchmark: `IRTIQAA_PORT_OFFSET=4000 npx node bench/stack/run.mjs [--runs 3] [--baseline <checkout> [--baseline-label <text>]]`.
// Measures what the local stack's parts cost a developer and the test suite: start-up (cold,
// warm, throw-away) until /health answers and until the ready line (which also waits for the
// inbox), an Edge Function's first call (Deno starting) and later calls, and Storage uploads and
// signed downloads through storage-js. Writes bench/stack/RESULTS.md. `--baseline`: also time the
// start-up of the stack of another checkout (with its own node_modules), for comparison.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { portsFor } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../supabase/local/keys.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
const baselineFlag = process.argv.indexOf('--baseline');
const baselineRoot = baselineFlag > 0 ? path.resolve(process.argv[baselineFlag + 1]) : null;
const labelFlag = process.argv.indexOf('--baseline-label');
const baselineLabel = labelFlag > 0 ? process.argv[labelFlag + 1] : 'the previous stack';
const offset = Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) + 80;
const ports = portsFor(offset);
const apiUrl = `http://127.0.0.1:${ports.api}`;
const log = (...m) => console.log('[bench]', ...m);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => x.toFixed(0);
const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** Starts the stack and resolves { child, healthMs, readyMs } (from spawn). */
async function startStack(args, cwd = root) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['supabase/local/stack.mjs', ...args], {
    cwd,
    env: { ...process.env, IRTIQAA_PORT_OFFSET: String(offset) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  let healthMs = null;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stack exited: ${out}`);
    if (healthMs === null && (await fetch(`${apiUrl}/health`).then((r) => r.ok, () => false))) healthMs = performance.now() - t0;
    if (healthMs !== null && out.includes('is running')) return { child, healthMs, readyMs: performance.now() - t0, output: () => out };
    await sleep(10);
  }
}
async function stopStack({ child }) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Each kind of start, RUNS times, alternating this checkout and the baseline (if any) so that
 * both see the same machine load. Returns { [root]: [[label, health, ready]] } and the inbox's CPU.
 */
async function startups() {
  const roots = [root, ...(baselineRoot ? [baselineRoot] : [])];
  const dataDirs = new Map();
  for (const r of roots) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-bench-stack-'));
    await chmod(dir, 0o755);
    dataDirs.set(r, dir);
  }
  const kinds = [
    ['cold: empty data folder (initdb, shim, migrations, seed)', (dir) => ['--data', dir], (dir) => rm(dir, { recursive: true, force: true }).then(() => mkdir(dir))],
    ['warm: seeded data folder', (dir) => ['--data', dir], async () => {}],
    ['throw-away (`--ephemeral`, as every test stack)', () => ['--ephemeral'], async () => {}],
  ];
  const results = new Map(roots.map((r) => [r, []]));
  const inboxFirstUse = [];
  try {
    for (const [label, args, before] of kinds) {
      const samples = new Map(roots.map((r) => [r, { health: [], ready: [] }]));
      for (let i = 0; i < RUNS; i++) {
        for (const r of roots) {
          await before(dataDirs.get(r));
          const stack = await startStack(args(dataDirs.get(r)), r);
          samples.get(r).health.push(stack.healthMs);
          samples.get(r).ready.push(stack.readyMs);
          if (r === root) {
            // The inbox starts on first use: time the first request to it.
            const t0 = performance.now();
            if (!(await fetch(`http://127.0.0.1:${ports.inbox}/api/healthz`)).ok) throw new Error('the inbox did not answer');
            inboxFirstUse.push(performance.now() - t0);
          }
          await stopStack(stack);
        }
      }
      for (const r of roots) {
        const { health, ready } = samples.get(r);
        results.get(r).push([label, median(health), median(ready)]);
        log(r === root ? 'this' : 'baseline', label, ms(median(health)), ms(median(ready)));
      }
    }
  } finally {
    for (const dir of dataDirs.values()) await rm(dir, { recursive: true, force: true });
  }
  return { current: results.get(root), baseline: baselineRoot ? results.get(baselineRoot) : null, inboxFirstUse: median(inboxFirstUse) };
}

async function functionCalls() {
  const envDir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-bench-env-'));
  const envFile = path.join(envDir, 'functions.env');
  await writeFile(envFile, 'FIXTURE_SECRET=bench\n');
  const stack = await startStack(['--ephemeral', '--functions', 'tests/fixtures/functions', '--functions-env', envFile]);
  const call = async () => {
    const t0 = performance.now();
    const res = await fetch(`${apiUrl}/functions/v1/echo`, { method: 'POST', headers: { authorization: `Bearer ${LOCAL_ANON_KEY}` }, body: '{}' });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`echo answered ${res.status}`);
    return performance.now() - t0;
  };
  try {
    const first = await call();
    const later = [];
    for (let i = 0; i < 200; i++) later.push(await call());
    const sorted = [...later].sort((a, b) => a - b);
    return { first, p50: sorted[100], p95: sorted[190] };
  } finally {
    await stopStack(stack);
    await rm(envDir, { recursive: true, force: true });
  }
}

async function storageCalls() {
  const stack = await startStack(['--ephemeral']);
  const db = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${ports.db}/postgres` });
  await db.connect();
  await db.query(`insert into storage.buckets (id, name, file_size_limit) values ('bench', 'bench', 52428800)`);
  await db.end();
  const storage = createClient(apiUrl, LOCAL_SERVICE_ROLE_KEY, { auth: { persistSession: false } }).storage.from('bench');
  const results = [];
  try {
    for (const size of [100 * 1024, 5 * 1024 * 1024]) {
      const upload = [];
      const download = [];
      for (let i = 0; i < 10; i++) {
        const bytes = randomBytes(size);
        const name = `b/${size}-${i}.bin`;
        let t0 = performance.now();
        const { error } = await storage.upload(name, new Blob([bytes], { type: 'application/octet-stream' }));
        if (error) throw error;
        upload.push(performance.now() - t0);
        const { data } = await storage.createSignedUrl(name, 60, { download: true });
        t0 = performance.now();
        const got = Buffer.from(await (await fetch(data.signedUrl)).arrayBuffer());
        download.push(performance.now() - t0);
        if (!got.equals(bytes)) throw new Error('bytes differ');
      }
      results.push([size, median(upload), median(download)]);
      log('storage', size, ms(median(upload)), ms(median(download)));
    }
  } finally {
    await stopStack(stack);
  }
  return results;
}

const load = () => os.loadavg()[0].toFixed(2);
const loadBefore = load();
const { current: started, baseline, inboxFirstUse } = await startups();
const fn = await functionCalls();
const st = await storageCalls();
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const size = (b) => (b >= 1024 * 1024 ? `${b / 1024 / 1024} MB` : `${b / 1024} KB`);

await writeFile(
  path.join(here, 'RESULTS.md'),
  `# Local stack benchmark results

Recorded by \`node bench/stack/run.mjs\` (see bench/stack/README.md) on ${when} UTC, ${RUNS} runs per start
(median). Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, shared with other work (1-minute load
average ${loadBefore} before the run, ${load()} after): figures move from run to run.

## Start-up

| start | \`GET /health\` 200 (ms) | ready line (ms) |
| --- | --- | --- |
${started.map(([label, health, ready]) => `| ${label} | ${ms(health)} | ${ms(ready)} |`).join('\n')}

${baseline ? `The \`--baseline\` checkout (${baselineLabel}), its starts alternating with the ones above:

| start | \`GET /health\` 200 (ms) | ready line (ms) |
| --- | --- | --- |
${baseline.map(([label, health, ready]) => `| ${label} | ${ms(health)} | ${ms(ready)} |`).join('\n')}

` : ''}\`/health\` (what tests wait for) needs PostgreSQL and PostgREST only. The mail inbox and the Edge
Functions add nothing to start-up: the stack holds the inbox's ports and starts maildev (a Node
process of its own) on the first connection to them, which then takes ${ms(inboxFirstUse)} ms (median);
a function's Deno process starts on its first call.

## Edge Functions (fixture \`echo\`, through the gateway, one client)

| call | ms |
| --- | --- |
| first call (starts Deno for the function) | ${ms(fn.first)} |
| later calls, p50 | ${fn.p50.toFixed(1)} |
| later calls, p95 | ${fn.p95.toFixed(1)} |

## Storage (storage-js, service role, one client; median of 10)

| file | upload (ms) | signed download (ms) |
| --- | --- | --- |
${st.map(([b, up, down]) => `| ${size(b)} | ${ms(up)} | ${ms(down)} |`).join('\n')}
`,
);
log('wrote bench/stack/RESULTS.md');
