import type { SupabaseClient } from '@supabase/supabase-js';
import { dueSoonWindow } from '../lib/deadlines';
import { toLatinDigits } from '../lib/digits';
import { normaliseSaudiMobile } from '../lib/mobile';
import { REFERENCE_FORMAT, normaliseReference } from '../lib/reference';
import { UNDECIDED_STATUSES, type RequestStatus } from '../lib/workflow';

export const PAGE_SIZE = 25;
export const QUEUE_COLUMNS = 'id,reference,full_name,mobile,status,category,intake_channel,created_at,decision_due_by,decided_at,assigned_to,overdue_flags(flagged_at)';

export interface QueueFilters {
  status: RequestStatus | '';
  category: string;
  channel: string;
  mine: boolean;
  /** `flagged`: flagged for the supervisor once its window passed without a decision (public.overdue_flags). */
  deadline: '' | 'due_soon' | 'overdue' | 'flagged';
  search: string;
}

export const EMPTY_FILTERS: QueueFilters = { status: '', category: '', channel: '', mine: false, deadline: '', search: '' };

// PostgREST's or=() grammar uses , ( ) as separators; a search term never needs them.
const safeTerm = (raw: string) => toLatinDigits(raw).replace(/[,()*"\\:%]/g, ' ').trim();

/** Applies the queue's filters to a PostgREST select, server side, so paging stays correct. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function applyFilters<Q extends { eq: any; lt: any; gte: any; lte: any; is: any; in: any; or: any; not: any }>(
  query: Q,
  filters: QueueFilters,
  myId: string,
  now = new Date(),
): Q {
  let q = query;
  if (filters.status) q = q.eq('status', filters.status);
  if (filters.category) q = q.eq('category', filters.category);
  if (filters.channel) q = q.eq('intake_channel', filters.channel);
  if (filters.mine) q = q.eq('assigned_to', myId);
  if (filters.deadline === 'overdue') {
    q = q.lt('decision_due_by', now.toISOString()).is('decided_at', null).in('status', UNDECIDED_STATUSES);
  } else if (filters.deadline === 'flagged') {
    q = q.not('overdue_flags', 'is', null).is('decided_at', null);
  } else if (filters.deadline === 'due_soon') {
    const window = dueSoonWindow(now);
    q = q.gte('decision_due_by', window.from).lte('decision_due_by', window.to).is('decided_at', null).in('status', UNDECIDED_STATUSES);
  }
  const term = safeTerm(filters.search);
  if (!term) return q;
  // A whole reference or mobile is looked up exactly (unique / indexed, a few ms at 100,000
  // requests); anything else is a partial match on reference, name or mobile (a scan).
  const reference = normaliseReference(term);
  if (/^irt/i.test(term) && REFERENCE_FORMAT.test(reference)) return q.eq('reference', reference);
  const mobile = normaliseSaudiMobile(term);
  if (mobile) return q.eq('mobile', mobile);
  const digits = term.replace(/\D/g, '');
  const parts = [`reference.ilike.*${term}*`, `full_name.ilike.*${term}*`];
  // A local mobile (05...) is stored as +9665...; match on the significant digits.
  if (digits.length >= 4) parts.push(`mobile.like.*${digits.replace(/^(00966|966|0)/, '')}*`);
  q = q.or(parts.join(','));
  return q;
}

export async function fetchQueuePage(client: SupabaseClient, filters: QueueFilters, myId: string, page: number) {
  const from = page * PAGE_SIZE;
  const query = client
    .from('support_requests')
    .select(QUEUE_COLUMNS, { count: 'exact' })
    .order('decision_due_by', { ascending: true, nullsFirst: false })
    .order('created_at', { ascending: true })
    .range(from, from + PAGE_SIZE - 1);
  return applyFilters(query, filters, myId);
}
