// The staff queue as the island asks for it, end to end (supabase-js → gateway → PostgREST →
// Postgres with RLS), signed in as the demo officer, with 100,000 requests loaded.
// `IRTIQAA_PORT_OFFSET=6000 npx node bench/staff/queue.mjs [--rows 100000] [--runs 20]`
// Starts its own ephemeral stack and writes bench/staff/RESULTS.md.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { createClient } from '@supabase/supabase-js';
import { apiUrl, ports } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 100_000);
const RUNS = arg('--runs', 20);
const log = (...m) => console.log('[bench:staff]', ...m);

/** The island's own query builder (src/api/queue-query.ts), bundled for Node. */
async function loadQueueQuery() {
  const out = await build({
    entryPoints: [path.join(root, 'src/api/queue-query.ts')],
    bundle: true, format: 'esm', platform: 'node', write: false, external: ['@supabase/supabase-js'],
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

async function startStack() {
  if (await fetch(`${apiUrl}/health`).then(() => true, () => false)) throw new Error(`${apiUrl} is taken: choose another IRTIQAA_PORT_OFFSET`);
  const child = spawn(process.execPath, ['supabase/local/stack.mjs', '--ephemeral'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stack exited: ${out}`);
    if (await fetch(`${apiUrl}/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function loadRequests(db) {
  const t0 = performance.now();
  // Spread over a year, every status, a tenth of them overdue-looking, distinct names and mobiles.
  await db.query(`
    insert into public.support_requests (reference, created_at, full_name, national_id, mobile, city, category, request_type,
      description, preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at,
      privacy_consent, status, decision_due_from, decision_due_by, decided_at, decision_note)
    select internal.new_reference(), t,
           (array['أحمد','فاطمة','خالد','نورة','سعد','ريم','Omar'])[1 + n % 7] || ' ' ||
           (array['محمد','عبدالله','علي','سلمان','ناصر','حسن','فهد','يوسف','إبراهيم','صالح','Ali'])[1 + (n / 7) % 11] || ' ' ||
           (array['القحطاني','العتيبي','الشهري','الغامدي','الحربي','الدوسري','المطيري','الزهراني','العنزي','السبيعي','الشمري','البقمي','Haddad'])[1 + (n / 77) % 13],
           '1000000008', '+9665' || lpad((10000000 + n)::text, 8, '0'), 'جدة',
           (enum_range(null::public.beneficiary_category))[1 + n % 5], 'tutoring',
           'طلب محمل لقياس الأداء: دعم دراسي لطالبين في المرحلة المتوسطة', 'website',
           (array['website','phone','interview','letter'])[1 + n % 4]::public.channel, 'ar', true, 'bench', t, true,
           s, t + w.opens_after, t + w.closes_after,
           case when s in ('accepted','rejected','registered','service_delivered','closed') then least(t + interval '30 days', now()) end,
           case when s = 'rejected' then 'reason' end
      from (select n, now() - (n % 365) * interval '1 day' - (n % 1440) * interval '1 minute' as t,
                   (enum_range(null::public.request_status))[1 + (n * 7) % 10] as s
              from generate_series(1, $1) n) rows, internal.decision_window() w`, [ROWS]);
  await db.query('analyze');
  return (performance.now() - t0) / 1000;
}

async function time(label, runs, fn) {
  const ms = [];
  let rows = null;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    rows = await fn();
    if (i >= 2) ms.push(performance.now() - t0); // two warm-up calls
  }
  ms.sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  const result = { label, p50: pct(0.5), p95: pct(0.95), max: ms[ms.length - 1], rows };
  log(`${label}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (${rows})`);
  return result;
}

async function main() {
  const { fetchQueuePage, EMPTY_FILTERS } = await loadQueueQuery();
  log(`starting a fresh stack on ${apiUrl}...`);
  const stack = await startStack();
  const db = new pg.Client(`postgres://postgres:postgres@127.0.0.1:${ports.db}/postgres`);
  await db.connect();
  try {
    log(`loading ${ROWS} requests...`);
    const loadSeconds = await loadRequests(db);
    const { rows: [{ total }] } = await db.query('select count(*)::int as total from public.support_requests');
    const supabase = createClient(apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false } });
    const { data: auth, error } = await supabase.auth.signInWithPassword({ email: 'officer@irtiqaa.local', password: 'demo-officer-2026' });
    if (error) throw error;
    const me = auth.user.id;
    const { data: sample } = await supabase.from('support_requests').select('reference, full_name, mobile').eq('status', 'under_review').limit(1).single();

    const page = (filters) => async () => {
      const { data, count, error: e } = await fetchQueuePage(supabase, { ...EMPTY_FILTERS, ...filters }, me, 0);
      if (e) throw new Error(e.message);
      return `${data.length} rows of ${count}`;
    };
    const results = [];
    results.push(await time('first page, default sort (decision deadline), exact count', RUNS, page({})));
    results.push(await time('status = under_review', RUNS, page({ status: 'under_review' })));
    results.push(await time('overdue', RUNS, page({ deadline: 'overdue' })));
    results.push(await time('due soon (7 days)', RUNS, page({ deadline: 'due_soon' })));
    results.push(await time('category + intake channel', RUNS, page({ category: 'parent', channel: 'phone' })));
    results.push(await time('assigned to me', RUNS, page({ mine: true })));
    results.push(await time('search: reference', RUNS, page({ search: sample.reference })));
    results.push(await time('search: name', RUNS, page({ search: sample.full_name })));
    results.push(await time('search: mobile (05…)', RUNS, page({ search: `0${sample.mobile.slice(4)}` })));
    results.push(await time('status counts (10 HEAD count requests in parallel)', RUNS, async () => {
      const statuses = ['submitted', 'under_review', 'needs_info', 'escalated', 'pending_decision', 'accepted', 'rejected', 'registered', 'service_delivered', 'closed'];
      const counts = await Promise.all(statuses.map((s) => supabase.from('support_requests').select('id', { count: 'exact', head: true }).eq('status', s)));
      return `${counts.reduce((n, c) => n + (c.count ?? 0), 0)} counted`;
    }));

    const table = results.map((r) => `| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.rows} |`).join('\n');
    const md = `# Staff queue, end to end

\`IRTIQAA_PORT_OFFSET=6000 npx node bench/staff/queue.mjs --rows ${ROWS} --runs ${RUNS}\`, ${new Date().toISOString().slice(0, 16)}Z,
${os.cpus().length} cores (shared with other work), Node ${process.version}.

${total.toLocaleString('en')} requests in the table (${ROWS.toLocaleString('en')} loaded in ${loadSeconds.toFixed(1)} s, plus the seed).
Each line is the island's own query (\`src/api/queue-query.ts\`, bundled), sent by
supabase-js signed in as the demo officer (RLS on), through the gateway and PostgREST; one client,
${RUNS} calls after 2 warm-up calls. Times in ms.

| query (first page of 25) | p50 | p95 | max | result |
|---|---:|---:|---:|---|
${table}
`;
    await writeFile(path.join(here, 'RESULTS.md'), md);
    log('wrote bench/staff/RESULTS.md');
  } finally {
    await db.end();
    stack.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
