import { useEffect, useState, type SubmitEvent } from 'react';
import { countRequestsByStatus, loadQueuePage } from '../../api/staff';
import { EMPTY_FILTERS, PAGE_SIZE, type QueueFilters } from '../../api/queue-query';
import type { QueueRow, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { daysSince } from '../../lib/deadlines';
import type { Locale } from '../../lib/locale';
import { REQUEST_STATUSES, type RequestStatus } from '../../lib/workflow';
import { BENEFICIARY_CATEGORIES } from '../../schemas/support-request-rules';
import { CHANNELS } from '../../schemas/channels';
import DeadlineBadge from './DeadlineBadge';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  onOpen: (id: string) => void;
}

function useStatusCounts() {
  const [counts, setCounts] = useState<Partial<Record<RequestStatus, number>>>({});
  useEffect(() => {
    countRequestsByStatus().then(setCounts);
  }, []);
  return counts;
}

export default function Queue({ t, me, onOpen }: Props) {
  const [filters, setFilters] = useState<QueueFilters>(EMPTY_FILTERS);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<QueueRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState(false);
  const counts = useStatusCounts();

  useEffect(() => {
    let current = true;
    setRows(null);
    loadQueuePage(filters, me.user_id, page).then((result) => {
      if (!current) return;
      setFailed(!result.ok);
      setRows(result.ok ? result.data.rows : []);
      setTotal(result.ok ? result.data.total : 0);
    });
    return () => {
      current = false;
    };
  }, [filters, page, me.user_id]);

  function apply(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setPage(0);
    setFilters({
      status: String(f.get('status') ?? '') as QueueFilters['status'],
      category: String(f.get('category') ?? ''),
      channel: String(f.get('channel') ?? ''),
      mine: f.get('mine') === 'on',
      deadline: String(f.get('deadline') ?? '') as QueueFilters['deadline'],
      search: String(f.get('search') ?? ''),
    });
  }

  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" tabIndex={-1}>{t('staff.queue.title')}</h2>
      <h3>{t('staff.queue.countsTitle')}</h3>
      <ul className="status-counts" data-testid="status-counts">
        {REQUEST_STATUSES.map((s) => (
          <li key={s} data-status={s}>
            <span>{t(`staff.status.${s}`)}</span>: <strong>{counts[s] ?? '…'}</strong>
          </li>
        ))}
      </ul>
      <form className="staff-filters" onSubmit={apply} role="search" aria-label={t('staff.queue.filtersLabel')}>
        <label htmlFor="q-search">{t('staff.queue.search')}</label>
        <input id="q-search" name="search" type="search" defaultValue={filters.search} aria-describedby="q-search-hint" />
        <p id="q-search-hint" className="hint">{t('staff.queue.searchHint')}</p>
        <label htmlFor="q-status">{t('staff.queue.status')}</label>
        <select id="q-status" name="status" defaultValue={filters.status}>
          <option value="">{t('staff.queue.any')}</option>
          {REQUEST_STATUSES.map((s) => <option key={s} value={s}>{t(`staff.status.${s}`)}</option>)}
        </select>
        <label htmlFor="q-category">{t('staff.queue.category')}</label>
        <select id="q-category" name="category" defaultValue={filters.category}>
          <option value="">{t('staff.queue.any')}</option>
          {BENEFICIARY_CATEGORIES.map((c) => <option key={c} value={c}>{t(`staff.category.${c}`)}</option>)}
        </select>
        <label htmlFor="q-channel">{t('staff.queue.channel')}</label>
        <select id="q-channel" name="channel" defaultValue={filters.channel}>
          <option value="">{t('staff.queue.any')}</option>
          {CHANNELS.map((c) => <option key={c} value={c}>{t(`staff.channel.${c}`)}</option>)}
        </select>
        <label htmlFor="q-deadline">{t('staff.queue.deadline')}</label>
        <select id="q-deadline" name="deadline" defaultValue={filters.deadline}>
          <option value="">{t('staff.queue.any')}</option>
          <option value="due_soon">{t('staff.deadline.due_soon')}</option>
          <option value="overdue">{t('staff.deadline.overdue')}</option>
        </select>
        <span className="checkbox">
          <input id="q-mine" name="mine" type="checkbox" defaultChecked={filters.mine} />
          <label htmlFor="q-mine">{t('staff.queue.mine')}</label>
        </span>
        <button type="submit">{t('staff.queue.apply')}</button>
      </form>
      <p role="status" aria-live="polite">
        {rows === null ? t('staff.loading') : failed ? t('staff.loadFailed') : t('staff.queue.results', { count: total })}
      </p>
      {rows && rows.length > 0 && (
        <table className="staff-table" data-testid="queue">
          <caption className="visually-hidden">{t('staff.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.field.reference')}</th>
              <th scope="col">{t('staff.field.full_name')}</th>
              <th scope="col">{t('staff.field.status')}</th>
              <th scope="col">{t('staff.queue.daysSince')}</th>
              <th scope="col">{t('staff.queue.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-reference={r.reference}>
                <td>
                  <a href={`#/request/${r.id}`} onClick={(e) => { e.preventDefault(); onOpen(r.id); }} dir="ltr">{r.reference}</a>
                </td>
                <td><bdi>{r.full_name}</bdi></td>
                <td>{t(`staff.status.${r.status}`)}</td>
                <td>{daysSince(r.created_at)}</td>
                <td><DeadlineBadge t={t} dueBy={r.decision_due_by} decidedAt={r.decided_at} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t('staff.queue.paging')} className="staff-paging">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('staff.queue.previous')}</button>
        <span>{t('staff.queue.page', { page: page + 1, pages })}</span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('staff.queue.next')}</button>
      </nav>
    </section>
  );
}
