// Issue 15: staff accounts a stolen password cannot open. The database, not the workspace, asks
// for the second factor and a live session: a password-only (aal1) session, a signed-out token,
// a deactivated member and a session whose factor was removed read no request and no staff row
// but their own, by REST, RPC and Storage, and change nothing. (The screens: tests/e2e/two-factor.spec.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  anonClient, apiUrl, clientWithToken, completeTwoFactor, createUser, DEMO_STAFF, LOCAL_ANON_KEY, signIn,
  signInWithPasswordOnly, staff, withDb,
} from './support/clients';
import { clientAs } from './support/staff-clients';
import { requestsIn } from './support/arrange';
import { authCall, forgedToken, passwordSignIn, signOutToken, totpCode, twoFactorSignIn } from './support/auth-http';

const PERSONAL_TABLES = ['support_requests', 'request_events', 'satisfaction_surveys'] as const;
const BUCKET = 'two-factor-test';

type Reads = Record<(typeof PERSONAL_TABLES)[number] | 'staff', number>;

/** How many rows of each table (at most 1 of the personal ones) the client reads. */
async function reads(client: SupabaseClient): Promise<Reads> {
  const rows = await Promise.all(PERSONAL_TABLES.map(async (table) => (await client.from(table).select(table === 'support_requests' ? 'id' : '*').limit(1)).data?.length ?? 0));
  const staffRows = (await client.from('staff').select('user_id')).data ?? [];
  return { ...(Object.fromEntries(PERSONAL_TABLES.map((t, i) => [t, rows[i]!])) as Omit<Reads, 'staff'>), staff: staffRows.length };
}

async function actions(client: SupabaseClient, requestId: string) {
  const move = await client.rpc('transition_request', { p_request_id: requestId, p_to: 'under_review' });
  const note = await client.rpc('add_request_note', { p_request_id: requestId, p_note: 'ملاحظة' });
  const patch = await client.from('support_requests').update({ status: 'under_review' }).eq('id', requestId).select('id, status');
  return { move: move.error?.message, note: note.error?.message, patched: patch.data?.length ?? 0 };
}

const statusOf = (id: string) =>
  withDb(async (db) => (await db.query('select status from public.support_requests where id = $1', [id])).rows[0].status as string);

beforeAll(async () => {
  // A private bucket whose only policy is the shared helper, as the private-page documents will be.
  await withDb(async (db) => {
    await db.query(`insert into storage.buckets (id, name) values ($1, $1) on conflict do nothing`, [BUCKET]);
    await db.query(`drop policy if exists "Active staff can read the two-factor test bucket" on storage.objects`);
    await db.query(`create policy "Active staff can read the two-factor test bucket" on storage.objects for select to authenticated
                     using (bucket_id = '${BUCKET}' and (select internal.is_active_staff()))`);
  });
  const { error } = await (await staff('officer')).storage.from(BUCKET).list('');
  expect(error).toBeNull();
  await withDb((db) => db.query(
    `insert into storage.objects (bucket_id, name, owner_id, metadata) values ($1, 'letters/one.pdf', null, '{"size": 1}') on conflict do nothing`,
    [BUCKET]));
});

