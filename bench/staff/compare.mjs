// Before and after a migration of the workspace, side by side in one run, in the database itself
// (no gateway or PostgREST): each workspace call as the demo officer (the supervisor for the team
// load), timed by a loop in PL/pgSQL, alternately with the current definitions and, inside a
// transaction rolled back at the end, with the ones before it (functions read from the migration
// files that made them, the indexes as they were). BEFORE below is the state before
// 20261202150000_workspace_rows_and_load.sql; the run before 20261202110000_workspace_scale.sql is
// recorded in RESULTS.md. (That migration's export change shows only end to end, where pooled
// connections switch to PL/pgSQL's generic plan: RESULTS.md.)
// `npx node bench/staff/compare.mjs --offset 4500 [--runs 15] [--rounds 2]`: against a running
// stack whose database holds the generated requests (bench/staff/generate.sql).
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { portsFor } from '../../config/ports.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const migrations = path.resolve(here, '../../supabase/migrations');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const OFFSET = arg('--offset', 4500);
const RUNS = arg('--runs', 15);
const ROUNDS = arg('--rounds', 2);
// The seed's officer and supervisor, each with a live aal2 session of its own.
const MEMBERS = {
  officer: { sub: '5e1a0000-0000-4000-8000-000000000001', session_id: 'c0a1e000-0000-4000-8000-000000000001' },
  supervisor: { sub: '5e1a0000-0000-4000-8000-000000000002', session_id: 'c0a1e000-0000-4000-8000-000000000002' },
};
const OFFICER = MEMBERS.officer.sub;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

/** A landed migration's `create [or replace] function <name>` statement, as `create or replace`. */
async function landedFunction(file, name) {
  const sql = await readFile(path.join(migrations, file), 'utf8');
  const start = [`create function ${name}(`, `create or replace function ${name}(`].map((s) => sql.indexOf(s)).find((i) => i >= 0);
  if (start === undefined) throw new Error(`${name} not found in ${file}`);
  const end = sql.indexOf('$$;', sql.indexOf(' as $$', start) + 6) + 3;
  return sql.slice(start, end).replace(/^create (or replace )?function/, 'create or replace function');
}

const BEFORE = async () => [
  await landedFunction('20261202100000_masking.sql', 'internal.queue_row'),
  await landedFunction('20261202110000_workspace_scale.sql', 'internal.has_open_duplicate'),
  await landedFunction('20261202110000_workspace_scale.sql', 'public.my_work'),
  await landedFunction('20261202110000_workspace_scale.sql', 'public.queue_requests'),
  await landedFunction('20261201170500_workspace_my_work.sql', 'public.staff_load'),
  await landedFunction('20261202130000_masked_request_key.sql', 'internal.masked_request'),
  await landedFunction('20261202100000_masking.sql', 'public.search_requests'),
  'drop index public.support_requests_created_id_idx, public.support_requests_category_channel_due_idx',
  'create index support_requests_created_idx on public.support_requests (created_at)',
  'create index support_requests_category_idx on public.support_requests (category)',
];

const TIMER = `create or replace function pg_temp.timed(q text, n int) returns float8[] language plpgsql as $$
declare t timestamptz; ms float8[] := '{}'; ignored text;
begin
  for i in 1..n loop
    t := clock_timestamp();
    execute q into ignored;
    ms := ms || extract(epoch from clock_timestamp() - t) * 1000;
  end loop;
  return ms;
end $$`;

