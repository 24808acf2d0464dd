import { useCallback, useEffect, useState } from 'react';
import { listStaff, setStaffActive, setStaffRole, type StaffResult } from '../../api/staff';
import type { StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { STAFF_ROLES, type StaffRole } from '../../lib/workflow';
import { dbErrorMessage } from './db-error';

/** Admin: change a member's role or deactivate them. Accounts themselves are created in Supabase Auth. */
export default function StaffAdmin({ t, me }: { t: IslandTranslate<'staff'>; me: StaffMember }) {
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => setStaff(await listStaff()), []);
  useEffect(() => {
    load();
  }, [load]);

  async function save(change: Promise<StaffResult>, member: StaffMember) {
    // The previous outcome must not read as this change's while it is still being saved.
    setMessage(null);
    const outcome = await change;
    setMessage(outcome.ok ? { kind: 'ok', text: t('staff.admin.saved', { name: member.full_name }) } : { kind: 'error', text: dbErrorMessage(t, outcome.failure) });
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
                  onChange={(e) => save(setStaffRole(s.user_id, e.target.value as StaffRole), s)}>
                  {STAFF_ROLES.map((r) => <option key={r} value={r}>{t(`staff.role.${r}`)}</option>)}
                </select>
              </td>
              <td>
                {s.active ? t('staff.admin.isActive') : t('staff.admin.isInactive')}{' '}
                {s.user_id !== me.user_id && (
                  <button type="button" onClick={() => save(setStaffActive(s.user_id, !s.active), s)}>
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
