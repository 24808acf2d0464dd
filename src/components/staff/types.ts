import type { RequestStatus, StaffRole } from '../../lib/workflow';

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

export interface RequestEvent {
  id: string;
  request_id: string;
  created_at: string;
  actor: string | null;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  note: string | null;
  kind?: string | null;
}