describe('a session signed in with the password only (aal1)', () => {
  it('reads no request, history or survey, and only its own staff row; after the code it reads them', async () => {
    const { email, password } = DEMO_STAFF.supervisor;
    const client = await signInWithPasswordOnly(email, password);
    expect(await reads(client)).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 1 });
    const { data: own } = await client.from('staff').select('role, active');
    expect(own).toEqual([{ role: 'supervisor', active: true }]);

    await completeTwoFactor(client);
    const after = await reads(client);
    expect(after).toMatchObject({ support_requests: 1, request_events: 1, satisfaction_surveys: 1 });
    expect(after.staff).toBeGreaterThan(1);
  });

  it('changes nothing: every staff function answers mfa_required, a PATCH changes no row', async () => {
    const [id] = await requestsIn('submitted');
    const { email, password } = DEMO_STAFF.officer;
    const client = await signInWithPasswordOnly(email, password);
    expect(await actions(client, id!)).toEqual({ move: 'mfa_required', note: 'mfa_required', patched: 0 });
    const assign = await client.rpc('assign_request', { p_request_id: id, p_assignee: null });
    expect([assign.status, assign.error?.message]).toEqual([403, 'mfa_required']);
    const admin = await signInWithPasswordOnly(DEMO_STAFF.admin.email, DEMO_STAFF.admin.password);
    const demote = await admin.rpc('set_staff_role', { p_user_id: (await createUser({ role: 'officer' })).id, p_role: 'supervisor' });
    expect(demote.error?.message).toBe('mfa_required');
    expect(await statusOf(id!)).toBe('submitted');
  });

  it('lists and downloads nothing from Storage; the two-factor session does', async () => {
    const aal1 = clientAs((await createUser({ role: 'officer' })).id, { aal: 'aal1' });
    expect((await aal1.storage.from(BUCKET).list('letters')).data).toEqual([]);
    expect((await aal1.storage.from(BUCKET).createSignedUrl('letters/one.pdf', 60)).data).toBeNull();
    const aal2 = clientAs((await createUser({ role: 'officer' })).id);
    expect((await aal2.storage.from(BUCKET).list('letters')).data?.map((o) => o.name)).toEqual(['one.pdf']);
  });

  it('is what clientAs(id, { aal: "aal1" }) makes for tests: the same refusals', async () => {
    const member = await createUser({ role: 'supervisor' });
    expect(await reads(clientAs(member.id, { aal: 'aal1' }))).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 1 });
    expect((await reads(clientAs(member.id))).support_requests).toBe(1);
  });

  it('cannot make itself aal2 by forging the claim: the session row still says aal1', async () => {
    const member = await createUser({ role: 'supervisor' });
    const session = await passwordSignIn(member.email, member.password);
    const claims = JSON.parse(Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString('utf8'));
    // (Signed with the project secret, which no client holds: the database still reads auth.sessions.)
    const forged = forgedToken({ ...claims, aal: 'aal2', amr: [{ method: 'totp', timestamp: claims.iat }] });
    expect(await reads(clientWithToken(forged))).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 1 });
    const noSession = forgedToken({ ...claims, aal: 'aal2', session_id: crypto.randomUUID() });
    expect(await reads(clientWithToken(noSession))).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 0 });
    const oddSession = forgedToken({ ...claims, aal: 'aal2', session_id: 'not-a-uuid' });
    const odd = await clientWithToken(oddSession).from('support_requests').select('id').limit(1);
    expect([odd.status, odd.data]).toEqual([200, []]);
  });
});

describe('the second step', () => {
  it('refuses a wrong code and slows guessing down like a wrong password, then lets the right code in', async () => {
    const member = await createUser({ role: 'officer' });
    const first = await signIn(member.email, member.password);
    await first.auth.signOut();
    const session = await passwordSignIn(member.email, member.password);
    const factor = session.user.factors.find((f: { status: string }) => f.status === 'verified');
    const challenge = async () => (await authCall('POST', `/factors/${factor.id}/challenge`, { token: session.access_token })).json.id;
    const verify = async (code: string) =>
      authCall('POST', `/factors/${factor.id}/verify`, { token: session.access_token, body: { challenge_id: await challenge(), code } });
    const wrong = await verify('000000');
    expect([wrong.status, wrong.json.error_code ?? wrong.json.code]).toEqual([422, 'mfa_verification_failed']);
    for (let i = 0; i < 4; i++) await verify('000000');
    const slowed = await verify('000000');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    const secret = await withDb(async (db) => (await db.query('select secret from auth.mfa_factors where id = $1', [factor.id])).rows[0].secret);
    expect((await verify(totpCode(secret))).status).toBe(429);
    // Meanwhile the password-only session still opens nothing.
    expect(await reads(clientWithToken(session.access_token))).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 1 });
  });
});

describe('ending access at once', () => {
  it('signing out: the same access token is refused on the next call', async () => {
    const { access_token: token } = await twoFactorSignIn(DEMO_STAFF.authority.email, DEMO_STAFF.authority.password);
    const [id] = await requestsIn('pending_decision');
    expect((await reads(clientWithToken(token))).support_requests).toBe(1);
    await signOutToken(token);
    expect(await reads(clientWithToken(token))).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 0 });
    const decide = await clientWithToken(token).rpc('transition_request', { p_request_id: id, p_to: 'accepted' });
    expect([decide.status, decide.error?.message]).toEqual([403, 'session_ended']);
    expect(await statusOf(id!)).toBe('pending_decision');
  });

  it('deactivation: the member’s token is refused on the next call, their own row still says why', async () => {
    const member = await createUser({ role: 'officer' });
    const client = await signIn(member.email, member.password);
    const [id] = await requestsIn('submitted');
    expect((await reads(client)).support_requests).toBe(1);
    const admin = await staff('admin');
    expect((await admin.rpc('set_staff_active', { p_user_id: member.id, p_active: false })).error).toBeNull();
    expect(await reads(client)).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 1 });
    expect(await actions(client, id!)).toEqual({ move: 'staff_inactive', note: 'staff_inactive', patched: 0 });
  });

  it('removing the factor (GoTrue lets an aal2 session do it): the same token opens nothing at once', async () => {
    const member = await createUser({ role: 'officer' });
    const client = await signIn(member.email, member.password);
    const { data: { session } } = await client.auth.getSession();
    const { data: factors } = await client.auth.mfa.listFactors();
    expect((await reads(client)).support_requests).toBe(1);
    const removed = await authCall('DELETE', `/factors/${factors!.totp[0]!.id}`, { token: session!.access_token });
    expect(removed.status).toBe(200);
    expect(await reads(clientWithToken(session!.access_token))).toEqual({ support_requests: 0, request_events: 0, satisfaction_surveys: 0, staff: 1 });
  });
});

