// What the staff session checks cost (issue 15): `IRTIQAA_PORT_OFFSET=7400 npx node bench/backend/session-checks.mjs`.
// On a stack of its own, signed in as the demo officer with both factors (real claims: aal2, a
// live session_id), times inside PostgreSQL the check every staff policy and function makes, before
// issue 15 (an active staff row) and now (that, plus the aal claim and the auth.sessions row), and a
// first queue page under RLS, where the check runs once per statement (an InitPlan), not per row.
// Prints Markdown rows; bench/backend/SESSION-CHECKS.md records a run.
import pg from 'pg';
import { startOwnStack } from '../lib/stack.mjs';
import { signInDemoStaff } from '../lib/demo-staff.mjs';

const ROUNDS = 7;
const CALLS = 20_000;
const PAGES = 50;
const offset = Number(process.env.IRTIQAA_PORT_OFFSET ?? 7400);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs, digits) => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;

const stack = await startOwnStack({ offset, durable: false });
const db = new pg.Client({ connectionString: stack.dbUrl });
try {
  await db.connect();
  const { claims } = await signInDemoStaff(stack.apiUrl, 'officer');
  const asOfficer = async (fn) => {
    await db.query('begin');
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
    try {
      return await fn();
    } finally {
      await db.query('rollback');
    }
  };
  const perCall = async (expression) => {
    const xs = [];
    for (let round = 0; round < ROUNDS; round++) {
      xs.push(await asOfficer(async () => {
        await db.query(`do $$ declare started timestamptz := clock_timestamp(); begin
          for i in 1..${CALLS} loop perform ${expression}; end loop;
          perform set_config('bench.us', (extract(epoch from clock_timestamp() - started) * 1e6 / ${CALLS})::text, true); end $$`);
        return Number((await db.query(`select current_setting('bench.us') as us`)).rows[0].us);
      }));
    }
    return xs;
  };
  // The helper as it was before issue 15 (20261128140100_staff.sql), beside the current one.
  await db.query(`create function pg_temp.is_active_staff_before() returns boolean
    language sql stable security definer set search_path = '' as $$
      select exists (select 1 from public.staff s where s.user_id = auth.uid() and s.active) $$`);
  const before = await perCall('pg_temp.is_active_staff_before()');
  const now = await perCall('internal.is_active_staff()');
  const session = await perCall('internal.has_two_factor_session()');
  const page = [];
  let plan = '';
  for (let i = 0; i < PAGES; i++) {
    page.push(await asOfficer(async () => {
      await db.query('set local role authenticated');
      const { rows } = await db.query(`explain (analyze, costs off, format json)
        select id, reference, status, decision_due_by from public.support_requests order by decision_due_by limit 25`);
      plan = JSON.stringify(rows[0]['QUERY PLAN'][0].Plan);
      return rows[0]['QUERY PLAN'][0]['Execution Time'];
    }));
  }
  const initPlans = (plan.match(/"Subplan Name":"InitPlan[^"]*"[^}]*?"Actual Loops":1/g) ?? []).length;
  console.log('| what (inside PostgreSQL, as the demo officer with both factors) | median | range | runs |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| internal.is_active_staff() before issue 15 (an active staff row), µs per call | ${median(before).toFixed(2)} | ${range(before, 2)} | ${ROUNDS} x ${CALLS} |`);
  console.log(`| internal.is_active_staff() now (plus aal and auth.sessions), µs per call | ${median(now).toFixed(2)} | ${range(now, 2)} | ${ROUNDS} x ${CALLS} |`);
  console.log(`| of which internal.has_two_factor_session(), µs per call | ${median(session).toFixed(2)} | ${range(session, 2)} | ${ROUNDS} x ${CALLS} |`);
  console.log(`| first queue page (25 rows) under RLS, ms execution | ${median(page).toFixed(3)} | ${range(page, 3)} | ${PAGES} |`);
  console.log(`\nInitPlans run once in that page's plan: ${initPlans}`);
} finally {
  await db.end();
  await stack.stop();
}
