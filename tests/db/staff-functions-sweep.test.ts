// Issue 15: the second factor and a live session are the database's, for EVERY staff function, not
// only the few tests/db/staff-sessions.test.ts tries by name. Each function `authenticated` may run
// (and `anon` may not) is called through PostgREST, as the workspace would, with a password-only
// (aal1) session and with a session that was signed out: each refuses before doing anything. A new
// staff function is checked by this test the moment its migration grants it.
import { createClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, createUser, LOCAL_ANON_KEY, withDb } from './support/clients';
import { mintSession } from './support/staff-clients';
import { signOutToken } from './support/auth-http';

interface StaffFunction {
  name: string;
  /** The input parameters by name, each sent as null: enough for PostgREST to pick the function. */
  args: string[];
}

/** Functions a staff session may call that are not staff functions, and why. */
const NOT_STAFF_ONLY: Record<string, string> = {
  // A computed column on the rows of search_requests (`select=*,possible_duplicate`): it answers
  // false to anyone but active staff and reads nothing it returns.
  possible_duplicate: 'computed column',
};

let functions: StaffFunction[];
let officerId: string;

beforeAll(async () => {
  functions = await withDb(async (db) => (await db.query(
    `select p.proname as name,
            case when p.proargmodes is null then coalesce(p.proargnames, '{}')
                 else (select coalesce(array_agg(a.n order by a.i), '{}') from unnest(p.proargnames, p.proargmodes) with ordinality as a (n, m, i)
                        where a.m in ('i', 'b')) end as args
       from pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
        and has_function_privilege('authenticated', p.oid, 'execute')
        and not has_function_privilege('anon', p.oid, 'execute')
      order by 1, 2`,
  )).rows as StaffFunction[]);
  officerId = (await createUser({ role: 'officer' })).id;
});

async function call(token: string, fn: StaffFunction) {
  const client = createClient(apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false }, accessToken: async () => token });
  const { status, error } = await client.rpc(fn.name, Object.fromEntries(fn.args.map((a) => [a, null])));
  return `${status} ${error?.message ?? 'answered'}`;
}

const staffFunctions = () => functions.filter((f) => !(f.name in NOT_STAFF_ONLY));

describe('every staff function needs the second factor and a live session', () => {
  it('finds the staff functions (the workspace, outreach, private-page and admin calls among them)', () => {
    const names = staffFunctions().map((f) => f.name);
    expect(names.length).toBeGreaterThan(25);
    expect(names).toEqual(expect.arrayContaining([
      'transition_request', 'assign_requests', 'search_requests', 'queue_requests', 'my_work', 'staff_load',
      'request_status_counts', 'send_staff_message', 'issue_private_link', 'set_staff_role', 'reset_staff_factors',
    ]));
  });

  it('answers the same member with both factors (so the refusals below are the session\'s)', async () => {
    const { accessToken } = await mintSession(officerId);
    const myWork = staffFunctions().find((f) => f.name === 'my_work')!;
    expect(await call(accessToken, myWork)).toBe('200 answered');
  });

  it('refuses a password-only (aal1) session with mfa_required, in every one', async () => {
    const { accessToken } = await mintSession(officerId, { aal: 'aal1' });
    const answers = Object.fromEntries(await Promise.all(staffFunctions().map(async (f) => [`${f.name}(${f.args.join(', ')})`, await call(accessToken, f)])));
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, '403 mfa_required'])));
  });

  it('refuses a signed-out session with session_ended, in every one', async () => {
    const { accessToken } = await mintSession(officerId);
    await signOutToken(accessToken);
    const answers = Object.fromEntries(await Promise.all(staffFunctions().map(async (f) => [`${f.name}(${f.args.join(', ')})`, await call(accessToken, f)])));
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, '403 session_ended'])));
  });
});
