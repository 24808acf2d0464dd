import { useState, type SubmitEvent } from 'react';
import { assignRequest, type StaffResult } from '../../api/staff';
import type { StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES, assignmentRefusal } from '../../lib/workflow';
import { dbErrorMessage } from './db-error';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  request: SupportRequestRow;
  staff: StaffMember[];
  onChanged: () => void;
}

/** Who has the request; an officer takes it or gives it back, a supervisor hands it to an active officer or supervisor (the database decides). */
export default function Assignment({ t, me, request, staff, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const colleagues = staff.filter((s) => s.active && REQUEST_HANDLING_ROLES.includes(s.role));
  const assignee = staff.find((s) => s.user_id === request.assigned_to);

  function settle(outcome: StaffResult) {
    setError(outcome.ok ? null : dbErrorMessage(t, outcome.failure));
    if (outcome.ok || outcome.failure.ruleKey === 'request_changed') onChanged();
  }
  const assign = async (userId: string | null) => settle(await assignRequest(request.id, userId, request.updated_at));
  // The database decides (support_requests_assignment); the buttons offer only what it allows.
  const refusalFor = (to: string | null) =>
    assignmentRefusal({ userId: me.user_id, role: me.role }, { status: request.status, assignedTo: request.assigned_to }, to,
      to === null ? null : (colleagues.find((s) => s.user_id === to)?.role ?? null));
  const takeRefusal = refusalFor(me.user_id);
  const assignChosen = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('assignee') ?? '');
    if (chosen) assign(chosen);
  };

  return (
    <section aria-labelledby="assign-title" className="request-panel">
      <h3 id="assign-title">{t('staff.assign.title')}</h3>
      {error && <div role="alert" className="staff-error">{error}</div>}
      <p data-testid="assignee">{assignee ? t('staff.assign.current', { name: assignee.full_name }) : t('staff.assign.nobody')}</p>
      {REQUEST_HANDLING_ROLES.includes(me.role) && (
        <>
          <button type="button" onClick={() => assign(me.user_id)} disabled={request.assigned_to === me.user_id || takeRefusal !== null}>{t('staff.assign.toMe')}</button>
          {request.assigned_to !== null && refusalFor(null) === null && (
            <button type="button" onClick={() => assign(null)}>{t(request.assigned_to === me.user_id ? 'staff.assign.giveBack' : 'staff.assign.clear')}</button>
          )}
          {takeRefusal === 'request_final' && <p>{t('staff.assign.final')}</p>}
          {takeRefusal === 'role_not_allowed' && request.assigned_to !== me.user_id && <p>{t('staff.assign.heldByColleague')}</p>}
        </>
      )}
      {me.role === 'supervisor' && takeRefusal !== 'request_final' && (
        <form onSubmit={assignChosen} className="assign-form">
          <label htmlFor="assignee">{t('staff.assign.colleague')}</label>
          <select id="assignee" name="assignee" defaultValue="">
            <option value="">{t('staff.assign.choose')}</option>
            {colleagues.map((s) => <option key={s.user_id} value={s.user_id}>{s.full_name} ({t(`staff.role.${s.role}`)})</option>)}
          </select>
          <button type="submit">{t('staff.assign.submit')}</button>
        </form>
      )}
    </section>
  );
}
