import { STATUS_FACTS, TRANSITIONS, isRequestStatus, type RequestStatus } from './workflow';

/**
 * The path a request follows (docs/ARCHITECTURE.md, "The workflow and its roles"), as the beneficiary sees it: what has
 * happened, and what comes next. Derived from src/lib/workflow.ts: side steps (needs_info,
 * escalated) are shown only when they happen, and where the workflow branches the path carries
 * on rather than ending (accepted rather than rejected).
 */
function nextOnMainPath(from: RequestStatus): RequestStatus | undefined {
  const onward = TRANSITIONS.filter((t) => t.from === from && !STATUS_FACTS[t.to].sideStepOf).map((t) => t.to);
  return onward.find((to) => !STATUS_FACTS[to].final) ?? onward[0];
}

function mainPathFrom(status: RequestStatus): RequestStatus[] {
  const path = [status];
  for (let next = nextOnMainPath(status); next && !path.includes(next); next = nextOnMainPath(next)) path.push(next);
  return path;
}

export const MAIN_PATH: readonly RequestStatus[] = mainPathFrom('submitted');

/** The decision has been made (or the request has gone past it). */
export function isDecided(status: string): boolean {
  return isRequestStatus(status) && !STATUS_FACTS[status].awaitsDecision;
}

/** The steps still ahead of `status`, in order; a decision status reads as "decision". */
export function stepsAhead(status: string): string[] {
  if (!isRequestStatus(status) || STATUS_FACTS[status].final) return [];
  const from = STATUS_FACTS[status].sideStepOf ?? status;
  return mainPathFrom(from)
    .slice(1)
    .map((step) => (STATUS_FACTS[step].decision ? 'decision' : step));
}