async function main() {
  const db = new pg.Client(`postgres://postgres:postgres@127.0.0.1:${portsFor(OFFSET).db}/postgres`);
  await db.connect();
  const { rows: [sample] } = await db.query(`select reference, national_id, mobile, full_name from public.support_requests
    where status = 'under_review' and accuracy_declaration_version = 'bench' order by created_at desc limit 1`);
  if (!sample) throw new Error('no generated requests here: run bench/staff/generate.sql first');
  const [first, , family] = sample.full_name.split(' ');
  const bare = family.replace(/^ال/, '').replace(/[أإآ]/g, 'ا');
  const q = (args) => `select public.queue_requests(${args})`;
  const lit = (s) => `'${s.replaceAll("'", "''")}'`;
  const calls = [
    ['default: open requests, soonest decision first', q('')],
    ['status = escalated (rare)', q(`p_status => 'escalated'`)],
    ['status = closed (most requests)', q(`p_status => 'closed'`)],
    ['every request, open or closed', q(`p_scope => 'all'`)],
    ['overdue', q(`p_deadline => 'overdue'`)],
    ['due soon (7 days)', q(`p_deadline => 'due_soon'`)],
    ['category = parent', q(`p_category => 'parent'`)],
    ['intake channel = phone', q(`p_intake_channel => 'phone'`)],
    ['every request, category + channel', q(`p_scope => 'all', p_category => 'parent', p_intake_channel => 'phone'`)],
    ['assigned to me', q(`p_assigned_to => '${OFFICER}'`)],
    ['assigned to nobody', q('p_unassigned => true')],
    ['sorted by name', q(`p_sort => 'full_name'`)],
    ['sorted by status', q(`p_sort => 'status'`)],
    ['every request by name, page 40', q(`p_scope => 'all', p_sort => 'full_name', p_offset => 975`)],
    ['whole reference', q(`p_search => ${lit(sample.reference.toLowerCase())}, p_scope => 'all'`)],
    ['last 6 digits of a mobile', q(`p_search => ${lit(sample.mobile.slice(-6))}, p_scope => 'all'`)],
    [`first and family name ("${first} ${family}")`, q(`p_search => ${lit(`${first} ${family}`)}, p_scope => 'all'`)],
    [`family name ("${bare}")`, q(`p_search => ${lit(bare)}, p_scope => 'all'`)],
    ['a common first name ("محمد")', q(`p_search => 'محمد', p_scope => 'all'`)],
    ['my work (the demo officer)', 'select public.my_work()'],
    ['team load (staff_load, the supervisor)', 'select jsonb_agg(l) from public.staff_load() l', 'supervisor'],
    [`search_requests() as PostgREST asks it ("${first} ${family}", not closed, newest first, 25, counted)`,
      `select jsonb_build_object('total', (select count(*) from public.search_requests(${lit(`${first} ${family}`)}) s where s.status <> 'closed'),
         'page', (select jsonb_agg(p) from (select s.id, s.reference, s.status, s.created_at from public.search_requests(${lit(`${first} ${family}`)}) s
                   where s.status <> 'closed' order by s.created_at desc limit 25) p))`],
    ['request page: the request and its duplicate flag', `select jsonb_build_object('id', r.id, 'status', r.status, 'possible_duplicate', public.request_possible_duplicate(r.id)) from public.support_requests r where r.reference = ${lit(sample.reference)}`],
  ];

  for (const { sub, session_id } of Object.values(MEMBERS)) {
    await db.query(`insert into auth.sessions (id, user_id, created_at, updated_at, aal) values ($1, $2, now(), now(), 'aal2') on conflict (id) do nothing`, [session_id, sub]);
  }
  const actAs = (who) => db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ ...MEMBERS[who], role: 'authenticated', aal: 'aal2' })]);
  await db.query(TIMER);
  const samples = { before: calls.map(() => []), after: calls.map(() => []) };
  const measure = async (which) => {
    await db.query('set role authenticated');
    for (const [i, [, sql, who = 'officer']] of calls.entries()) {
      await actAs(who);
      const { rows: [{ ms }] } = await db.query('select pg_temp.timed($1, $2) as ms', [sql, RUNS]);
      samples[which][i].push(...ms.slice(1)); // the first call of each block plans and warms up
    }
    await db.query('reset role');
  };
  const before = await BEFORE();
  const loadAtStart = load();
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`[bench:staff:compare] round ${round + 1}: after`);
    await measure('after');
    console.log(`[bench:staff:compare] round ${round + 1}: before`);
    await db.query('begin');
    for (const statement of before) await db.query(statement);
    await measure('before');
    await db.query('rollback');
  }
  await db.end();

  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  };
  const cell = (xs) => `${pct(xs, 0.5).toFixed(1)} | ${pct(xs, 0.95).toFixed(1)}`;
  const table = calls.map(([label], i) => `| ${label} | ${cell(samples.before[i])} | ${cell(samples.after[i])} |`).join('\n');
  console.log(`Load average (1 / 5 / 15 min): ${loadAtStart} at the start, ${load()} at the end; ${ROUNDS} rounds of ${RUNS - 1} timed calls each.

| call (in the database) | before p50 | before p95 | after p50 | after p95 |
|---|---:|---:|---:|---:|
${table}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
