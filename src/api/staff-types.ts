import type { Channel } from '../schemas/channels';
import type { CorrectableField, DataRequestKind, DataRequestOutcome } from '../lib/data-requests';
import type { RequestStatus, StaffRole } from '../lib/workflow';
import type { OutreachChannel, OutreachMoment } from '../../supabase/functions/_shared/pure/moments.ts';

export interface StaffMember {
  user_id: string;
  full_name: string;
  role: StaffRole;
  active: boolean;
  email?: string | null;
}

/** A request as the queue and "my work" list it (QUEUE_COLUMNS; `internal.queue_rows()`). */
export interface QueueRow {
  id: string;
  reference: string;
  full_name: string;
  mobile: string;
  status: RequestStatus;
  category: string;
  intake_channel: string | null;
  created_at: string;
  /** The version a change is checked against: another member's change meanwhile refuses it (request_changed). */
  updated_at: string;
  decision_due_by: string | null;
  decided_at: string | null;
  assigned_to: string | null;
  /** Set once the decision window passed without a decision (public.overdue_flags). */
  overdue_flags?: { flagged_at: string } | null;
  /** Another open request has the same national ID or mobile, and nobody linked or dismissed it yet. */
  possible_duplicate: boolean;
}

/** A "came back from the beneficiary" row of my_work(). */
export type CameBackRow = QueueRow & { came_back_at: string };

/** A request on its page: the masked national ID and mobile (`national_id_masked`, `mobile_masked`), never the full ones. */
export type SupportRequestRow = Omit<QueueRow, 'possible_duplicate' | 'mobile'> & { possible_duplicate?: boolean } & Record<string, unknown>;

/** A row of public.access_log: a reveal (request and field), an export of requests (masked, or in full with a reason), or a private link issued (request). */
export interface AccessLogRow {
  id: number;
  created_at: string;
  actor_id: string;
  actor_role: StaffRole;
  kind: 'reveal' | 'export' | 'private_link';
  request_id: string | null;
  field: 'national_id' | 'mobile' | null;
  export_since: string | null;
  full_values: boolean;
  reason: string | null;
  /** Embedded through the request_id foreign key. */
  support_requests?: { reference: string } | null;
}

/** Enum public.request_event_kind; each is labelled `staff.timeline.kind.<kind>`. */
export const REQUEST_EVENT_KINDS = [
  'submitted', 'status_changed', 'assigned', 'note', 'follow_up', 'message', 'contact_preferences', 'reply', 'document',
  'documents_checked', 'link_issued', 'duplicate_linked', 'duplicate_dismissed', 'anonymised', 'data_request',
] as const;
export type EventKind = (typeof REQUEST_EVENT_KINDS)[number];

/** Enum public.request_event_code: what the database records on an event it writes on its own (`staff.timeline.code.<code>`). */
export const REQUEST_EVENT_CODES = [
  'registered_on_behalf',
  'low_satisfaction_score',
  'overdue_flagged',
  'follow_up_closed',
  'staff_message',
  'message_sent',
  'message_failed',
  'message_retried',
  'contact_preferences_changed',
  'messages_stopped',
  'messages_resumed',
  'retention_expired',
  'data_request_received',
  'data_request_extended',
  'data_request_done',
  'data_request_refused',
  'data_request_kept',
  'deletion_requested',
] as const;
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
  survey_id?: string | null;
  /** On message events: the message, its moment and channel (the channel is null for a staff message: it goes on every chosen one). */
  message_id?: number | null;
  message_moment?: OutreachMoment | null;
  message_channel?: OutreachChannel | null;
  /** The document a `document` event added. */
  document_id?: string | null;
  /** The other request of a duplicate_linked / duplicate_dismissed event, and its reference (embedded). */
  related_request_id: string | null;
  related_request?: { reference: string } | null;
}

/** public.contact_preferences: how the beneficiary wants to hear about the request. */
export interface ContactPreferences {
  request_id: string;
  sms: boolean;
  email: boolean;
  stopped_at: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** A message that failed for good (public.undelivered_messages()). */
export interface UndeliveredMessage {
  id: number;
  request_id: string;
  reference: string;
  moment: OutreachMoment;
  channel: OutreachChannel;
  recipient: string;
  reason: string;
  attempts: number;
  failed_at: string;
}

/** A row of request_documents: the file is in the request-documents bucket under `object_name`. */
export interface RequestDocument {
  id: string;
  request_id: string;
  object_name: string;
  /** As the sender's device named it, Arabic included. */
  original_name: string;
  mime_type: string;
  size_bytes: number;
  /** The staff member who added it; null: the beneficiary, with a reply. */
  added_by: string | null;
  created_at: string;
}

/** A row of request_duplicates(): another request of the same applicant. */
export interface SameApplicantRequest {
  id: string;
  reference: string;
  full_name: string;
  status: RequestStatus;
  created_at: string;
  same_national_id: boolean;
  same_mobile: boolean;
  /** What staff decided about the pair; null when nobody has yet. */
  outcome: DuplicateOutcome | null;
  /** Still open and not reviewed: the request is flagged because of this one. */
  possible_duplicate: boolean;
}

export const DUPLICATE_OUTCOMES = ['linked', 'dismissed'] as const;
export type DuplicateOutcome = (typeof DUPLICATE_OUTCOMES)[number];

/** A row of staff_load(): a member's open requests (user_id null: nobody's). */
export interface StaffLoadRow {
  user_id: string | null;
  full_name: string | null;
  role: StaffRole | null;
  active: boolean | null;
  open_requests: number;
  waiting: number;
  overdue: number;
}

/** A row of public.data_requests, with its request's reference (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"). */
export interface DataRequestRow {
  id: string;
  request_id: string;
  kind: DataRequestKind;
  field: CorrectableField | null;
  details: string | null;
  channel: string;
  received_at: string;
  due_by: string;
  extended_at: string | null;
  extension_reason: string | null;
  outcome: DataRequestOutcome | null;
  outcome_note: string | null;
  decided_at: string | null;
  support_requests: { reference: string } | null;
}
