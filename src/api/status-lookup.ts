import { rest } from './rest';
import type { RequestStatus } from '../lib/workflow';
import type { StatusLookup } from '../schemas/status-lookup';

export interface TimelineEntry {
  status: RequestStatus;
  at: string;
}
/** What a status lookup and a request's private page both tell about it. */
export interface StatusFacts {
  reference: string;
  status: RequestStatus;
  submitted_at: string;
  decision_due_from: string;
  decision_due_by: string;
  decided_at: string | null;
  timeline: TimelineEntry[];
}
export type StatusAnswer =
  | ({ outcome: 'found' } & StatusFacts)
  | { outcome: 'not_found' }
  | { outcome: 'throttled'; retry_after_seconds: number }
  | { outcome: 'unavailable' };

/** Calls `get_request_status` (supabase/CONTRACT.md); it answers rather than raises, so only a lost call is "unavailable". */
export async function lookUpStatus(lookup: StatusLookup): Promise<StatusAnswer> {
  const { data, error } = await rest.rpc('get_request_status', {
    p_reference: lookup.reference,
    p_phone_last4: lookup.phone_last4,
  });
  if (error || !data) return { outcome: 'unavailable' };
  return data as StatusAnswer;
}
