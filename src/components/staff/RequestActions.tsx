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

/**
 * The next step: exactly the moves workflow.ts allows this role from this status; the database
 * re-checks, and refuses a move made on what another member has changed since (request_changed).
 */
export default function RequestActions({ t, me, request, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const actions = actionsFor(me.role, request.status);

  async function run(transition: Transition, event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = staffNoteSchema.safeParse(String(new FormData(event.currentTarget).get('note') ?? ''));
    if (!checked.success) return setError(t(`staff.error.${checked.error.issues[0]!.message as NoteRuleKey}`));
    setError(null);
    const outcome = await transitionRequest(request.id, transition.to, checked.data || null, request.updated_at);
    if (outcome.ok) return onChanged();
    setError(dbErrorMessage(t, outcome.failure));
    // What the other member changed is shown at once; the message stays until the next attempt.
    if (outcome.failure.ruleKey === 'request_changed') onChanged();
  }

  return (
    <section aria-labelledby="actions-title" className="request-panel next-step">
      <h3 id="actions-title">{t('staff.actions.title')}</h3>
      {error && <div role="alert" className="staff-error" data-testid="action-error">{error}</div>}
      {actions.length === 0 ? <p>{t('staff.actions.none')}</p> : actions.map((a) => {
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
