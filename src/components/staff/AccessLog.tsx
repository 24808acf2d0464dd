import { useState, type SubmitEvent } from 'react';
import { ACCESS_LOG_PAGE, loadAccessLog, type AccessLogFilter } from '../../api/staff';
import type { AccessLogRow, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { DAY_MS } from '../../lib/decision-window';
import AccessLogTable from './AccessLogTable';
import { downloadAccessLog } from './access-log-csv';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
  me: StaffMember;
  staff: StaffMember[];
}

/** A day typed in a date field, as the start of that day where the member is (null: none given). */
const dayStart = (value: FormDataEntryValue | null) => (value ? new Date(`${String(value)}T00:00:00`) : null);

/**
 * "Access log" (admins; issue 16): what one member revealed and exported within a time window, the
 * question an investigation after a suspected leak asks; shown here and downloadable as CSV. A
 * request's own log is on its page.
 */
export default function AccessLog({ t, locale, me, staff }: Props) {
  const [filter, setFilter] = useState<AccessLogFilter | null>(null);
  const [rows, setRows] = useState<AccessLogRow[] | null>(null);
  const [status, setStatus] = useState('');

  async function show(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const to = dayStart(data.get('to'));
    const chosen: AccessLogFilter = { actorId: String(data.get('member') ?? ''), from: dayStart(data.get('from')), to: to && new Date(to.getTime() + DAY_MS) };
    setFilter(chosen);
    setRows(null);
    setStatus(t('staff.loading'));
    const result = await loadAccessLog(chosen);
    setRows(result.ok ? result.data : []);
    setStatus(result.ok ? t('staff.accessLog.count', { count: result.data.length }) : t('staff.loadFailed'));
  }

  async function download() {
    if (!filter) return;
    setStatus(t('staff.loading'));
    try {
      const count = await downloadAccessLog(filter, staff, `irtiqaa-access-log-${new Date().toISOString().slice(0, 10)}.csv`);
      setStatus(t('staff.export.done', { count }));
    } catch {
      setStatus(t('staff.export.refused'));
    }
  }

  if (me.role !== 'admin') return <p>{t('staff.admin.onlyAdmin')}</p>;
  return (
    <section aria-labelledby="access-log-title">
      <h2 id="access-log-title" tabIndex={-1}>{t('staff.accessLog.title')}</h2>
      <p>{t('staff.accessLog.intro')}</p>
      <form className="staff-filters" onSubmit={show} aria-label={t('staff.accessLog.filters')}>
        <label htmlFor="access-member">{t('staff.accessLog.member')}</label>
        <select id="access-member" name="member" required>
          {staff.map((s) => <option key={s.user_id} value={s.user_id}>{s.full_name} ({t(`staff.role.${s.role}`)})</option>)}
        </select>
        <label htmlFor="access-from">{t('staff.accessLog.from')}</label>
        <input id="access-from" name="from" type="date" />
        <label htmlFor="access-to">{t('staff.accessLog.to')}</label>
        <input id="access-to" name="to" type="date" />
        <button type="submit">{t('staff.accessLog.show')}</button>
      </form>
      <p role="status" aria-live="polite">{status}</p>
      {rows && rows.length > 0 && (
        <>
          <AccessLogTable t={t} locale={locale} rows={rows} staff={staff} caption={t('staff.accessLog.memberCaption', { count: Math.min(rows.length, ACCESS_LOG_PAGE) })} />
          <button type="button" className="secondary" onClick={download}>{t('staff.accessLog.download')}</button>
        </>
      )}
    </section>
  );
}
