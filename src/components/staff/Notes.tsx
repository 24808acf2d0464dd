import { useState, type SubmitEvent } from 'react';
import { addRequestNote } from '../../api/staff';
import type { RequestEvent, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { staffNoteSchema, type NoteRuleKey } from '../../schemas/staff-note';
import { dbErrorMessage } from './db-error';
import { formatDate } from './format-date';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
  request: SupportRequestRow;
  events: RequestEvent[];
  staff: StaffMember[];
  onChanged: () => void;
}

/** Staff's internal notes on the request, newest first, and the form to add one. */
export default function Notes({ t, locale, request, events, staff, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const notes = events.filter((e) => e.kind === 'note').reverse();
  const nameOf = (id: string | null) => staff.find((s) => s.user_id === id)?.full_name ?? t('staff.timeline.unknownActor');

  async function addNote(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = staffNoteSchema.safeParse(String(new FormData(form).get('note') ?? ''));
    if (!checked.success) return setError(t(`staff.error.${checked.error.issues[0]!.message as NoteRuleKey}`));
    if (!checked.data) return setError(t('staff.notes.empty'));
    setError(null);
    const outcome = await addRequestNote(request.id, checked.data);
    if (!outcome.ok) return setError(dbErrorMessage(t, outcome.failure));
    form.reset();
    onChanged();
  }

  return (
    <section aria-labelledby="notes-title" className="request-panel">
      <h3 id="notes-title">{t('staff.notes.title')}</h3>
      {error && <div role="alert" className="staff-error">{error}</div>}
      <form onSubmit={addNote} aria-labelledby="notes-title" className="note-form">
        <label htmlFor="new-note">{t('staff.notes.label')}</label>
        <textarea id="new-note" name="note" rows={3} />
        <button type="submit">{t('staff.notes.submit')}</button>
      </form>
      {notes.length === 0 ? <p>{t('staff.notes.none')}</p> : (
        <ol className="notes" data-testid="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="note-meta"><span>{nameOf(n.actor_id)}</span> — <time dateTime={n.created_at}>{formatDate(locale, n.created_at, true)}</time></p>
              <p className="note" dir="auto">{n.note}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
