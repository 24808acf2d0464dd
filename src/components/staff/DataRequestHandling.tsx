import { useState, type SubmitEvent } from 'react';
import { decideDataRequest, extendDataRequest } from '../../api/staff';
import type { DataRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { outcomesFor, type DataRequestOutcome } from '../../lib/data-requests';
import { dbErrorMessage } from './db-error';

interface Props {
  t: IslandTranslate<'staff'>;
  request: DataRequestRow;
  onDone: (message: string) => void;
}

/** Records the outcome of one data request (the beneficiary is told), or extends it once with a reason. */
export default function DataRequestHandling({ t, request, onDone }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<DataRequestOutcome>('done');
  const id = request.id;
  const reference = request.support_requests?.reference ?? '';
  const value = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '');

  async function decide(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    const corrected = request.kind === 'correction' && outcome === 'done' ? value(form, 'corrected') : null;
    const result = await decideDataRequest(id, outcome, value(form, 'note'), corrected);
    if (!result.ok) return setError(dbErrorMessage(t, result.failure));
    onDone(t('staff.dataRequests.decided', { reference }));
  }

  async function extend(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const result = await extendDataRequest(id, value(event.currentTarget, 'reason'));
    if (!result.ok) return setError(dbErrorMessage(t, result.failure));
    onDone(t('staff.dataRequests.extendedNotice', { reference }));
  }

  return (
    <div className="data-request-handling">
      {error && <div role="alert" className="staff-error">{error}</div>}
      <form onSubmit={decide} aria-label={t('staff.dataRequests.decideFor', { reference })} noValidate>
        <fieldset>
          <legend>{t('staff.dataRequests.outcome')}</legend>
          {outcomesFor(request.kind).map((o) => (
            <label key={o} className="choice">
              <input type="radio" name={`outcome-${id}`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{' '}
              {t(`staff.dataRequests.outcome.${request.kind === 'correction' ? 'correction' : 'removal'}.${o}`)}
            </label>
          ))}
        </fieldset>
        {request.kind === 'correction' && outcome === 'done' && (
          <>
            <label htmlFor={`corrected-${id}`}>{t('staff.dataRequests.correctedValue')}</label>
            <input id={`corrected-${id}`} name="corrected" dir="auto" defaultValue="" />
          </>
        )}
        <label htmlFor={`note-${id}`}>{t(outcome === 'done' ? 'staff.dataRequests.noteOptional' : 'staff.dataRequests.noteRequired')}</label>
        <textarea id={`note-${id}`} name="note" rows={2} dir="auto" />
        <button type="submit">{t('staff.dataRequests.decide')}</button>
      </form>
      {!request.extended_at && (
        <form onSubmit={extend} aria-label={t('staff.dataRequests.extendFor', { reference })} noValidate>
          <label htmlFor={`reason-${id}`}>{t('staff.dataRequests.extendReason')}</label>
          <textarea id={`reason-${id}`} name="reason" rows={2} dir="auto" />
          <button type="submit">{t('staff.dataRequests.extend')}</button>
        </form>
      )}
    </div>
  );
}
