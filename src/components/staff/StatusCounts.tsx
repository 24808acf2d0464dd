import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_STATUSES, type RequestStatus } from '../../lib/workflow';
import { queueHref } from './queue-links';

/** The count of requests in each status (one aggregate call), each a link to that status's queue. */
export default function StatusCounts({ t, counts }: { t: IslandTranslate<'staff'>; counts: Partial<Record<RequestStatus, number>> | null }) {
  return (
    <section aria-labelledby="counts-title" className="status-counts-section">
      <h3 id="counts-title">{t('staff.queue.countsTitle')}</h3>
      <ul className="status-counts" data-testid="status-counts">
        {REQUEST_STATUSES.map((s) => (
          <li key={s} data-status={s}>
            <a href={queueHref({ status: s })}>
              <span>{t(`staff.status.${s}`)}</span>: <strong>{counts?.[s] ?? '…'}</strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
