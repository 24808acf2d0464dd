// Reliability bench: N concurrent submitters for D seconds through the gateway of a stack of its
// own (durable data), optionally SIGKILLing PostgreSQL or PostgREST mid-load. Every submitter
// retries an unacknowledged submission with the SAME payload and idempotency key until acked.
// Afterwards the database must hold exactly the acknowledged references, once each.
//   IRTIQAA_PORT_OFFSET=2100 npx node bench/reliability/run.mjs [--mode load|kill-postgres|kill-postgrest]
//     [--clients 200] [--seconds 60] [--kill-at 20]
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { startOwnStack } from '../lib/stack.mjs';
import { submissionArgs } from '../../tests/fixtures/support-request-samples.ts';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const mode = arg('mode', 'load');
const clients = Number(arg('clients', 200));
const seconds = Number(arg('seconds', 60));
const killAt = Number(arg('kill-at', 20));
const REQUEST_TIMEOUT_MS = 30_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const stack = await startOwnStack({ offset: Number(process.env.IRTIQAA_PORT_OFFSET ?? 2100) });
const endpoint = `${stack.apiUrl}/rest/v1/rpc/submit_support_request`;

let mobileSeq = 0;
const application = () =>
  submissionArgs({ p_mobile: `05${String(10_000_000 + (process.pid % 100) * 100_000 + ++mobileSeq).slice(-8)}` });

const acked = new Map(); // idempotency key -> reference
const retried = new Set(); // keys that needed more than one attempt
const statuses = new Map(); // "503 service_unavailable" -> count
const latencies = []; // ms of every acknowledged attempt
let timeouts = 0;
let otherErrors = 0;
let first503 = null;
let last503 = null;
let firstAckAfterKill = null;
let killedAt = null;
const count = (key) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
const oddBodies = new Map(); // one sample body per unexpected status

const started = performance.now();
const deadline = started + seconds * 1000;

async function attempt(body) {
  const t0 = performance.now();
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { apikey: LOCAL_ANON_KEY, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let json = {};
    try {
      json = JSON.parse(text);
    } catch {}
    if (res.status !== 200 && res.status !== 503 && !oddBodies.has(res.status)) oddBodies.set(res.status, text.slice(0, 300));
    count(`${res.status}${res.status === 200 ? '' : ` ${json.code ?? ''}`}`);
    if (res.status === 200) latencies.push(performance.now() - t0);
    return { status: res.status, json, retryAfter: Number(res.headers.get('retry-after') ?? 0) };
  } catch (error) {
    if (error.name === 'TimeoutError') timeouts++;
    else otherErrors++;
    count(error.name === 'TimeoutError' ? 'timeout' : `network ${error.cause?.code ?? error.name}`);
    return { status: 0, json: {}, retryAfter: 1 };
  }
}

async function submitter() {
  while (performance.now() < deadline) {
    const args = application();
    const body = JSON.stringify(args);
    for (let tries = 0; ; tries++) {
      const { status, json, retryAfter } = await attempt(body);
      if (status === 200) {
        acked.set(args.p_idempotency_key, json.reference);
        if (tries > 0) retried.add(args.p_idempotency_key);
        if (killedAt && firstAckAfterKill === null && last503 !== null) firstAckAfterKill = performance.now();
        break;
      }
      if (status === 503) {
        first503 ??= performance.now();
        last503 = performance.now();
      }
      // A real client would back off by Retry-After; a short jittered wait keeps the outage measurable.
      await sleep(Math.min(retryAfter * 1000, 250) + Math.random() * 100);
      if (performance.now() > deadline + 60_000) throw new Error('a submission was never acknowledged');
    }
  }
}

let healthBackAt = null;
async function faultInjector() {
  if (mode === 'load') return;
  await sleep(killAt * 1000);
  const target = mode === 'kill-postgres' ? 'postgres' : 'postgrest';
  process.kill(stack.childPid(target), 'SIGKILL');
  killedAt = performance.now();
  await sleep(20);
  while ((await stack.health()) !== 200) await sleep(20);
  healthBackAt = performance.now();
}

const load = uptimeLoad();
await Promise.all([...Array.from({ length: clients }, submitter), faultInjector()]);
const elapsed = (performance.now() - started) / 1000;

const db = new pg.Client({ connectionString: stack.dbUrl });
await db.connect();
const { rows } = await db.query(
  `select idempotency_key::text as key, reference from public.support_requests where idempotency_key is not null`,
);
await db.end();
await stack.stop();

const stored = new Map();
let duplicatedKeys = 0;
for (const r of rows) {
  if (stored.has(r.key)) duplicatedKeys++;
  stored.set(r.key, r.reference);
}
const missing = [...acked].filter(([k, ref]) => stored.get(k) !== ref).length;
const unacked = [...stored.keys()].filter((k) => !acked.has(k)).length;
const uniqueRefs = new Set(acked.values()).size;
const retriedPresentOnce = [...retried].filter((k) => stored.has(k)).length;

latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(0) : '-');
const fivexx = [...statuses].filter(([k]) => /^5/.test(k)).reduce((n, [, c]) => n + c, 0);
const clear503 = (k) => /^503 service_(unavailable|interrupted)$/.test(k);
const non503 = [...statuses].filter(([k]) => /^5/.test(k) && !clear503(k)).reduce((n, [, c]) => n + c, 0);
const unexpected = [...statuses].filter(([k]) => k !== '200' && !clear503(k)).reduce((n, [, c]) => n + c, 0);
const s = (ms) => (ms === null ? '-' : (ms / 1000).toFixed(2));

const result = {
  mode,
  clients,
  seconds: Number(elapsed.toFixed(1)),
  acknowledged: acked.size,
  throughputPerSecond: Number((acked.size / elapsed).toFixed(1)),
  latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: pct(100) },
  statuses: Object.fromEntries(statuses),
  unexpectedBodies: Object.fromEntries(oddBodies),
  timeouts,
  otherErrors,
  fivexx,
  fivexxOtherThanClear503: non503,
  unexpectedStatuses: unexpected,
  rowsInDb: rows.length,
  missingAcknowledged: missing,
  storedButNeverAcknowledged: unacked,
  duplicatedKeys,
  uniqueReferences: uniqueRefs === acked.size,
  retriedSubmissions: retried.size,
  retriedPresentExactlyOnce: retriedPresentOnce,
  outageSeconds: killedAt ? s(last503 !== null ? last503 - killedAt : 0) : '-',
  healthBackAfterSeconds: killedAt ? s(healthBackAt - killedAt) : '-',
  firstAckAfterKillSeconds: killedAt ? s(firstAckAfterKill === null ? null : firstAckAfterKill - killedAt) : '-',
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; load before: ${load}; after: ${uptimeLoad()}`,
};
console.log(JSON.stringify(result, null, 2));

const ok =
  result.missingAcknowledged === 0 &&
  result.storedButNeverAcknowledged === 0 &&
  result.duplicatedKeys === 0 &&
  result.uniqueReferences &&
  result.timeouts === 0 &&
  result.fivexxOtherThanClear503 === 0 &&
  result.unexpectedStatuses === 0 &&
  (mode !== 'load' || result.fivexx === 0) &&
  rows.length === acked.size;
console.log(ok ? 'PASS: nothing lost, nothing duplicated.' : 'FAIL');
process.exit(ok ? 0 : 1);

function uptimeLoad() {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/.*load average: /, '');
  } catch {
    return os.loadavg().map((n) => n.toFixed(2)).join(', ');
  }
}
