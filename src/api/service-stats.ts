import type { RatingDimension } from '../schemas/satisfaction-survey-rules';
import { rest } from './rest';

/** `service_stats()` gives the last 12 months, oldest first (supabase/CONTRACT.md; tests/db holds the two together). */
export const SERVICE_STATS_MONTHS = 12;

/** The shape of `service_stats()` (supabase/CONTRACT.md); a figure from fewer than 5 rows is null. */
export interface ServiceStats {
  /** When the database computed these figures (ISO 8601). */
  generated_at: string;
  months: { month: string; submitted: number | null; decided: number | null }[];
  requests_total: number | null;
  decisions: number | null;
  /** 0..1: decisions made by decision_due_by (the 6-week promise). */
  decided_within_window_share: number | null;
  median_days_to_decision: number | null;
  survey_responses: number | null;
  satisfaction: Partial<Record<RatingDimension | 'recommend', number | null>>;
}

/** The published aggregates, or null when the call fails (or `signal` aborts it). */
export async function loadServiceStats(signal?: AbortSignal): Promise<ServiceStats | null> {
  const call = rest.rpc('service_stats');
  const { data, error } = await (signal ? call.abortSignal(signal) : call);
  return error || !data ? null : (data as ServiceStats);
}
