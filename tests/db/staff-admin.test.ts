import { describe, expect, it } from 'vitest';
import { createUser, signIn, staff, withDb } from './support/clients';

const staffRow = (id: string) =>
  withDb(async (db) => (await db.query('select role, active from public.staff where user_id = $1', [id])).rows[0]);

describe('the admin manages staff', () => {
  it('makes an existing user an officer, changes the role and deactivates them', async () => {
    const admin = await staff('admin');
    const user = await createUser();
    const made = await admin.rpc('set_staff_role', { p_user_id: user.id, p_role: 'officer' });
    expect(made.data).toMatchObject({ user_id: user.id, role: 'officer', active: true });
    await admin.rpc('set_staff_role', { p_user_id: user.id, p_role: 'supervisor' });
    expect(await staffRow(user.id)).toEqual({ role: 'supervisor', active: true });

    const member = await signIn(user.email, user.password);
    expect((await member.from('support_requests').select('id').limit(1)).data).toHaveLength(1);
    await admin.rpc('set_staff_active', { p_user_id: user.id, p_active: false });
    expect(await staffRow(user.id)).toEqual({ role: 'supervisor', active: false });
    expect((await member.from('support_requests').select('id').limit(1)).data).toEqual([]);
    // They still see their own staff row, so the workspace can say why.
    expect((await member.from('staff').select('active')).data).toEqual([{ active: false }]);
  });

  it('is the only role that may, and cannot lock themselves out', async () => {
    const user = await createUser({ role: 'officer' });
    for (const role of ['officer', 'supervisor', 'authority'] as const) {
      const client = await staff(role);
      const { error, status } = await client.rpc('set_staff_role', { p_user_id: user.id, p_role: 'admin' });
      expect([status, error?.message]).toEqual([403, 'role_not_allowed']);
      const deactivate = await client.rpc('set_staff_active', { p_user_id: user.id, p_active: false });
      expect(deactivate.error?.message).toBe('role_not_allowed');
    }
    expect(await staffRow(user.id)).toEqual({ role: 'officer', active: true });
    const admin = await staff('admin');
    const { data: me } = await admin.auth.getUser();
    const own = await admin.rpc('set_staff_active', { p_user_id: me.user!.id, p_active: false });
    expect(own.error?.message).toBe('own_account');
  });

  it('cannot change staff rows directly, not even as admin', async () => {
    const admin = await staff('admin');
    const user = await createUser({ role: 'officer' });
    const { error } = await admin.from('staff').update({ role: 'admin' }).eq('user_id', user.id);
    expect(error?.code).toBe('42501');
    expect(await staffRow(user.id)).toEqual({ role: 'officer', active: true });
  });
});
