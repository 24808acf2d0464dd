/*
 * The history a request's private page adds (docs/ARCHITECTURE.md, "The private link, documents,
 * who can read what"): the beneficiary's reply, a document added (by the beneficiary or by staff),
 * staff marking the documents checked (policy, handling steps 2 and 4) and staff issuing a new
 * private link. Each kind is labelled `staff.timeline.kind.<kind>` (tests/db/policy-parity.test.ts).
 * Values only: a new enum value cannot be used in the transaction that adds it, so the migrations
 * after this one use them.
 */

alter type public.request_event_kind add value 'reply';
alter type public.request_event_kind add value 'document';
alter type public.request_event_kind add value 'documents_checked';
alter type public.request_event_kind add value 'link_issued';
