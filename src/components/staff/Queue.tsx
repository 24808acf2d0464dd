import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadQueuePage, loadStatusCounts, type QueuePage } from '../../api/staff';
import { PAGE_SIZE } from '../../api/queue-query';
import type { StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { RequestStatus } from '../../lib/workflow';
import { QUEUE_RULE_KEYS, parseQueueView, queueViewParams, type QueueRuleKey, type QueueSort, type QueueView } from '../../schemas/queue-view';
import BulkAssign from './BulkAssign';
import QueueFilters from './QueueFilters';
import QueueTable from './QueueTable';
import { resultsLine } from './results-line';
import { moveFocus, useShortcuts } from './shortcuts';
import StatusCounts from './StatusCounts';
import { useLatestOnly } from './useLatestOnly';
import { useRefreshOnFocus } from './useRefreshOnFocus';
import type { Route } from './useHashRoute';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  staff: StaffMember[];
  route: Route;
  navigate: (route: { name: string; id?: string; params?: URLSearchParams }) => void;
  /** The request the member came back from: its row gets the focus again. */
  returnTo: string | null;
}

const BULK_ROLES = ['supervisor', 'admin'];

/** A search the database refuses says why (too short, too long); anything else: try again. */
function queueFailureMessage(t: IslandTranslate<'staff'>, ruleKey: string | null): string {
  return (QUEUE_RULE_KEYS as readonly string[]).includes(ruleKey ?? '') ? t(`staff.queue.error.${ruleKey as QueueRuleKey}`) : t('staff.loadFailed');
}

/** The queue: the view is the URL (filters, search, sort, page), so it can be shared and Back returns to it. */
export default function Queue({ t, me, staff, route, navigate, returnTo }: Props) {
  const paramsKey = route.params.toString();
  const view = useMemo(() => parseQueueView(new URLSearchParams(paramsKey)), [paramsKey]);
  const [page, setPage] = useState<QueuePage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [counts, setCounts] = useState<Partial<Record<RequestStatus, number>> | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const table = useRef<HTMLDivElement>(null);
  const focusedAfterLoad = useRef(false);

  const beginLoad = useLatestOnly();
  const load = useCallback(async () => {
    const isLatest = beginLoad();
    const [result, countResult] = await Promise.all([loadQueuePage(view, me.user_id), loadStatusCounts()]);
    if (!isLatest()) return;
    if (countResult.ok) setCounts(countResult.data);
    if (result.ok) {
      setPage(result.data);
      setFailure(null);
    } else {
      setPage({ rows: [], total: 0, totalEstimated: false });
      setFailure(queueFailureMessage(t, result.failure.ruleKey));
    }
  }, [view, me.user_id, t, beginLoad]);

  useEffect(() => {
    setPage(null);
    load();
  }, [load]);
  useRefreshOnFocus(load);

  // Back from a request: focus its row again, so a keyboard user carries on where they were.
  useEffect(() => {
    if (!page || focusedAfterLoad.current || !returnTo) return;
    focusedAfterLoad.current = true;
    table.current?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(returnTo)}"] [data-queue-link]`)?.focus();
  }, [page, returnTo]);

  const show = (changes: Partial<QueueView>) => navigate({ name: 'queue', params: queueViewParams({ ...view, page: 1, ...changes }) });
  const sortBy = (sort: QueueSort) => show({ sort, desc: view.sort === sort ? !view.desc : false });
  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;
  const toggle = (id: string) => setSelected((current) => {
    const next = new Set(current);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const canBulk = BULK_ROLES.includes(me.role);
  const focusedRowId = () => (document.activeElement?.closest('tr[data-id]') as HTMLElement | null)?.dataset.id;

  useShortcuts({
    search: () => document.getElementById('q-search')?.focus(),
    next: () => moveFocus(table.current, '[data-queue-link]', 1),
    previous: () => moveFocus(table.current, '[data-queue-link]', -1),
    select: () => { const id = focusedRowId(); if (canBulk && id) toggle(id); },
    nextPage: () => { if (view.page < pages) show({ page: view.page + 1 }); },
    previousPage: () => { if (view.page > 1) show({ page: view.page - 1 }); },
  });

  const selectedRows = (page?.rows ?? []).filter((r) => selected.has(r.id));
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" tabIndex={-1}>{t('staff.queue.title')}</h2>
      <StatusCounts t={t} counts={counts} />
      <QueueFilters t={t} view={view} staff={staff} onApply={show} />
      <p role="status" aria-live="polite" className="results-line">
        {page === null ? t('staff.loading') : failure ?? resultsLine(t, page)}
      </p>
      {canBulk && page && page.rows.length > 0 && (
        <BulkAssign t={t} selected={selectedRows} staff={staff} onDone={load} onClear={() => setSelected(new Set())} />
      )}
      <div ref={table}>
        {page && page.rows.length > 0 && (
          <QueueTable t={t} rows={page.rows} staff={staff} view={view} caption={t('staff.queue.caption')} onSort={sortBy}
            selection={canBulk ? { selected, toggle } : undefined} onOpen={(id) => navigate({ name: 'request', id })} />
        )}
      </div>
      <nav aria-label={t('staff.queue.paging')} className="staff-paging">
        <button type="button" disabled={view.page <= 1} onClick={() => show({ page: view.page - 1 })}>{t('staff.queue.previous')}</button>
        <span>{page?.totalEstimated ? t('staff.queue.pageAbout', { page: view.page, pages }) : t('staff.queue.page', { page: view.page, pages })}</span>
        <button type="button" disabled={view.page >= pages} onClick={() => show({ page: view.page + 1 })}>{t('staff.queue.next')}</button>
      </nav>
    </section>
  );
}
