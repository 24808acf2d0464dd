import { REQUEST_STATUSES, type RequestStatus } from '../lib/workflow';
import { CHANNELS, type Channel } from './channels';
import { BENEFICIARY_CATEGORIES, type BeneficiaryCategory } from './support-request';

/**
 * What the queue shows, as it stands in the URL (`#/queue?status=escalated&sort=created_at`), so
 * a view can be bookmarked and shared and Back returns to it. The choices mirror the checks of
 * `public.queue_requests()` (tests/db/queue.test.ts tries each). A value the lists do not hold
 * (an old or hand-edited link) falls back to the default rather than failing.
 */
export const QUEUE_SCOPES = ['open', 'all'] as const;
/** `flagged`: flagged for the supervisor once its window passed without a decision (public.overdue_flags). */
export const QUEUE_DEADLINES = ['overdue', 'due_soon', 'flagged'] as const;
export const QUEUE_SORTS = ['decision_due_by', 'created_at', 'full_name', 'status'] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];
export type QueueDeadline = (typeof QUEUE_DEADLINES)[number];
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** `me`, `none` (nobody) or a staff member's user id. */
export type QueueAssignee = '' | 'me' | 'none' | string;

export interface QueueView {
  q: string;
  status: RequestStatus | '';
  scope: QueueScope;
  category: BeneficiaryCategory | '';
  channel: Channel | '';
  assignee: QueueAssignee;
  deadline: QueueDeadline | '';
  sort: QueueSort;
  desc: boolean;
  /** 1-based. */
  page: number;
}

export const DEFAULT_QUEUE_VIEW: QueueView = {
  q: '',
  status: '',
  scope: 'open',
  category: '',
  channel: '',
  assignee: '',
  deadline: '',
  sort: 'decision_due_by',
  desc: false,
  page: 1,
};

/** Queries longer than this are refused by the database (search_length). */
export const SEARCH_MAX = 200;
/** What the database refuses a search with (internal.search_condition): each has its sentence, `staff.queue.error.<key>`. */
export const QUEUE_RULE_KEYS = ['search_too_short', 'search_length'] as const;
export type QueueRuleKey = (typeof QUEUE_RULE_KEYS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | '' => (list as readonly string[]).includes(value ?? '') ? (value as T) : '';

export function parseQueueView(params: URLSearchParams): QueueView {
  const page = Number(params.get('page'));
  const assignee = params.get('assignee') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, SEARCH_MAX),
    status: oneOf(REQUEST_STATUSES, params.get('status')),
    scope: oneOf(QUEUE_SCOPES, params.get('scope')) || DEFAULT_QUEUE_VIEW.scope,
    category: oneOf(BENEFICIARY_CATEGORIES, params.get('category')),
    channel: oneOf(CHANNELS, params.get('channel')),
    assignee: assignee === 'me' || assignee === 'none' || UUID.test(assignee) ? assignee : '',
    deadline: oneOf(QUEUE_DEADLINES, params.get('deadline')),
    sort: oneOf(QUEUE_SORTS, params.get('sort')) || DEFAULT_QUEUE_VIEW.sort,
    desc: params.get('dir') === 'desc',
    page: Number.isInteger(page) && page >= 1 && page <= 4000 ? page : 1,
  };
}

/** The view's URL parameters: only what differs from the default, always in the same order. */
export function queueViewParams(view: QueueView): URLSearchParams {
  const params = new URLSearchParams();
  const q = view.q.trim();
  if (q) params.set('q', q);
  if (view.status) params.set('status', view.status);
  if (view.scope !== DEFAULT_QUEUE_VIEW.scope) params.set('scope', view.scope);
  if (view.category) params.set('category', view.category);
  if (view.channel) params.set('channel', view.channel);
  if (view.assignee) params.set('assignee', view.assignee);
  if (view.deadline) params.set('deadline', view.deadline);
  if (view.sort !== DEFAULT_QUEUE_VIEW.sort) params.set('sort', view.sort);
  if (view.desc) params.set('dir', 'desc');
  if (view.page !== 1) params.set('page', String(view.page));
  return params;
}
