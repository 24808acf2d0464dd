// What reading the policy as data costs the database: `IRTIQAA_PORT_OFFSET=3000 npx node bench/backend/policy-data.mjs`.
// Times, inside PostgreSQL (clock_timestamp around a loop, so neither the network nor the client
// counts), one submit_support_request (the decision window, the checked lists, the idempotency
// look-up) and one workflow move (transition_request through the update trigger, which reads
// internal.request_transitions and internal.request_statuses), on a stack of its own. Prints one
// Markdown row per measurement: median and spread of the rounds, in microseconds per call, and,
// where the workflow tables exist, what the trigger's reads of them cost alone.
// Run it on two checkouts to compare them (bench/backend/POLICY-DATA.md records such a run).
import pg from 'pg';
import { startOwnStack } from '../lib/stack.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('--rounds', 7);
const SUBMISSIONS = arg('--submissions', 400);
const WALKS = arg('--walks', 100);
const offset = Number(process.env.IRTIQAA_PORT_OFFSET ?? 3000);

const OFFICER = '5e1a0000-0000-4000-8000-000000000001';
const AUTHORITY = '5e1a0000-0000-4000-8000-000000000003';
// The main path and who moves each step (the seed's demo officer and authority).
const WALK = [
  ['under_review', OFFICER], ['pending_decision', OFFICER], ['accepted', AUTHORITY],
  ['registered', OFFICER], ['service_delivered', OFFICER], ['closed', OFFICER],
];

// µs per submission: `n` valid applications with their own mobiles, in one transaction.
const submissions = (round, n) => `
  do $$
  declare started timestamptz := clock_timestamp();
  begin
    for i in 1..${n} loop
      perform public.submit_support_request('محمد عبدالله القحطاني', '1000000008',
        '05' || lpad((${round * n} + i)::text, 8, '0'), '', 'الرياض', 'student', 'tutoring',
        'أحتاج إلى دعم في مادة الرياضيات للصف الثالث المتوسط', 'phone', 'ar', true, true, 'bench', gen_random_uuid());
    end loop;
    perform set_config('bench.us', (extract(epoch from clock_timestamp() - started) * 1e6 / ${n})::text, true);
  end $$;
  select current_setting('bench.us')::float8 as us`;

// µs per move: `n` fresh requests, each walked along the main path by the role that may.
const walks = (n) => `
  do $$
  declare
    ids uuid[];
    started timestamptz;
    moves constant text[][] := array[${WALK.map(([to, who]) => `['${to}', '${who}']`).join(', ')}];
  begin
    select array_agg(r.id) into ids from (
      select id from public.support_requests where status = 'submitted' and accuracy_declaration_version = 'bench' limit ${n}) r;
    started := clock_timestamp();
    for i in 1..array_length(ids, 1) loop
      for m in 1..array_length(moves, 1) loop
        perform set_config('request.jwt.claims', json_build_object('sub', moves[m][2], 'role', 'authenticated')::text, true);
        perform public.transition_request(ids[i], moves[m][1]::public.request_status, 'bench');
      end loop;
    end loop;
    perform set_config('bench.us', (extract(epoch from clock_timestamp() - started) * 1e6 / (array_length(ids, 1) * array_length(moves, 1)))::text, true);
  end $$;
  select current_setting('bench.us')::float8 as us`;

// µs for what the trigger reads per move: the move's row and the two statuses' rows.
const dataReads = (n) => `
  do $$
  declare started timestamptz := clock_timestamp(); move internal.request_transitions; s internal.request_statuses;
  begin
    for i in 1..${n} loop
      select * into move from internal.request_transitions t where t.from_status = 'under_review' and t.to_status = 'pending_decision';
      select * into s from internal.request_statuses r where r.status = 'under_review';
      select * into s from internal.request_statuses r where r.status = 'pending_decision';
    end loop;
    perform set_config('bench.us', (extract(epoch from clock_timestamp() - started) * 1e6 / ${n})::text, true);
  end $$;
  select current_setting('bench.us')::float8 as us`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (what, xs) =>
  `| ${what} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} | ${xs.length} |`;

const stack = await startOwnStack({ offset, durable: false });
const db = new pg.Client({ connectionString: stack.dbUrl });
try {
  await db.connect();
  const submit = [];
  const move = [];
  const reads = [];
  const hasWorkflowData = (await db.query(`select to_regclass('internal.request_transitions') is not null as yes`)).rows[0].yes;
  for (let round = 1; round <= ROUNDS; round++) {
    submit.push((await db.query(submissions(round, SUBMISSIONS)))[1].rows[0].us);
    move.push((await db.query(walks(WALKS)))[1].rows[0].us);
    if (hasWorkflowData) reads.push((await db.query(dataReads(10_000)))[1].rows[0].us);
  }
  console.log('| call (inside PostgreSQL) | µs per call, median | range | rounds |');
  console.log('| --- | --- | --- | --- |');
  console.log(row(`submit_support_request (${SUBMISSIONS} per round)`, submit));
  console.log(row(`transition_request, one move (${WALKS} requests x ${WALK.length} moves per round)`, move));
  if (hasWorkflowData) console.log(row('of which: the trigger reading its move and two statuses (10,000 per round)', reads));
} finally {
  await db.end();
  await stack.stop();
}
