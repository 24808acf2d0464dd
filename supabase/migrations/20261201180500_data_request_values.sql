/*
 * The beneficiary's rights (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"):
 * the kinds of data request, their outcomes, and their history. A new enum value cannot be used in
 * the transaction that adds it, so the table and functions are in 20261201180600_data_requests.sql.
 * Labels: `staff.timeline.kind.data_request`, `staff.timeline.code.<code>`, `staff.dataRequests.*`.
 */

create type public.data_request_kind as enum ('correction', 'deletion', 'withdraw_consent');
create type public.data_request_outcome as enum ('done', 'refused', 'kept_for_legal_reason');
grant usage on type public.data_request_kind, public.data_request_outcome to authenticated, service_role;

alter type public.request_event_kind add value 'data_request';
alter type public.request_event_code add value 'data_request_received';
alter type public.request_event_code add value 'data_request_extended';
alter type public.request_event_code add value 'data_request_done';
alter type public.request_event_code add value 'data_request_refused';
alter type public.request_event_code add value 'data_request_kept';
alter type public.request_event_code add value 'deletion_requested';

-- What the beneficiary is told (docs/ARCHITECTURE.md, "Outreach"): rows in 20261201180600_data_requests.sql.
alter type public.outreach_moment add value 'data_request_extended';
alter type public.outreach_moment add value 'data_request_done';
alter type public.outreach_moment add value 'data_request_refused';
alter type public.outreach_moment add value 'data_request_kept';
