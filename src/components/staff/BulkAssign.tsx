import { useState, type SubmitEvent } from 'react';
import { assignRequests } from '../../api/staff';
import type { QueueRow, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { dbErrorMessage } from './db-error';

interface Props {
  t: IslandTranslate<'staff'>;
  selected: QueueRow[];
  staff: StaffMember[];
  onDone: () => void;
  onClear: () => void;
}

const NOBODY = 'nobody';

/** Assigns every selected request (as the member saw it) in one call; each request's history records its own change. */
export default function BulkAssign({ t, selected, staff, onDone, onClear }: Props) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const colleagues = staff.filter((s) => s.active && REQUEST_HANDLING_ROLES.includes(s.role));

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const choice = String(new FormData(event.currentTarget).get('bulk-assignee') ?? '');
    if (!choice) return setMessage({ kind: 'error', text: t('staff.bulk.chooseFirst') });
    setBusy(true);
    const assignee = choice === NOBODY ? null : choice;
    const outcome = await assignRequests(selected, assignee);
    setBusy(false);
    if (outcome.ok) {
      const name = staff.find((s) => s.user_id === assignee)?.full_name;
      setMessage({ kind: 'ok', text: name ? t('staff.bulk.done', { count: selected.length, name }) : t('staff.bulk.doneNobody', { count: selected.length }) });
      onClear();
    } else {
      setMessage({ kind: 'error', text: outcome.failure.ruleKey === 'request_changed'
        ? t('staff.bulk.changed', { count: outcome.failure.changed?.length ?? 0 })
        : dbErrorMessage(t, outcome.failure) });
    }
    onDone();
  }

  return (
    <form className="bulk-bar" onSubmit={submit} aria-labelledby="bulk-title">
      <h3 id="bulk-title" className="bulk-title">{t('staff.bulk.title')}</h3>
      <p className="bulk-count" aria-live="polite">{t('staff.bulk.selected', { count: selected.length })}</p>
      <label htmlFor="bulk-assignee">{t('staff.bulk.assignTo')}</label>
      <select id="bulk-assignee" name="bulk-assignee" defaultValue="">
        <option value="">{t('staff.assign.choose')}</option>
        {colleagues.map((s) => <option key={s.user_id} value={s.user_id}>{s.full_name} ({t(`staff.role.${s.role}`)})</option>)}
        <option value={NOBODY}>{t('staff.bulk.nobody')}</option>
      </select>
      <button type="submit" disabled={busy || selected.length === 0}>{t('staff.bulk.submit')}</button>
      <button type="button" className="secondary" onClick={onClear} disabled={selected.length === 0}>{t('staff.bulk.clear')}</button>
      <p role="status" className="bulk-status">{message?.kind === 'ok' ? message.text : ''}</p>
      {message?.kind === 'error' && <div role="alert" className="staff-error">{message.text}</div>}
    </form>
  );
}
