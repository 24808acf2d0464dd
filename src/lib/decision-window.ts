/**
 * Policy, handling step 5: the authorised person answers "within a period of no less than two
 * weeks and no more than six weeks". The database computes the same dates
 * (decision_due_from / decision_due_by); these constants are for what the site explains.
 */
export const DECISION_MIN_DAYS = 14;
export const DECISION_MAX_DAYS = 42;

export const DAY_MS = 24 * 60 * 60 * 1000;

export function decisionWindow(submittedAt: Date): { from: Date; by: Date } {
  return {
    from: new Date(submittedAt.getTime() + DECISION_MIN_DAYS * DAY_MS),
    by: new Date(submittedAt.getTime() + DECISION_MAX_DAYS * DAY_MS),
  };
}
