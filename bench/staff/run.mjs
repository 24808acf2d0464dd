// The staff workspace at a million requests, end to end (supabase-js → gateway → PostgREST →
// Postgres), each call as the workspace makes it (the argument builders of src/api, bundled).
// `npx node bench/staff/run.mjs [--rows 1000000] [--runs 40] [--offset 7500] [--keep <dir>]`
// Starts a stack of its own, generates the requests and their history in SQL (generate.sql), and
// writes bench/staff/RESULTS.md. With `--keep <dir>` the database lives in that folder between runs
// and is generated only once (a later run applies the migrations new since, then measures).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 1_000_000);
const RUNS = arg('--runs', 40);
const OFFSET = arg('--offset', 7500);
const KEEP = (() => {
  const i = process.argv.indexOf('--keep');
  return i > 0 ? process.argv[i + 1] : undefined;
})();
const EXPORT_ROWS = Math.min(100_000, ROWS / 10);
process.env.IRTIQAA_PORT_OFFSET = String(OFFSET);
const log = (...m) => console.log('[bench:staff]', ...m);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

/** The workspace's own argument builders and export reader, and the test suite's staff client, bundled for Node. */
async function workspaceModules() {
  const out = await build({
    stdin: {
      contents: `export { queueArguments } from './src/api/queue-query.ts';
        export { exportRows } from './src/api/export.ts';
        export { REQUEST_COLUMNS } from './src/api/request-columns.ts';
        export { csvHeader, csvLines } from './src/lib/csv.ts';
        export { DEFAULT_QUEUE_VIEW } from './src/schemas/queue-view.ts';
        export { clientAs, seededStaffByRole } from './tests/db/support/staff-clients.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    // Packages stay imports (pg, supabase-js, ...): only the project's own modules are bundled.
    bundle: true, format: 'esm', platform: 'node', write: false, packages: 'external',
  });
  // Written inside the project, so the bundle's package imports resolve from its node_modules.
  const file = path.join(root, 'node_modules', '.cache', 'bench-staff-workspace.mjs');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

async function time(label, runs, fn) {
  const ms = [];
  let result = '';
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    result = await fn();
    if (i >= 2) ms.push(performance.now() - t0); // two warm-up calls
  }
  ms.sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
  const line = { label, p50: pct(0.5), p95: pct(0.95), max: ms[ms.length - 1], result };
  log(`${label}: p50 ${line.p50.toFixed(1)} ms, p95 ${line.p95.toFixed(1)} ms (${result})`);
  return line;
}

const must = ({ data, error, count }) => {
  if (error) throw new Error(JSON.stringify(error));
  return { data, count };
};

async function main() {
  const { startOwnStack } = await import('../lib/stack.mjs');
  const started = new Date();
  const loadAtStart = load();
  log(`starting a stack of its own (offset ${OFFSET})...`);
  const stack = await startOwnStack({ offset: OFFSET, durable: Boolean(KEEP), keepIn: KEEP });
  const db = new pg.Client(stack.dbUrl);
  await db.connect();
  try {
    const { rows: [kept] } = await db.query(`select count(*)::int as rows from public.support_requests where accuracy_declaration_version = 'bench'`);
    // A kept database made for this size (a request or two fewer: see README) is measured as it is.
    const generate = kept.rows === 0;
    if (!generate && Math.abs(kept.rows - ROWS) > ROWS * 0.001) throw new Error(`${KEEP} holds ${kept.rows} generated requests, not ${ROWS}: remove it or pass its --rows`);
    let generated = null;
    const t0 = performance.now();
    if (generate) {
      log(`generating ${ROWS.toLocaleString('en')} requests and their history in SQL...`);
      await db.query(`set bench.rows = ${ROWS}`);
      await db.query(await readFile(path.join(here, 'generate.sql'), 'utf8'));
      generated = (performance.now() - t0) / 1000;
    } else log(`measuring the ${kept.rows.toLocaleString('en')} requests kept in ${KEEP}`);
    const t1 = performance.now();
    await db.query('vacuum analyze public.support_requests');
    await db.query('vacuum analyze public.request_events');
    const vacuumed = (performance.now() - t1) / 1000;
    const { rows: [sizes] } = await db.query(`select (select count(*) from public.support_requests)::int as requests,
        (select count(*) from public.request_events)::int as events,
        (select count(*) from public.support_requests where status not in ('closed', 'rejected'))::int as open,
        pg_size_pretty(pg_total_relation_size('public.support_requests')) as table_size`);
    log(generated === null ? 'kept:' : `generated in ${generated.toFixed(0)} s (+ ${vacuumed.toFixed(0)} s vacuum analyze):`, sizes);
    const loadAfterGeneration = load();

    const m = await workspaceModules();
    const staff = await m.seededStaffByRole();
    const officer = m.clientAs(staff.officer);
    const supervisor = m.clientAs(staff.supervisor);
    const { rows: [sample] } = await db.query(`select reference, national_id, mobile, full_name from public.support_requests
      where status = 'under_review' and accuracy_declaration_version = 'bench' order by created_at desc limit 1`);
    const [first, , family] = sample.full_name.split(' ');

    const queue = (view, client = officer, me = staff.officer) => async () => {
      const { data } = must(await client.rpc('queue_requests', m.queueArguments({ ...m.DEFAULT_QUEUE_VIEW, ...view }, me)));
      return `${data.rows.length} rows of ${data.total_estimated ? 'about ' : ''}${data.total}`;
    };
    const lines = [];
    const section = (title) => lines.push({ section: title });
    section('The queue (queue_requests: one page of 25 and its total)');
    lines.push(await time('default: open requests, soonest decision first', RUNS, queue({})));
    lines.push(await time('status = escalated (rare)', RUNS, queue({ status: 'escalated' })));
    lines.push(await time('status = closed (most requests)', RUNS, queue({ status: 'closed' })));
    lines.push(await time('every request, open or closed', RUNS, queue({ scope: 'all' })));
    lines.push(await time('overdue', RUNS, queue({ deadline: 'overdue' })));
    lines.push(await time('due soon (7 days)', RUNS, queue({ deadline: 'due_soon' })));
    lines.push(await time('category = parent', RUNS, queue({ category: 'parent' })));
    lines.push(await time('intake channel = phone', RUNS, queue({ channel: 'phone' })));
    lines.push(await time('every request, channel = volunteer service (none)', RUNS, queue({ scope: 'all', channel: 'volunteer_service' })));
    lines.push(await time('every request, category + channel', RUNS, queue({ scope: 'all', category: 'parent', channel: 'phone' })));
    lines.push(await time('assigned to me', RUNS, queue({ assignee: 'me' })));
    lines.push(await time('assigned to nobody', RUNS, queue({ assignee: 'none' })));
    lines.push(await time('sorted by name', RUNS, queue({ sort: 'full_name' })));
    lines.push(await time('sorted by submission, newest first', RUNS, queue({ sort: 'created_at', desc: true })));
    lines.push(await time('sorted by status', RUNS, queue({ sort: 'status' })));
    lines.push(await time('every request by name, page 40', RUNS, queue({ scope: 'all', sort: 'full_name', page: 40 })));
    section('Search (every request, open or closed)');
    lines.push(await time(`whole reference, typed in lower case`, RUNS, queue({ q: sample.reference.toLowerCase() })));
    lines.push(await time('whole national ID', RUNS, queue({ q: sample.national_id })));
    lines.push(await time('whole mobile (05…)', RUNS, queue({ q: `0${sample.mobile.slice(4)}` })));
    lines.push(await time('last 6 digits of a mobile (matches reference codes only: numbers are found whole)', RUNS, queue({ q: sample.mobile.slice(-6) })));
    lines.push(await time(`first and family name ("${first} ${family}")`, RUNS, queue({ q: `${first} ${family}` })));
    lines.push(await time(`family name, without its article and hamza ("${family.replace(/^ال/, '').replace(/[أإآ]/g, 'ا')}")`, RUNS, queue({ q: family.replace(/^ال/, '').replace(/[أإآ]/g, 'ا') })));
    lines.push(await time(`a common first name alone ("محمد")`, RUNS, queue({ q: 'محمد' })));
    lines.push(await time(`search_requests() through PostgREST (name, status filter, order, range, count)`, RUNS, async () => {
      const { data, count } = must(await officer.rpc('search_requests', { p_query: `${first} ${family}` }, { count: 'exact' })
        .select('id,reference,status,created_at').neq('status', 'closed').order('created_at', { ascending: false }).range(0, 24));
      return `${data.length} rows of ${count}`;
    }));
    section('The rest of the workspace');
    lines.push(await time('status counts (request_status_counts, one call)', RUNS, async () => {
      const { data } = must(await officer.rpc('request_status_counts'));
      return `${data.reduce((n, r) => n + Number(r.requests), 0)} counted`;
    }));
    lines.push(await time('my work (the demo officer)', RUNS, async () => {
      const { data } = must(await officer.rpc('my_work'));
      return `${data.counts.due} to do, ${data.counts.waiting} waiting, ${data.counts.came_back} came back`;
    }));
    lines.push(await time('team load (staff_load, the supervisor)', RUNS, async () => {
      const { data } = must(await supervisor.rpc('staff_load'));
      return `${data.length} rows`;
    }));
    const { rows: [opened] } = await db.query(`select id from public.support_requests where reference = $1`, [sample.reference]);
    lines.push(await time('request page (request, history, staff, same applicant)', RUNS, async () => {
      const [request, duplicate, events, members, same] = await Promise.all([
        officer.from('support_requests').select(m.REQUEST_COLUMNS).eq('id', opened.id).single(),
        officer.rpc('request_possible_duplicate', { p_request_id: opened.id }),
        officer.from('request_events').select('*, related_request:support_requests!request_events_related_request_id_fkey(reference)').eq('request_id', opened.id).order('created_at'),
        officer.from('staff').select('user_id, full_name, role, active').order('full_name'),
        officer.rpc('request_duplicates', { p_request_id: opened.id }),
      ]);
      for (const r of [request, duplicate, events, members, same]) must(r);
      return `${events.data.length} events, ${same.data.length} from the same applicant`;
    }));
    lines.push(await time('open requests of an applicant, at intake', RUNS, async () => {
      const { data } = must(await officer.rpc('open_requests_for_applicant', { p_national_id: sample.national_id, p_mobile: sample.mobile }));
      return `${data.length} open`;
    }));
    section('For comparison: the same filters as PostgREST filters on the table, under row-level security (5 calls)');
    lines.push(await time('status = escalated, by decision date, exact count', 5, async () => {
      const { data, count } = must(await officer.from('support_requests').select('id', { count: 'exact' }).eq('status', 'escalated').order('decision_due_by').range(0, 24));
      return `${data.length} rows of ${count}`;
    }));
    lines.push(await time(`name contains "${family}" (ilike), by decision date`, 5, async () => {
      const { data } = must(await officer.from('support_requests').select('id').ilike('full_name', `*${family}*`).order('decision_due_by').range(0, 24));
      return `${data.length} rows`;
    }));

    log(`exporting ${EXPORT_ROWS.toLocaleString('en')} requests to CSV...`);
    const { rows: [edge] } = await db.query('select created_at from public.support_requests order by created_at desc offset $1 limit 1', [EXPORT_ROWS - 1]);
    const columns = ['reference', 'created_at', 'status', 'full_name', 'national_id', 'mobile', 'email', 'city', 'category', 'request_type',
      'preferred_channel', 'intake_channel', 'locale', 'decision_due_from', 'decision_due_by', 'decided_at', 'assigned_to', 'description'];
    let bytes = Buffer.byteLength(m.csvHeader(columns));
    let chunks = 0;
    let largest = 0;
    const t2 = performance.now();
    const exported = await m.exportRows(officer, 'requests', { since: new Date(edge.created_at) }, (rows) => {
      bytes += Buffer.byteLength(m.csvLines(columns, rows));
      chunks += 1;
      largest = Math.max(largest, rows.length);
    });
    const exportSeconds = (performance.now() - t2) / 1000;
    log(`exported ${exported} rows in ${exportSeconds.toFixed(1)} s (${chunks} chunks, ${(bytes / 1e6).toFixed(1)} MB)`);

    const over = lines.filter((l) => l.p95 > 50 && !l.label.includes('(ilike)') && !l.label.includes('exact count'));
    const table = lines.map((l) => (l.section ? `| **${l.section}** | | | | |` : `| ${l.label} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.max.toFixed(1)} | ${l.result} |`)).join('\n');
    const md = `# The staff workspace at a million requests

\`npx node bench/staff/run.mjs --rows ${ROWS} --runs ${RUNS}${KEEP ? ' --keep …' : ''}\`, started ${started.toISOString().slice(0, 16)}Z,
${os.cpus().length} cores shared with other work, Node ${process.version}.
Load average (1 / 5 / 15 min): ${loadAtStart} at the start, ${loadAfterGeneration} after generating, ${load()} at the end.

${sizes.requests.toLocaleString('en')} requests (${sizes.open.toLocaleString('en')} open), ${sizes.events.toLocaleString('en')} history events, table and indexes ${sizes.table_size};
${generated === null ? `generated by \`generate.sql\` in an earlier run and kept (\`--keep\`), the migrations new since applied, then \`vacuum analyze\` in ${vacuumed.toFixed(0)} s.` : `generated in SQL by \`generate.sql\` in ${generated.toFixed(0)} s, then \`vacuum analyze\` in ${vacuumed.toFixed(0)} s.`}
Each line is the workspace's own call (the argument builders of \`src/api\`, bundled), made with supabase-js
as the demo staff member (\`clientAs\` of the test suite), through the gateway and PostgREST, one client,
${RUNS} calls after 2 warm-up calls. Times in ms; target: every interactive query at most 50 ms p95.

| call | p50 | p95 | max | result |
|---|---:|---:|---:|---|
${table}

**CSV export of ${EXPORT_ROWS.toLocaleString('en')} requests** (\`exportRows\`, as the Reports view reads it): ${exported.toLocaleString('en')} rows in
${exportSeconds.toFixed(1)} s (target 30 s), ${chunks} calls of at most ${largest} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV. Each chunk
becomes CSV text as it arrives and its rows are let go: the reader never holds more than ${largest} rows.

${over.length === 0 ? 'Every interactive call was within 50 ms at p95 in this run.' : `Over 50 ms at p95 in this run: ${over.map((l) => l.label).join('; ')}.`}
`;
    const previous = await readFile(path.join(here, 'RESULTS.md'), 'utf8').catch(() => '');
    const history = previous.includes('## Before') ? previous.slice(previous.indexOf('## Before')) : '';
    await writeFile(path.join(here, 'RESULTS.md'), `${md}\n${history}`);
    log('wrote bench/staff/RESULTS.md');
  } finally {
    await db.end();
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
