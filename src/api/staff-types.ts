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

export type EventKind = 'submitted' | 'status_changed' | 'assigned' | 'note' | 'follow_up';

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
  note: string | null;
  assigned_to: string | null;
}
