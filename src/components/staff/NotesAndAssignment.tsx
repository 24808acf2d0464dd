import { useState, type SubmitEvent } from 'react';
import { addRequestNote, assignRequest, type StaffResult } from '../../api/staff';
import type { StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES, assignmentRefusal } from '../../lib/workflow';
import { staffNoteSchema, type NoteRuleKey } from '../../schemas/staff-note';
import { dbErrorMessage } from './db-error';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  request: SupportRequestRow;
  staff: StaffMember[];
  onChanged: () => void;
}

export default function NotesAndAssignment({ t, me, request, staff, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const colleagues = staff.filter((s) => s.active && REQUEST_HANDLING_ROLES.includes(s.role));
  const assignee = staff.find((s) => s.user_id === request.assigned_to);

  function settle(outcome: StaffResult, done?: () => void) {
    if (!outcome.ok) return setError(dbErrorMessage(t, outcome.failure));
    done?.();
    onChanged();
  }

  async function assign(userId: string | null) {
    setError(null);
    settle(await assignRequest(request.id, userId));
  }

  // The database decides (support_requests_assignment); the buttons offer only what it allows.
  const refusalFor = (to: string | null) =>
    assignmentRefusal({ userId: me.user_id, role: me.role }, { status: request.status, assignedTo: request.assigned_to }, to,
      to === null ? null : (colleagues.find((s) => s.user_id === to)?.role ?? null));
  const takeRefusal = refusalFor(me.user_id);

  async function addNote(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = staffNoteSchema.safeParse(String(new FormData(form).get('note') ?? ''));
    if (!checked.success) return setError(t(`staff.error.${checked.error.issues[0]!.message as NoteRuleKey}`));
    if (!checked.data) return setError(t('staff.notes.empty'));
    setError(null);
    settle(await addRequestNote(request.id, checked.data), () => form.reset());
  }

  return (
    <section aria-labelledby="assign-title">
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
          {/* The database lets an officer take a request, and only a supervisor hand it to someone else. */}
          {me.role === 'supervisor' && takeRefusal !== 'request_final' && (
          <form onSubmit={(e) => { e.preventDefault(); const v = String(new FormData(e.currentTarget).get('assignee') ?? ''); if (v) assign(v); }}>
            <label htmlFor="assignee">{t('staff.assign.colleague')}</label>
            <select id="assignee" name="assignee" defaultValue="">
              <option value="">{t('staff.assign.choose')}</option>
              {colleagues.map((s) => <option key={s.user_id} value={s.user_id}>{s.full_name} ({t(`staff.role.${s.role}`)})</option>)}
            </select>
            <button type="submit">{t('staff.assign.submit')}</button>
          </form>
          )}
        </>
      )}
      <h3 id="notes-title">{t('staff.notes.title')}</h3>
      <form onSubmit={addNote} aria-labelledby="notes-title">
        <label htmlFor="new-note">{t('staff.notes.label')}</label>
        <textarea id="new-note" name="note" rows={3} />
        <button type="submit">{t('staff.notes.submit')}</button>
      </form>
    </section>
  );
}