describe('the admin resets a member’s second factor (the staff-factors Edge Function)', () => {
  const invoke = (client: SupabaseClient, body: Record<string, unknown>) => client.functions.invoke('staff-factors', { body });
  const refusal = async (result: { error: unknown; response?: Response }) =>
    [result.response?.status, ((await result.response?.json()) as { message?: string } | undefined)?.message];
  const factorsOf = (userId: string) =>
    withDb(async (db) => (await db.query('select count(*)::int as n from auth.mfa_factors where user_id = $1', [userId])).rows[0].n as number);
  const trail = (userId: string) =>
    withDb(async (db) => (await db.query('select kind::text, actor_id, factor_id from public.staff_events where user_id = $1 order by id', [userId])).rows);

  it('removes every factor, ends the member’s two-factor access, and records who did it', async () => {
    const member = await createUser({ role: 'officer' });
    const memberClient = await signIn(member.email, member.password);
    expect(await factorsOf(member.id)).toBe(1);
    const admin = await staff('admin');
    const adminId = (await admin.auth.getUser()).data.user!.id;
    const reset = await invoke(admin, { user_id: member.id });
    expect(reset.error).toBeNull();
    expect(reset.data).toEqual({ user_id: member.id, removed: 1 });
    expect(await factorsOf(member.id)).toBe(0);
    expect((await reads(memberClient)).support_requests).toBe(0);
    expect(await trail(member.id)).toEqual([
      { kind: 'added', actor_id: null, factor_id: null },
      { kind: 'factors_reset', actor_id: adminId, factor_id: null },
    ]);
    // The member signs in again and sets up a new authenticator, as the first time.
    const again = await signIn(member.email, member.password);
    expect((await reads(again)).support_requests).toBe(1);
    // The trail is the admins' to read.
    expect((await admin.from('staff_events').select('kind').eq('user_id', member.id)).data).toHaveLength(2);
    expect((await again.from('staff_events').select('kind')).data).toEqual([]);
  });

  it('is refused to anyone but an active admin with two factors, and for the admin’s own account', async () => {
    const member = await createUser({ role: 'officer' });
    await signIn(member.email, member.password);
    const officer = await staff('officer');
    expect(await refusal(await invoke(officer, { user_id: member.id }))).toEqual([403, 'role_not_allowed']);
    const aal1Admin = await signInWithPasswordOnly(DEMO_STAFF.admin.email, DEMO_STAFF.admin.password);
    expect(await refusal(await invoke(aal1Admin, { user_id: member.id }))).toEqual([403, 'mfa_required']);
    const admin = await staff('admin');
    const adminId = (await admin.auth.getUser()).data.user!.id;
    expect(await refusal(await invoke(admin, { user_id: adminId }))).toEqual([400, 'own_account']);
    expect(await refusal(await invoke(admin, { user_id: crypto.randomUUID() }))).toEqual([400, 'user_not_found']);
    const anon = await fetch(`${apiUrl}/functions/v1/staff-factors`, {
      method: 'POST', headers: { apikey: LOCAL_ANON_KEY, authorization: `Bearer ${LOCAL_ANON_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: member.id }),
    });
    expect(anon.status).toBe(401);
    expect(await factorsOf(member.id)).toBe(1);
  });

  it('lets a member remove one of their own factors, never the last one', async () => {
    const member = await createUser({ role: 'officer' });
    const client = await signIn(member.email, member.password);
    const { data: factors } = await client.auth.mfa.listFactors();
    const only = factors!.totp[0]!.id;
    expect(await refusal(await invoke(client, { factor_id: only }))).toEqual([400, 'last_factor']);
    const { data: second, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Spare phone' });
    expect(error).toBeNull();
    await client.auth.mfa.challengeAndVerify({ factorId: second!.id, code: totpCode(second!.totp.secret) });
    expect((await invoke(client, { factor_id: only })).data).toEqual({ user_id: member.id, removed: 1 });
    expect(await factorsOf(member.id)).toBe(1);
    expect((await trail(member.id)).map((e) => e.kind)).toEqual(['added', 'factor_removed']);
  });

  it('answers a malformed call with 400, never 5xx', async () => {
    const admin = await staff('admin');
    for (const body of [{}, { user_id: 1 }, { user_id: 'x', factor_id: 'y' }, { user_id: 'not-a-uuid' }]) {
      const { response } = await invoke(admin, body);
      expect(response?.status, JSON.stringify(body)).toBe(400);
    }
    const anonymous = await anonClient().functions.invoke('staff-factors', { body: { user_id: crypto.randomUUID() } });
    expect(anonymous.response?.status).toBe(401);
  });
});
