import type { AccessLogRow, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { formatDate } from './format-date';

/** What each row of the access log records, as a table: when, who, what they saw, why. */
export default function AccessLogTable({ t, locale, rows, staff, caption }: {
  t: IslandTranslate<'staff'>;
  locale: string;
  rows: readonly AccessLogRow[];
  staff: readonly StaffMember[];
  caption: string;
}) {
  const names = new Map(staff.map((s) => [s.user_id, s.full_name]));
  const what = (r: AccessLogRow) => {
    if (r.kind === 'reveal') return t('staff.accessLog.revealed', { field: t(`staff.field.${r.field ?? 'national_id'}`) });
    if (r.kind === 'private_link') return t('staff.accessLog.issuedLink');
    return r.full_values ? t('staff.accessLog.exportedFull') : t('staff.accessLog.exportedMasked');
  };
  return (
    <table className="staff-table" data-testid="access-log">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.accessLog.when')}</th>
          <th scope="col">{t('staff.accessLog.who')}</th>
          <th scope="col">{t('staff.accessLog.what')}</th>
          <th scope="col">{t('staff.accessLog.request')}</th>
          <th scope="col">{t('staff.accessLog.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-kind={r.kind} data-field={r.field ?? undefined}>
            <td>{formatDate(locale, r.created_at, true)}</td>
            <td>{names.get(r.actor_id) ?? '—'} ({t(`staff.role.${r.actor_role}`)})</td>
            <td>{what(r)}{r.kind === 'export' && r.export_since && <> ({t('staff.accessLog.since', { date: formatDate(locale, r.export_since) })})</>}</td>
            <td>{r.request_id ? <a href={`#/request/${r.request_id}`} dir="ltr">{r.support_requests?.reference}</a> : '—'}</td>
            <td dir="auto">{r.reason ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
