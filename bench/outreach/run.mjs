// Outreach bench (issue 13): messages drained by the notify function through the local SMTP inbox,
// on a stack of its own. Every message is caused by a database change (a staff message written
// into a request's history: the same trigger every moment goes through), sent as an SMS (to the
// inbox, as locally every SMS is) or an email, half and half. Results go to bench/outreach/RESULTS.md.
//   IRTIQAA_PORT_OFFSET=7400 npx node bench/outreach/run.mjs [--messages 10000] [--steady 3000] [--rate 50] [--lanes 2] [--kills 2]
// Phases:
//   burst   all messages queued by one transaction: how fast the outbox drains (messages/s), and
//           the lag each message waited (queueing included);
//   steady  changes arriving at --rate messages/s, as a busy day would bring them: the lag from
//           the change to the inbox, p50/p95, with the default schedule (a wake on every change,
//           a call every minute);
//   kill    the burst again, with the function's Deno process SIGKILLed --kills times: lost
//           messages (must be 0) and duplicates (at most one per kill and lane), counted in the inbox.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startOwnStack } from '../lib/stack.mjs';
import { serveTemplates } from '../../tests/support/published-templates.ts';
import { LOCAL_SERVICE_ROLE_KEY } from '../../supabase/local/keys.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const MESSAGES = Number(arg('messages', 10_000));
const STEADY = Number(arg('steady', 3_000));
const RATE = Number(arg('rate', 50));
const LANES = Number(arg('lanes', 2)); // the function's default (supabase/functions/_shared/outreach/lanes.ts)
const KILLS = Number(arg('kills', 2));
const REQUESTS = 100;
const offset = Number(process.env.IRTIQAA_PORT_OFFSET ?? 7400);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => console.log(`[bench] ${line}`);

const templatePort = 7000 + (offset % 1000) + 11;
const templates = await serveTemplates(templatePort);
const envDir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-outreach-bench-'));
const envFile = path.join(envDir, 'functions.env');
await writeFile(envFile, `SITE_URL=http://127.0.0.1:${templatePort}\nNOTIFY_LANES=${LANES}\n`);
const stack = await startOwnStack({ offset, durable: false, env: { IRTIQAA_INBOX_MAX_EMAILS: String(MESSAGES * 3) }, args: ['--functions-env', envFile] });
const db = new pg.Client({ connectionString: stack.dbUrl });
await db.connect();
const q = async (text, values = []) => (await db.query(text, values)).rows;

