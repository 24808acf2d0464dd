import type { QueueView } from '../schemas/queue-view';

export const PAGE_SIZE = 25;

/**
 * The columns of a queue row, as `internal.queue_rows()` builds them for queue_requests() and
 * my_work() (tests/db/queue.test.ts compares the two).
 */
export const QUEUE_COLUMNS = [
  'id', 'reference', 'full_name', 'mobile', 'status', 'category', 'intake_channel', 'created_at', 'updated_at',
  'decision_due_by', 'decided_at', 'assigned_to', 'possible_duplicate', 'overdue_flags',
] as const;

/**
 * The arguments of `public.queue_requests()` for a view (supabase/CONTRACT.md, "Staff"). A search
 * looks through every request, open or closed: whoever types a reference or a name wants that
 * request whatever became of it.
 */
export function queueArguments(view: QueueView, myId: string, pageSize = PAGE_SIZE): Record<string, unknown> {
  const assignee = view.assignee === 'me' ? myId : view.assignee === 'none' ? '' : view.assignee;
  return {
    p_search: view.q.trim(),
    p_status: view.status || null,
    p_scope: view.q.trim() ? 'all' : view.scope,
    p_category: view.category || null,
    p_intake_channel: view.channel || null,
    p_assigned_to: assignee || null,
    p_unassigned: view.assignee === 'none',
    p_deadline: view.deadline,
    p_sort: view.sort,
    p_descending: view.desc,
    p_offset: (view.page - 1) * pageSize,
    p_limit: pageSize,
  };
}
