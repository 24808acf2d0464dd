/*
 * Outreach (issue 13; docs/ARCHITECTURE.md, "Outreach"), part 1: the values the next migrations
 * use. A new enum value cannot be used in the transaction that adds it, so they come first.
 * Mirrored in TypeScript by OUTREACH_MOMENTS / OUTREACH_CHANNELS
 * (supabase/functions/_shared/pure/moments.ts) and REQUEST_EVENT_KINDS / REQUEST_EVENT_CODES
 * (src/api/staff-types.ts); tests/db/policy-parity.test.ts and tests/db/outreach-parity.test.ts compare them.
 */

/* ---------------------------------------------------------------------------------------- */
/* What the portal writes to the beneficiary, and how                                        */
/* ---------------------------------------------------------------------------------------- */

create type public.outreach_moment as enum (
  'request_received', 'information_needed', 'decision_accepted', 'decision_rejected',
  'service_delivered', 'overdue_apology', 'follow_up_closed', 'staff_message'
);

create type public.outreach_channel as enum ('sms', 'email');

grant usage on type public.outreach_moment, public.outreach_channel to anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* The history of a request gains messages and contact preferences                           */
/* ---------------------------------------------------------------------------------------- */

-- message: a message staff wrote, or what became of one the portal sent;
-- contact_preferences: how the beneficiary wants to hear from us changed.
alter type public.request_event_kind add value 'message';
alter type public.request_event_kind add value 'contact_preferences';

-- follow_up: overdue_flagged (the decision window passed: the supervisor follows it up, and the
--   beneficiary gets an apology), follow_up_closed (staff closed the follow-up of a low score: what was done).
-- message: staff_message (written by staff), message_sent, message_failed, message_retried.
-- contact_preferences: contact_preferences_changed (by staff), messages_stopped and messages_resumed (by the beneficiary's link).
alter type public.request_event_code add value 'overdue_flagged';
alter type public.request_event_code add value 'follow_up_closed';
alter type public.request_event_code add value 'staff_message';
alter type public.request_event_code add value 'message_sent';
alter type public.request_event_code add value 'message_failed';
alter type public.request_event_code add value 'message_retried';
alter type public.request_event_code add value 'contact_preferences_changed';
alter type public.request_event_code add value 'messages_stopped';
alter type public.request_event_code add value 'messages_resumed';
