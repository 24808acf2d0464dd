import { useState, type SubmitEvent } from 'react';
import { transitionRequest } from '../../api/staff';
import type { StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandKey, IslandTranslate } from '../../i18n/islands';
import { actionsFor, type Transition } from '../../lib/workflow';
import { staffNoteSchema, type NoteRuleKey } from '../../schemas/staff-note';
import { dbErrorMessage } from './db-error';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  request: SupportRequestRow;
  onChanged: () => void;
}

/** Offers exactly the moves workflow.ts allows this role from this status; the DB re-checks. */
export default function RequestActions({ t, me, request, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const actions = actionsFor(me.role, request.status);

  async function run(transition: Transition, event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = staffNoteSchema.safeParse(String(new FormData(event.currentTarget).get('note') ?? ''));
    if (!checked.success) return setError(t(`staff.error.${checked.error.issues[0]!.message as NoteRuleKey}`));
    setError(null);
    const outcome = await transitionRequest(request.id, transition.to, checked.data || null);
    if (outcome.ok) onChanged();
    else setError(dbErrorMessage(t, outcome.failure));
  }

  if (actions.length === 0) return <p>{t('staff.actions.none')}</p>;
  return (
    <section aria-labelledby="actions-title">
      <h3 id="actions-title">{t('staff.actions.title')}</h3>
      {error && <div role="alert" className="staff-error">{error}</div>}
      {actions.map((a) => {
        const noteId = `note-${a.action}-${a.to}`;
        return (
          <form key={`${a.from}-${a.to}`} className="staff-action" onSubmit={(e) => run(a, e)}>
            <label htmlFor={noteId}>{t(a.noteRequired ? (`staff.actions.noteRequired.${a.to}` as IslandKey<'staff'>) : 'staff.actions.noteOptional')}</label>
            {/* Not `required`: a missing reason must reach the database, which refuses with its own key. */}
            <textarea id={noteId} name="note" rows={2} />
            <button type="submit" data-action={a.action}>{t(`staff.action.${a.action}`)}</button>
          </form>
        );
      })}
    </section>
  );
}