async function inbox() {
  const response = await fetch(`${stack.inboxUrl}/api/email`);
  return response.json();
}
const clearInbox = () => fetch(`${stack.inboxUrl}/api/email/all`, { method: 'DELETE' });
const runNotify = () =>
  fetch(`${stack.apiUrl}/functions/v1/notify`, { method: 'POST', headers: { authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}` }, body: '{}' }).then((r) => r.text());

// 100 requests whose beneficiaries want SMS and email, made directly (their own history is not measured).
await q(`begin; set local session_replication_role = replica;
  insert into public.support_requests (reference, full_name, national_id, mobile, email, city, category, request_type, description,
    preferred_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at, privacy_consent,
    decision_due_from, decision_due_by)
  select internal.new_reference(), 'مستفيد تجريبي', '1000000008', '+9665' || lpad((70000000 + g)::text, 8, '0'), 'bench' || g || '@example.com',
         'الرياض', 'student', 'tutoring', 'طلب لقياس سرعة الرسائل، لا يصل منه شيء إلى الرسائل', 'phone', case when g % 2 = 0 then 'ar' else 'en' end,
         true, 'bench', now(), true, now() + interval '14 days', now() + interval '42 days'
    from generate_series(1, ${REQUESTS}) g;
  commit;`.replace(/\n/g, ' '));
await q(`insert into public.contact_preferences (request_id, sms, email) select id, true, true from public.support_requests where accuracy_declaration_version = 'bench'`);
// The seed's overdue requests get their apologies first, and are not counted.
await q(`update internal.overdue_sweeps set swept_at = now() + interval '1 day'`);

/** Writes `events` staff messages (two messages each) in one transaction; answers when it committed. */
async function queueMessages(phase, from, events) {
  await q(`insert into public.request_events (request_id, kind, code, note, message_moment)
    select r.id, 'message', 'staff_message', $1::text || '-' || g, 'staff_message'
      from generate_series($2::int, $3::int) g
      join lateral (select id from public.support_requests where accuracy_declaration_version = 'bench' order by id offset (g % ${REQUESTS}) limit 1) r on true`,
    [phase, from, from + events - 1]);
  return Date.now();
}

async function phaseRows(phase) {
  return q(`select o.id::text, o.state, o.channel, extract(epoch from o.created_at) * 1000 as created, extract(epoch from o.sent_at) * 1000 as sent
              from internal.outbox o join public.request_events e on e.id = o.event_id where e.note like $1`, [`${phase}-%`]);
}
async function waitAllSent(phase, expected, timeoutMs, onTick = async () => {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ sent }] = await q(`select count(*) filter (where o.state = 'sent')::int as sent from internal.outbox o join public.request_events e on e.id = o.event_id where e.note like $1`, [`${phase}-%`]);
    if (sent >= expected) return;
    if (Date.now() > deadline) throw new Error(`${phase}: ${sent} of ${expected} sent after ${timeoutMs / 1000} s`);
    await onTick(sent);
    await sleep(250);
  }
}
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
async function inboxCount(rows) {
  const ids = new Set(rows.map((r) => r.id));
  const counts = new Map();
  for (const message of await inbox()) {
    const id = message.headers?.['x-irtiqaa-message'];
    if (ids.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { received: counts.size, lost: ids.size - counts.size, duplicates: [...counts.values()].reduce((a, c) => a + c - 1, 0) };
}
function lagSummary(rows) {
  const lags = rows.map((r) => (r.sent - r.created) / 1000);
  const first = Math.min(...rows.map((r) => r.created));
  const last = Math.max(...rows.map((r) => r.sent));
  return { count: rows.length, seconds: (last - first) / 1000, perSecond: rows.length / ((last - first) / 1000), p50: percentile(lags, 50), p95: percentile(lags, 95), max: Math.max(...lags) };
}

const results = {};
let eventSeq = 0;

// Warm-up: Deno and maildev start on their first use.
await queueMessages('warmup', ++eventSeq, 5);
eventSeq += 5;
await waitAllSent('warmup', 10, 120_000);
await clearInbox();

log(`burst: ${MESSAGES} messages in one transaction, ${LANES} lane(s)`);
await queueMessages('burst', eventSeq, MESSAGES / 2);
eventSeq += MESSAGES / 2;
await waitAllSent('burst', MESSAGES, 900_000);
const burstRows = await phaseRows('burst');
results.burst = { ...lagSummary(burstRows), ...(await inboxCount(burstRows)) };
log(JSON.stringify(results.burst));
await clearInbox();

log(`steady: ${STEADY} messages arriving at ${RATE}/s`);
const started = Date.now();
for (let made = 0; made < STEADY; made += 2) {
  // One change a tick, each writing two messages.
  await queueMessages('steady', eventSeq++, 1);
  const due = started + ((made + 2) / RATE) * 1000;
  if (due > Date.now()) await sleep(due - Date.now());
}
await waitAllSent('steady', STEADY, 600_000);
const steadyRows = await phaseRows('steady');
results.steady = { rate: RATE, ...lagSummary(steadyRows), ...(await inboxCount(steadyRows)) };
log(JSON.stringify(results.steady));
await clearInbox();

if (KILLS > 0) {
  log(`kill: ${MESSAGES} messages, the function SIGKILLed ${KILLS} times`);
  await queueMessages('kill', eventSeq, MESSAGES / 2);
  eventSeq += MESSAGES / 2;
  const killAt = Array.from({ length: KILLS }, (_, i) => Math.floor((MESSAGES * (i + 1)) / (KILLS + 1)));
  const killed = [];
  await waitAllSent('kill', MESSAGES, 1_500_000, async (sent) => {
    if (killed.length < KILLS && sent >= killAt[killed.length]) {
      const pid = stack.childPid('deno', '/functions/notify/');
      process.kill(pid, 'SIGKILL');
      killed.push({ at: sent, pid, time: Date.now() });
      log(`killed the notify function (pid ${pid}) after ${sent} sent`);
    }
  });
  const killRows = await phaseRows('kill');
  results.kill = { kills: killed.length, killedAfter: killed.map((k) => k.at), ...lagSummary(killRows), ...(await inboxCount(killRows)) };
  log(JSON.stringify(results.kill));
}

const [{ load }] = await q(`select 1 as load`).then(() => [{ load: os.loadavg().map((n) => n.toFixed(2)).join(' ') }]);
results.machine = { cpus: os.cpus().length, loadAfter: load, lanes: LANES, node: process.version };
console.log(JSON.stringify(results, null, 2));

await db.end();
await stack.stop();
await templates.close();
await rm(envDir, { recursive: true, force: true });
