/**
 * The path a request follows (docs/ARCHITECTURE.md, "The workflow and its roles"), as the beneficiary sees it: what has
 * happened, and what comes next. Side paths (needs_info, escalated) are shown when they happen.
 */
export const MAIN_PATH = ['submitted', 'under_review', 'pending_decision', 'accepted', 'registered', 'service_delivered', 'closed'] as const;

const DECIDED = new Set(['accepted', 'rejected', 'registered', 'service_delivered', 'closed']);
const FINISHED = new Set(['rejected', 'closed']);

export function isDecided(status: string): boolean {
  return DECIDED.has(status);
}

/** The steps still ahead of `status`, in order ("accepted" reads as "the decision"). */
export function stepsAhead(status: string): string[] {
  if (FINISHED.has(status)) return [];
  const from = status === 'needs_info' || status === 'escalated' ? 'under_review' : status;
  const index = MAIN_PATH.indexOf(from as (typeof MAIN_PATH)[number]);
  const ahead = MAIN_PATH.slice(index + 1);
  return ahead.map((step) => (step === 'accepted' ? 'decision' : step));
}
