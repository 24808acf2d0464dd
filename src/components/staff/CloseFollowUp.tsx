import { useState, type SubmitEvent } from 'react';
import { closeFollowUp } from '../../api/staff';
import type { RequestEvent, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { followUpNoteSchema } from '../../schemas/beneficiary-message';
import { dbErrorMessage } from './db-error';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  request: SupportRequestRow;
  events: RequestEvent[];
  onChanged: () => void;
}

/** A low score whose follow-up nobody closed yet (close_follow_up closes the oldest). */
export function openFollowUp(events: RequestEvent[]): RequestEvent | undefined {
  const closed = new Set(events.filter((e) => e.code === 'follow_up_closed').map((e) => e.survey_id ?? null));
  return events.find((e) => e.code === 'low_satisfaction_score' && !closed.has(e.survey_id ?? null));
}

/** Policy: a low score is a reason to call the beneficiary back. Closing it says what was done, and tells them. */
export default function CloseFollowUp({ t, me, request, events, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  if (!REQUEST_HANDLING_ROLES.includes(me.role) || !openFollowUp(events)) return null;
  // An empty note here is not the workflow's "what is missing" (staff.error.note_required).
  const refusal = (ruleKey: string | null) => (ruleKey === 'note_required' ? t('staff.followUp.empty') : dbErrorMessage(t, { ruleKey, field: 'note' }));

  async function close(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = followUpNoteSchema.safeParse({ note: String(new FormData(form).get('note') ?? '') });
    if (!checked.success) return setError(refusal(checked.error.issues[0]!.message));
    setError(null);
    const outcome = await closeFollowUp(request.id, checked.data.note);
    if (!outcome.ok) return setError(refusal(outcome.failure.ruleKey));
    form.reset();
    onChanged();
  }

  return (
    <section aria-labelledby="follow-up-title">
      <h3 id="follow-up-title">{t('staff.followUp.title')}</h3>
      <p>{t('staff.followUp.intro')}</p>
      <form onSubmit={close} aria-labelledby="follow-up-title" noValidate>
        {error && <div role="alert" className="staff-error">{error}</div>}
        <label htmlFor="follow-up-note">{t('staff.followUp.label')}</label>
        <textarea id="follow-up-note" name="note" rows={3} dir="auto" />
        <button type="submit">{t('staff.followUp.submit')}</button>
      </form>
    </section>
  );
}
