import type { Channel } from '../schemas/channels';
import type { RequestStatus, StaffRole } from '../lib/workflow';

export interface StaffMember {
  user_id: string;
  full_name: string;
  role: StaffRole;
  active: boolean;
  email?: string | null;
}

export interface QueueRow {
  id: string;
  reference: string;
  full_name: string;
  mobile: string;
  status: RequestStatus;
  category: string;
  intake_channel: string | null;
  created_at: string;
  decision_due_by: string | null;
  decided_at: string | null;
  assigned_to: string | null;
}

export type SupportRequestRow = QueueRow & Record<string, unknown>;

/** Enum public.request_event_kind; each is labelled `staff.timeline.kind.<kind>`. */
export const REQUEST_EVENT_KINDS = ['submitted', 'status_changed', 'assigned', 'note', 'follow_up'] as const;
export type EventKind = (typeof REQUEST_EVENT_KINDS)[number];

/** Enum public.request_event_code: what the database records on an event it writes on its own (`staff.timeline.code.<code>`). */
export const REQUEST_EVENT_CODES = ['registered_on_behalf', 'low_satisfaction_score'] as const;
export type EventCode = (typeof REQUEST_EVENT_CODES)[number];

/** A row of request_events: written by the database itself, append-only. */
export interface RequestEvent {
  id: number;
  request_id: string;
  created_at: string;
  kind: EventKind;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  actor_id: string | null;
  actor_role: StaffRole | null;
  /** Written by staff; on an event with a code, what older history recorded instead of the code. */
  note: string | null;
  code: EventCode | null;
  /** The channel of a `registered_on_behalf` registration. */
  intake_channel: Channel | null;
  assigned_to: string | null;
}
