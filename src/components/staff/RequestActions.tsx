import { useState, type FormEvent } from 'react';
import { supabase } from './staff-client';
import { actionsFor, type Transition } from '../../lib/workflow';
import type { Translate } from './i18n';
import type { StaffMember, SupportRequestRow } from './types';
import { dbErrorMessage } from './db-error';

interface Props {
  t: Translate;
  me: StaffMember;
  request: SupportRequestRow;
  onChanged: () => void;
}

/** Offers exactly the moves workflow.ts allows this role from this status; the DB re-checks. */
export default function RequestActions({ t, me, request, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const actions = actionsFor(me.role, request.status);

  async function run(transition: Transition, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    setError(null);
    const { error: dbError } = await supabase.rpc('transition_request', { p_request_id: request.id, p_to: transition.to, p_note: note || null });
    if (dbError) setError(dbErrorMessage(t, dbError));
    else onChanged();
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
            <label htmlFor={noteId}>{t(a.noteRequired ? `staff.actions.noteRequired.${a.to}` : 'staff.actions.noteOptional')}</label>
            {/* Not `required`: a missing reason must reach the database, which refuses with its own key. */}
            <textarea id={noteId} name="note" rows={2} />
            <button type="submit" data-action={a.action}>{t(`staff.action.${a.action}`)}</button>
          </form>
        );
      })}
    </section>
  );
}
