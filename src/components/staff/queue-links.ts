import { DEFAULT_QUEUE_VIEW, queueViewParams, type QueueView } from '../../schemas/queue-view';
import { routeHash } from './useHashRoute';

/** The link to the queue showing `view` (the defaults for everything it does not say). */
export function queueHref(view: Partial<QueueView>): string {
  return routeHash({ name: 'queue', params: queueViewParams({ ...DEFAULT_QUEUE_VIEW, ...view }) });
}
