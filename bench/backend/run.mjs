// Backend benchmark: `IRTIQAA_PORT_OFFSET=3000 node bench/backend/run.mjs [--rows 100000]`.
// Starts a stack on a fresh data folder (durable settings, as `npm run stack`), loads the
// requests, then measures through the gateway and in plain SQL side by side, and writes
// bench/backend/RESULTS.md (numbers and EXPLAIN plans).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { apiUrl, ports } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';
import { postgrestSettings } from '../../supabase/local/postgrest.mjs';
import { closedLoop } from './load.mjs';
import { submissionArgs } from '../../tests/fixtures/support-request-samples.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 100_000);
const SUBMISSIONS = arg('--submissions', 10_000);
const CONCURRENCY = 50;
const dbUrl = `postgres://postgres:postgres@127.0.0.1:${ports.db}/postgres`;
const log = (...m) => console.log('[bench]', ...m);

// --- the stack -----------------------------------------------------------------------------
const running = new Set();
async function startStack(dataDir) {
  if (await fetch(`${apiUrl}/health`).then(() => true, () => false)) {
    throw new Error(`Something already answers at ${apiUrl}: stop it or choose another IRTIQAA_PORT_OFFSET.`);
  }
  const t0 = performance.now();
  const child = spawn(process.execPath, ['supabase/local/stack.mjs', '--data', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stack exited: ${out}`);
    if (await fetch(`${apiUrl}/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, seconds: (performance.now() - t0) / 1000 };
}
async function stopStack({ child }) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

// --- HTTP through the gateway ----------------------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function call(method, pathname, { body, token } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${apiUrl}${pathname}`,
      {
        method,
        agent,
        headers: {
          apikey: LOCAL_ANON_KEY,
          authorization: `Bearer ${token ?? LOCAL_ANON_KEY}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode >= 400) reject(new Error(`${res.statusCode} ${text}`));
          else resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// Valid national IDs: nine digits and their Luhn check digit.
function nationalId(n) {
  const nine = `1${String(n % 1e8).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return nine + ((10 - (sum % 10)) % 10);
}
const application = (n) =>
  submissionArgs({
    p_full_name: 'محمد عبدالله القحطاني',
    p_national_id: nationalId(n),
    p_mobile: `05${String(70_000_000 + n).padStart(8, '0')}`,
    p_email: `bench${n}@example.com`,
    p_description: 'أحتاج إلى دعم في مادة الرياضيات للصف الثالث المتوسط قبل الاختبارات',
  });

// --- the measurements ----------------------------------------------------------------------
async function loadRequests(db) {
  const t0 = performance.now();
  await db.query(`
    insert into public.support_requests (reference, created_at, full_name, national_id, mobile, city, category, request_type,
      description, preferred_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at,
      privacy_consent, status, decision_due_from, decision_due_by, decision_note)
    select internal.new_reference(), t, 'سارة أحمد الغامدي', '1000000008', '+9665' || lpad((10000000 + n)::text, 8, '0'), 'جدة', 'parent', 'tutoring',
           'طلب محمل لقياس الأداء: دعم دراسي لطالبين في المرحلة المتوسطة', 'website', 'ar', true, 'bench', t, true,
           s, t + w.opens_after, t + w.closes_after, case when s = 'rejected' then 'reason' end
      from (select n, now() - (n % 365) * interval '1 day' - (n % 1440) * interval '1 minute' as t,
                   (enum_range(null::public.request_status))[1 + (n * 7) % 10] as s
              from generate_series(1, $1) n) rows, internal.decision_window() w
    on conflict do nothing`, [ROWS]);
  await db.query('analyze');
  return (performance.now() - t0) / 1000;
}

async function explain(db, sql, params, claims) {
  await db.query('begin');
  if (claims) {
    await db.query('set local role authenticated');
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
  }
  const { rows } = await db.query(`explain (analyze, buffers, costs off) ${sql}`, params);
  await db.query('rollback');
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const row = (name, r) => `| ${name} | ${r.concurrency} | ${r.total.toLocaleString('en-US')} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.p99, 2)} | ${r.failures} |`;

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-bench-'));
  const loadBefore = os.loadavg()[0];
  try {
    log('cold start (initdb + shim + migrations + seed)...');
    const cold = await startStack(dataDir);
    await stopStack(cold);
    log('warm start...');
    const stack = await startStack(dataDir);
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();

    log(`loading ${ROWS} requests...`);
    const loadSeconds = await loadRequests(db);
    const { rows: [{ n: requestCount }] } = await db.query('select count(*)::int as n from public.support_requests');

    log('submissions through the gateway...');
    const viaApi = await closedLoop({
      concurrency: CONCURRENCY,
      total: SUBMISSIONS,
      send: (i) => call('POST', '/rest/v1/rpc/submit_support_request', { body: application(1_000_000 + i) }),
    });

    log('the same function called in plain SQL...');
    const pool = new pg.Pool({ connectionString: dbUrl, max: CONCURRENCY });
    const keys = Object.keys(application(0));
    const fnSql = `select public.submit_support_request(${keys.map((k, i) => `${k} => $${i + 1}`).join(', ')})`;
    const viaSqlFunction = await closedLoop({
      concurrency: CONCURRENCY,
      total: SUBMISSIONS,
      send: (i) => pool.query(fnSql, Object.values(application(2_000_000 + i))),
    });

    log('plain SQL inserts...');
    const viaInsert = await closedLoop({
      concurrency: CONCURRENCY,
      total: SUBMISSIONS,
      send: (i) =>
        pool.query(
          `insert into public.support_requests (reference, full_name, national_id, mobile, email, city, category, request_type, description,
             preferred_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at, privacy_consent,
             idempotency_key, decision_due_from, decision_due_by)
           select internal.new_reference(), $1, $2, $3, $4, 'الرياض', 'student', 'tutoring', $5, 'phone', 'ar', true, 'v', now(), true,
             $6, now() + w.opens_after, now() + w.closes_after from internal.decision_window() w`,
          (({ p_full_name, p_national_id, p_email, p_description, p_idempotency_key }, mobile) => [
            p_full_name, p_national_id, mobile, p_email, p_description, p_idempotency_key,
          ])(application(3_000_000 + i), `+9665${String(30_000_000 + i).padStart(8, '0')}`),
        ),
    });

    log('status lookups...');
    const { rows: lookups } = await db.query(
      `select reference, right(mobile, 4) as last4 from public.support_requests order by random() limit 2000`,
    );
    const lookup = await closedLoop({
      concurrency: 8,
      total: 4000,
      send: async (i) => {
        const { reference, last4 } = lookups[i % lookups.length];
        const result = await call('POST', '/rest/v1/rpc/get_request_status', { body: { p_reference: reference, p_phone_last4: last4 } });
        if (result.outcome !== 'found') throw new Error(result.outcome);
      },
    });
    const lookupSequential = await closedLoop({
      concurrency: 1,
      total: 1000,
      send: (i) => call('POST', '/rest/v1/rpc/get_request_status', { body: { p_reference: lookups[i].reference, p_phone_last4: lookups[i].last4 } }),
    });

    log('the staff queue...');
    const session = await call('POST', '/auth/v1/token?grant_type=password', {
      body: { email: 'officer@irtiqaa.local', password: 'demo-officer-2026' },
    });
    const queuePath =
      '/rest/v1/support_requests?select=id,reference,status,created_at,decision_due_by,assigned_to,full_name,request_type' +
      '&status=eq.under_review&order=decision_due_by.asc&limit=25';
    const firstPage = await call('GET', queuePath, { token: session.access_token });
    if (firstPage.length !== 25) throw new Error(`queue returned ${firstPage.length} rows`);
    const queue = await closedLoop({ concurrency: 8, total: 4000, send: () => call('GET', queuePath, { token: session.access_token }) });
    const queueSequential = await closedLoop({ concurrency: 1, total: 1000, send: () => call('GET', queuePath, { token: session.access_token }) });

    log('published figures...');
    const stats = await closedLoop({ concurrency: 8, total: 4000, send: () => call('POST', '/rest/v1/rpc/service_stats', { body: {} }) });
    const computeStats = await closedLoop({ concurrency: 1, total: 10, send: () => db.query('select internal.compute_service_stats()') });

    log('EXPLAIN plans...');
    const claims = { sub: session.user.id, role: 'authenticated' };
    const queuePlan = await explain(
      db,
      `select id, reference, status, created_at, decision_due_by, assigned_to, full_name, request_type
         from public.support_requests where status = 'under_review' order by decision_due_by limit 25`,
      [],
      claims,
    );
    const sample = lookups[0];
    const lookupPlan = await explain(
      db,
      `select * from public.support_requests where reference = $1 and right(mobile, 4) = $2`,
      [sample.reference, sample.last4],
    );
    const throttlePlan = await explain(
      db,
      `select count(*), min(failed_at) from internal.status_lookup_failures where reference = $1 and failed_at > now() - interval '15 minutes'`,
      [sample.reference],
    );
    const floodPlan = await explain(
      db,
      `select count(*), min(created_at) from public.support_requests where mobile = $1 and created_at > now() - interval '24 hours'`,
      ['+966570000001'],
    );
    const { rows: [{ n: finalCount }] } = await db.query('select count(*)::int as n from public.support_requests');
    const { rows: [{ v: pgVersion }] } = await db.query('select version() as v');

    await db.end();
    await pool.end();
    agent.destroy();
    await stopStack(stack);

    log('warm start on the loaded database...');
    const warmLoaded = await startStack(dataDir);
    await stopStack(warmLoaded);

    const results = `# Backend benchmark results

Recorded by \`node bench/backend/run.mjs\` (see bench/backend/README.md) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, shared with other
work at the time (1-minute load average ${fmt(loadBefore, 2)} before the run, ${fmt(os.loadavg()[0], 2)} after); the load
generator runs on the same cores as PostgreSQL, PostgREST and the gateway.
${pgVersion.split(',')[0]}, PostgREST 12.0.2 with a pool of ${postgrestSettings({ dbPort: 0, socketPath: '' }).PGRST_DB_POOL} connections,
durable settings (fsync and synchronous_commit on, as \`npm run stack\`).

## Stack start-up (until \`GET /health\` answers 200)

| start | seconds |
| --- | --- |
| cold: empty data folder (initdb, shim, ${'migrations'}, seed) | ${fmt(cold.seconds, 2)} |
| warm: seeded data folder | ${fmt(stack.seconds, 2)} |
| warm: data folder with ${finalCount.toLocaleString('en-US')} requests | ${fmt(warmLoaded.seconds, 2)} |

## Load

${ROWS.toLocaleString('en-US')} requests inserted in one statement (with the history trigger writing an event per row) in
${fmt(loadSeconds, 1)} s; ${requestCount.toLocaleString('en-US')} requests in the table when measuring started,
${finalCount.toLocaleString('en-US')} at the end.

## Submissions: the API against plain SQL, same run

| path | clients | requests | per second | p50 ms | p95 ms | p99 ms | failures |
| --- | --- | --- | --- | --- | --- | --- | --- |
${row('`POST /rest/v1/rpc/submit_support_request` through the gateway', viaApi)}
${row('`select submit_support_request(...)` over a direct connection', viaSqlFunction)}
${row('plain `insert into support_requests` (triggers on, no checks in a function)', viaInsert)}

Cost of the API: the gateway path reaches ${fmt((viaApi.perSecond / viaInsert.perSecond) * 100, 0)} % of plain-insert throughput
and ${fmt((viaApi.perSecond / viaSqlFunction.perSecond) * 100, 0)} % of the same function called in SQL (target: >= 500 submissions/s through the gateway:
**${viaApi.perSecond >= 500 ? 'met' : 'not met'}**, ${fmt(viaApi.perSecond, 0)}/s).${viaApi.errors.length ? `\nErrors seen: ${viaApi.errors.join('; ')}` : ''}

## Reads

| call | clients | requests | per second | p50 ms | p95 ms | p99 ms | failures |
| --- | --- | --- | --- | --- | --- | --- | --- |
${row('`get_request_status` through the gateway', lookup)}
${row('`get_request_status` through the gateway, one client', lookupSequential)}
${row('staff queue, first page (status filter, by decision date, 25 rows, RLS)', queue)}
${row('staff queue, first page, one client', queueSequential)}
${row('`service_stats()` (public figures, kept for 5 minutes)', stats)}

Targets: \`get_request_status\` p95 <= 10 ms: **${lookup.p95 <= 10 ? 'met' : 'not met'}** (${fmt(lookup.p95, 2)} ms with 8 clients,
${fmt(lookupSequential.p95, 2)} ms with one); staff queue first page p95 <= 30 ms: **${queue.p95 <= 30 ? 'met' : 'not met'}**
(${fmt(queue.p95, 2)} ms with 8 clients, ${fmt(queueSequential.p95, 2)} ms with one).
Computing the published figures from every row (what \`service_stats()\` does at most every 5 minutes) takes
${fmt(computeStats.p50, 0)} ms (median of 10, direct connection).

## EXPLAIN plans (ANALYZE, ${finalCount.toLocaleString('en-US')} requests)

The staff queue's first page, as the signed-in officer (role \`authenticated\`, RLS on):
\`\`\`
${queuePlan}
\`\`\`

\`get_request_status\`: the request by reference
\`\`\`
${lookupPlan}
\`\`\`
and the wrong-guess count (throttle):
\`\`\`
${throttlePlan}
\`\`\`

\`submit_support_request\`: the per-mobile daily limit
\`\`\`
${floodPlan}
\`\`\`
`;
    await writeFile(path.join(here, 'RESULTS.md'), results);
    log('written bench/backend/RESULTS.md');
    console.log(results);
  } finally {
    for (const child of running) await stopStack({ child });
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
