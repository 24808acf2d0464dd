import type { RatingDimension } from '../schemas/satisfaction-survey';
import { rest } from './rest';

/** The shape of `service_stats()` (supabase/CONTRACT.md); a figure from fewer than 5 rows is null. */
export interface ServiceStats {
  months: { month: string; submitted: number | null; decided: number | null }[];
  requests_total: number | null;
  decisions: number | null;
  /** 0..1: decisions made by decision_due_by (the 6-week promise). */
  decided_within_window_share: number | null;
  median_days_to_decision: number | null;
  survey_responses: number | null;
  satisfaction: Partial<Record<RatingDimension | 'recommend', number | null>>;
}

/** The published aggregates, or null when the call fails. */
export async function loadServiceStats(): Promise<ServiceStats | null> {
  const { data, error } = await rest.rpc('service_stats');
  return error || !data ? null : (data as ServiceStats);
}
