// Issue 15, hole 4: two admins demoting (or deactivating) each other at the same moment used to
// both succeed and leave the association with no active admin. The last active admin can never be
// demoted, deactivated or deleted, also under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, withDb } from './support/clients';

type Admin = { id: string; client: Awaited<ReturnType<typeof signIn>> };
let a: Admin;
let b: Admin;
let othersDemoted: string[] = [];

const activeAdmins = () =>
  withDb(async (db) => (await db.query(`select user_id from public.staff where role = 'admin' and active order by user_id`)).rows.map((r) => r.user_id as string));
const makeAdmins = (ids: string[]) =>
  withDb((db) => db.query(`update public.staff set role = 'admin', active = true where user_id = any($1)`, [ids]));

beforeAll(async () => {
  const first = await createUser({ role: 'admin' });
  const second = await createUser({ role: 'admin' });
  a = { id: first.id, client: await signIn(first.email, first.password) };
  b = { id: second.id, client: await signIn(second.email, second.password) };
  // Only these two are admins while this file runs (the seeded admin comes back afterwards).
  othersDemoted = (await activeAdmins()).filter((id) => id !== a.id && id !== b.id);
  await withDb((db) => db.query(`update public.staff set role = 'supervisor' where user_id = any($1)`, [othersDemoted]));
  expect(await activeAdmins()).toEqual([a.id, b.id].sort());
});

afterAll(async () => {
  await makeAdmins(othersDemoted);
});

const outcome = (result: { error: { message: string } | null }) => result.error?.message ?? 'done';

describe('the last active admin', () => {
  it.each([
    ['demote each other', (me: Admin, other: Admin) => me.client.rpc('set_staff_role', { p_user_id: other.id, p_role: 'officer' })],
    ['deactivate each other', (me: Admin, other: Admin) => me.client.rpc('set_staff_active', { p_user_id: other.id, p_active: false })],
  ])('stays when two admins %s at the same moment', async (_name, change) => {
    for (let round = 0; round < 8; round++) {
      await makeAdmins([a.id, b.id]);
      const results = await Promise.all([change(a, b), change(b, a)]);
      const outcomes = results.map(outcome);
      expect(outcomes.filter((o) => o === 'done'), `round ${round}: ${outcomes}`).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'done')).toMatch(/^(last_admin|role_not_allowed|staff_inactive)$/);
      expect(await activeAdmins()).toHaveLength(1);
    }
  });

  it('cannot be demoted, deactivated or deleted, not even with SQL from the dashboard', async () => {
    await makeAdmins([a.id, b.id]);
    expect(outcome(await a.client.rpc('set_staff_active', { p_user_id: b.id, p_active: false }))).toBe('done');
    expect(outcome(await a.client.rpc('set_staff_role', { p_user_id: a.id, p_role: 'officer' }))).toBe('own_account');
    const refusals = await withDb(async (db) => {
      const found: string[] = [];
      for (const sql of [
        `update public.staff set role = 'officer' where user_id = '${a.id}'`,
        `update public.staff set active = false where user_id = '${a.id}'`,
        `delete from auth.users where id = '${a.id}'`,
      ]) {
        try {
          await db.query(sql);
          found.push('allowed');
        } catch (error) {
          found.push((error as Error).message);
        }
      }
      return found;
    });
    expect(refusals).toEqual(['last_admin', 'last_admin', 'last_admin']);
    expect(await activeAdmins()).toEqual([a.id]);
  });

  it('records every change to a member in the staff audit trail', async () => {
    await makeAdmins([a.id, b.id]);
    const member = await createUser({ role: 'officer' });
    await a.client.rpc('set_staff_role', { p_user_id: member.id, p_role: 'supervisor' });
    await a.client.rpc('set_staff_active', { p_user_id: member.id, p_active: false });
    await a.client.rpc('set_staff_active', { p_user_id: member.id, p_active: true });
    const { data } = await a.client.from('staff_events').select('kind, actor_id, role').eq('user_id', member.id).order('id');
    expect(data).toEqual([
      { kind: 'added', actor_id: null, role: 'officer' },
      { kind: 'role_changed', actor_id: a.id, role: 'supervisor' },
      { kind: 'deactivated', actor_id: a.id, role: null },
      { kind: 'reactivated', actor_id: a.id, role: null },
    ]);
    const rewrite = await withDb(async (db) => db.query(`delete from public.staff_events where user_id = $1`, [member.id]).then(() => 'allowed', (e: Error) => e.message));
    expect(rewrite).toBe('events_append_only');
    // An update too, even inside a rewrite of some request (the exception anonymising has is the request history's).
    const edit = await withDb(async (db) => db.query(
      `begin; select set_config('irtiqaa.rewriting', gen_random_uuid()::text, true); update public.staff_events set role = 'admin' where user_id = $1`.replace(/\$1/, `'${member.id}'`),
    ).then(() => 'allowed', (e: Error) => e.message).finally(() => db.query('rollback')));
    expect(edit).toBe('events_append_only');
    const plain = await withDb(async (db) => db.query(`update public.staff_events set role = 'admin' where user_id = $1`, [member.id]).then(() => 'allowed', (e: Error) => e.message));
    expect(plain).toBe('events_append_only');
  });
});
