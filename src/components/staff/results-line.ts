import type { QueuePage } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';

/** "12 results", or "About 18,000 results" when the database estimated a total over 1,000. */
export function resultsLine(t: IslandTranslate<'staff'>, page: Pick<QueuePage, 'total' | 'totalEstimated'>): string {
  if (!page.totalEstimated) return t('staff.queue.results', { count: page.total });
  const rounded = Number(page.total.toPrecision(2));
  return t('staff.queue.resultsAbout', { count: rounded.toLocaleString('en') });
}
