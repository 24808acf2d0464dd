/**
 * The request workflow as data (docs/ARCHITECTURE.md, "The workflow and its roles"; policy, handling steps 1-7).
 * The staff UI offers exactly the actions listed here for the signed-in role and the request's
 * status, and the track page derives "what comes next" from them; the database trigger reads the
 * same rows from internal.request_statuses and internal.request_transitions
 * (tests/db/policy-parity.test.ts compares the rows; tests/db/workflow-parity.test.ts tries every
 * role x from x to through the real trigger).
 */
export const REQUEST_STATUSES = [
  'submitted',
  'under_review',
  'needs_info',
  'escalated',
  'pending_decision',
  'accepted',
  'rejected',
  'registered',
  'service_delivered',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STAFF_ROLES = ['officer', 'supervisor', 'authority', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type WorkflowAction =
  | 'start_review'
  | 'ask_for_information'
  | 'refer_to_supervisor'
  | 'send_for_decision'
  | 'resume_review'
  | 'accept'
  | 'reject'
  | 'complete_registration'
  | 'record_service_delivered'
  | 'close';

export interface Transition {
  action: WorkflowAction;
  from: RequestStatus;
  to: RequestStatus;
  roles: readonly StaffRole[];
  /** The database refuses the move without a note (`note_required` / `rejection_reason_required`). */
  noteRequired: boolean;
}

const handlers = ['officer', 'supervisor'] as const;
// "Unclear cases are referred to a more senior person": only a supervisor handles a referred case.
const seniors = ['supervisor'] as const;
const deciders = ['authority'] as const;

export const TRANSITIONS: readonly Transition[] = [
  { action: 'start_review', from: 'submitted', to: 'under_review', roles: handlers, noteRequired: false },
  { action: 'ask_for_information', from: 'under_review', to: 'needs_info', roles: handlers, noteRequired: true },
  { action: 'refer_to_supervisor', from: 'under_review', to: 'escalated', roles: handlers, noteRequired: false },
  { action: 'send_for_decision', from: 'under_review', to: 'pending_decision', roles: handlers, noteRequired: false },
  { action: 'resume_review', from: 'needs_info', to: 'under_review', roles: handlers, noteRequired: false },
  { action: 'resume_review', from: 'escalated', to: 'under_review', roles: seniors, noteRequired: false },
  { action: 'send_for_decision', from: 'escalated', to: 'pending_decision', roles: seniors, noteRequired: false },
  { action: 'accept', from: 'pending_decision', to: 'accepted', roles: deciders, noteRequired: false },
  { action: 'reject', from: 'pending_decision', to: 'rejected', roles: deciders, noteRequired: true },
  { action: 'complete_registration', from: 'accepted', to: 'registered', roles: handlers, noteRequired: false },
  { action: 'record_service_delivered', from: 'registered', to: 'service_delivered', roles: handlers, noteRequired: false },
  { action: 'close', from: 'service_delivered', to: 'closed', roles: handlers, noteRequired: false },
];

/** The transitions a member with this role may take from this status, in table order. */
export function actionsFor(role: StaffRole, from: RequestStatus): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role));
}

export function findTransition(from: RequestStatus, to: RequestStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function isAllowed(role: StaffRole, from: RequestStatus, to: RequestStatus): boolean {
  return findTransition(from, to)?.roles.includes(role) ?? false;
}

/** What a status means to the workflow (internal.request_statuses). */
export interface StatusFacts {
  /** Moving here is the decision: the database records who decided, when, and the note. */
  decision: boolean;
  /** Nothing comes after. */
  final: boolean;
  /** The decision is still to be made: the request counts towards "overdue". */
  awaitsDecision: boolean;
  /** The request waits on the beneficiary: the decision window stops and moves on by as long. */
  pausesDecisionClock: boolean;
  /** A side step that comes back to this status; the beneficiary sees it only when it happens (site only). */
  sideStepOf: RequestStatus | null;
}

const step = (facts: Partial<StatusFacts>): StatusFacts => ({
  decision: false,
  final: false,
  awaitsDecision: false,
  pausesDecisionClock: false,
  sideStepOf: null,
  ...facts,
});

export const STATUS_FACTS: Readonly<Record<RequestStatus, StatusFacts>> = {
  submitted: step({ awaitsDecision: true }),
  under_review: step({ awaitsDecision: true }),
  needs_info: step({ awaitsDecision: true, pausesDecisionClock: true, sideStepOf: 'under_review' }),
  escalated: step({ awaitsDecision: true, sideStepOf: 'under_review' }),
  pending_decision: step({ awaitsDecision: true }),
  accepted: step({ decision: true }),
  rejected: step({ decision: true, final: true }),
  registered: step({}),
  service_delivered: step({}),
  closed: step({ final: true }),
};

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Statuses in which the decision is still to be made (they count towards "overdue"). */
export const UNDECIDED_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => STATUS_FACTS[s].awaitsDecision);

/** Roles that work requests (the admin manages staff only). */
export const REQUEST_HANDLING_ROLES: readonly StaffRole[] = ['officer', 'supervisor'];
