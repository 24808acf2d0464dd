import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { loadDataRequestsOf, registerDataRequest } from '../../api/staff';
import type { DataRequestRow, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { CORRECTABLE_FIELDS, DATA_REQUEST_KINDS, type CorrectableField, type DataRequestKind } from '../../lib/data-requests';
import { STAFF_INTAKE_CHANNELS } from '../../schemas/channels';
import { dataRequestProblem } from '../../schemas/data-request-rules';
import { dbErrorMessage } from './db-error';
import { formatDate } from './format-date';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
  me: StaffMember;
  request: SupportRequestRow;
  onChanged: () => void;
}

const REGISTERING_ROLES = ['officer', 'supervisor', 'admin'];

/** The request's data requests, and one received by phone or letter registered as the private page would. */
export default function DataRequestPanel({ t, locale, me, request, onChanged }: Props) {
  const [rows, setRows] = useState<DataRequestRow[]>([]);
  const [kind, setKind] = useState<DataRequestKind>('correction');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await loadDataRequestsOf(request.id);
    setRows(result.ok ? result.data : []);
  }, [request.id]);
  useEffect(() => {
    load();
  }, [load, request.updated_at]);

  async function register(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const field = kind === 'correction' ? (String(data.get('field') ?? '') as CorrectableField) : '';
    const details = String(data.get('details') ?? '');
    setNotice(null);
    const problem = dataRequestProblem({ kind, field, details });
    if (problem) return setError(t(`errors.dataRequest.${problem}`));
    const result = await registerDataRequest(request.id, kind, String(data.get('channel') ?? ''), field || null, details || null);
    if (!result.ok) return setError(dbErrorMessage(t, result.failure));
    setError(null);
    form.reset();
    setNotice(t('staff.dataRequests.registered'));
    await load();
    onChanged();
  }

  const mayRegister = REGISTERING_ROLES.includes(me.role) && !request.anonymised_at;
  return (
    <section aria-labelledby="data-request-panel-title">
      <h3 id="data-request-panel-title">{t('staff.dataRequests.panelTitle')}</h3>
      {rows.length === 0 ? (
        <p>{t('staff.dataRequests.none')}</p>
      ) : (
        <ul>
          {rows.map((d) => (
            <li key={d.id}>
              {t(`staff.dataRequests.kind.${d.kind}`)}: {d.outcome
                ? t(`staff.dataRequests.outcome.${d.kind === 'correction' ? 'correction' : 'removal'}.${d.outcome}`)
                : t('staff.dataRequests.openUntil', { date: formatDate(locale, d.due_by) })}
            </li>
          ))}
        </ul>
      )}
      {mayRegister && (
        <form onSubmit={register} aria-labelledby="data-request-register-title" noValidate>
          <h4 id="data-request-register-title">{t('staff.dataRequests.register')}</h4>
          {error && <div role="alert" className="staff-error">{error}</div>}
          {notice && <p role="status">{notice}</p>}
          <label htmlFor="data-request-kind">{t('staff.dataRequests.kindLabel')}</label>
          <select id="data-request-kind" value={kind} onChange={(e) => setKind(e.target.value as DataRequestKind)}>
            {DATA_REQUEST_KINDS.map((k) => <option key={k} value={k}>{t(`staff.dataRequests.kind.${k}`)}</option>)}
          </select>
          {kind === 'correction' && (
            <>
              <label htmlFor="data-request-field">{t('staff.dataRequests.fieldLabel')}</label>
              <select id="data-request-field" name="field">
                {CORRECTABLE_FIELDS.map((f) => <option key={f} value={f}>{t(`staff.field.${f}`)}</option>)}
              </select>
            </>
          )}
          <label htmlFor="data-request-channel">{t('staff.dataRequests.channelLabel')}</label>
          <select id="data-request-channel" name="channel">
            {STAFF_INTAKE_CHANNELS.map((c) => <option key={c} value={c}>{t(`staff.channel.${c}`)}</option>)}
          </select>
          <label htmlFor="data-request-details">{t('staff.dataRequests.detailsLabel')}</label>
          <textarea id="data-request-details" name="details" rows={3} dir="auto" />
          <button type="submit">{t('staff.dataRequests.registerSubmit')}</button>
        </form>
      )}
    </section>
  );
}
