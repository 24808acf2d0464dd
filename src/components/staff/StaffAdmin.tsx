import { useCallback, useEffect, useState } from 'react';
import { supabase } from './staff-client';
import { STAFF_ROLES, type StaffRole } from '../../lib/workflow';
import type { Translate } from './i18n';
import type { StaffMember } from './types';
import { dbErrorMessage } from './db-error';

/** Admin: change a member's role or deactivate them. Accounts themselves are created in Supabase Auth. */
export default function StaffAdmin({ t, me }: { t: Translate; me: StaffMember }) {
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    const { data } = await supabase.from('staff').select('user_id, full_name, role, active').order('full_name');
    setStaff((data ?? []) as StaffMember[]);
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  async function call(fn: 'set_staff_role' | 'set_staff_active', args: Record<string, unknown>, member: StaffMember) {
    const { error } = await supabase.rpc(fn, args);
    setMessage(error ? { kind: 'error', text: dbErrorMessage(t, error) } : { kind: 'ok', text: t('staff.admin.saved', { name: member.full_name }) });
    load();
  }

  if (me.role !== 'admin') return <p>{t('staff.admin.onlyAdmin')}</p>;
  if (!staff) return <p role="status">{t('staff.loading')}</p>;
  return (
    <section aria-labelledby="admin-title">
      <h2 id="admin-title" tabIndex={-1}>{t('staff.admin.title')}</h2>
      <p>{t('staff.admin.accountsHelp')}</p>
      <div role={message?.kind === 'error' ? 'alert' : 'status'}>{message?.text}</div>
      <table className="staff-table" data-testid="staff-list">
        <caption>{t('staff.admin.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.admin.name')}</th>
            <th scope="col">{t('staff.admin.role')}</th>
            <th scope="col">{t('staff.admin.active')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.user_id} data-member={s.full_name}>
              <th scope="row">{s.full_name}</th>
              <td>
                <label className="visually-hidden" htmlFor={`role-${s.user_id}`}>{t('staff.admin.roleFor', { name: s.full_name })}</label>
                <select id={`role-${s.user_id}`} value={s.role} disabled={s.user_id === me.user_id}
                  onChange={(e) => call('set_staff_role', { p_user_id: s.user_id, p_role: e.target.value as StaffRole }, s)}>
                  {STAFF_ROLES.map((r) => <option key={r} value={r}>{t(`staff.role.${r}`)}</option>)}
                </select>
              </td>
              <td>
                {s.active ? t('staff.admin.isActive') : t('staff.admin.isInactive')}{' '}
                {s.user_id !== me.user_id && (
                  <button type="button" onClick={() => call('set_staff_active', { p_user_id: s.user_id, p_active: !s.active }, s)}>
                    {s.active ? t('staff.admin.deactivate', { name: s.full_name }) : t('staff.admin.reactivate', { name: s.full_name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
