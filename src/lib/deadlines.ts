import { DAY_MS } from './decision-window';

/**
 * Deadline state of a request (policy: the decision comes no later than 6 weeks after
 * submission; docs/ARCHITECTURE.md, "The decision window"). "Due soon" is within 7 days.
 */
export const DUE_SOON_DAYS = 7;

export type DeadlineState = 'decided' | 'on_time' | 'due_soon' | 'overdue';

export interface DeadlineInput {
  decision_due_by: string | null;
  decided_at?: string | null;
}

export function deadlineState(request: DeadlineInput, now: Date = new Date()): DeadlineState {
  if (request.decided_at) return 'decided';
  if (!request.decision_due_by) return 'on_time';
  const dueBy = new Date(request.decision_due_by).getTime();
  if (dueBy < now.getTime()) return 'overdue';
  if (dueBy - now.getTime() <= DUE_SOON_DAYS * DAY_MS) return 'due_soon';
  return 'on_time';
}

/** Whole days since the request was submitted (0 on the day itself). */
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS));
}

export function daysBetween(fromIso: string, toIso: string): number {
  return (new Date(toIso).getTime() - new Date(fromIso).getTime()) / DAY_MS;
}

/** The cut-off instants the queue filters send to the server. */
export function dueSoonWindow(now: Date = new Date()): { from: string; to: string } {
  return { from: now.toISOString(), to: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS).toISOString() };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
