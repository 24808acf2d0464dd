import { loadStaffLoad } from '../../api/staff';
import type { StaffLoadRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { WAITING_STATUS } from '../../lib/workflow';
import { queueHref } from './queue-links';
import { useStaffRead } from './useStaffRead';

// One empty list for every failed read, so the hook's dependencies stay the same.
const NO_ROWS: never[] = [];

/** The supervisor's view: each member's open requests, what waits on the beneficiary and what is overdue, each a link to that queue. */
export default function TeamLoad({ t }: { t: IslandTranslate<'staff'> }) {
  const { data: rows, failed } = useStaffRead(loadStaffLoad, NO_ROWS);

  const assignee = (r: StaffLoadRow) => r.user_id ?? 'none';
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title" tabIndex={-1}>{t('staff.team.title')}</h2>
      <p>{t('staff.team.intro')}</p>
      {!rows && <p role="status">{t('staff.loading')}</p>}
      {failed && <p role="alert">{t('staff.loadFailed')}</p>}
      {rows && rows.length > 0 && (
        <table className="staff-table" data-testid="team-load">
          <caption className="visually-hidden">{t('staff.team.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.team.member')}</th>
              <th scope="col">{t('staff.team.open')}</th>
              <th scope="col">{t('staff.team.waiting')}</th>
              <th scope="col">{t('staff.team.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.user_id ?? 'nobody'} data-member={r.full_name ?? ''}>
                <th scope="row">
                  {r.user_id ? <>{r.full_name}{r.role && <> ({t(`staff.role.${r.role}`)})</>}{r.active === false && <> — {t('staff.admin.isInactive')}</>}</> : t('staff.team.nobody')}
                </th>
                <td><a href={queueHref({ assignee: assignee(r) })} aria-label={t('staff.team.openFor', { count: r.open_requests, name: r.full_name ?? t('staff.team.nobody') })}>{r.open_requests}</a></td>
                <td><a href={queueHref({ assignee: assignee(r), status: WAITING_STATUS })} aria-label={t('staff.team.waitingFor', { count: r.waiting, name: r.full_name ?? t('staff.team.nobody') })}>{r.waiting}</a></td>
                <td data-overdue={r.overdue}><a href={queueHref({ assignee: assignee(r), deadline: 'overdue' })} aria-label={t('staff.team.overdueFor', { count: r.overdue, name: r.full_name ?? t('staff.team.nobody') })}>{r.overdue}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
