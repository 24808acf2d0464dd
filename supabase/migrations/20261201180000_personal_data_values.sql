/*
 * Personal data (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"): the history
 * records when a request's personal fields were replaced, and why. A new enum value cannot be used
 * in the transaction that adds it, so what writes these events is in 20261201180200_anonymisation.sql.
 * Labels: `staff.timeline.kind.anonymised`, `staff.timeline.code.retention_expired`
 * (tests/db/policy-parity.test.ts).
 */

alter type public.request_event_kind add value 'anonymised';
alter type public.request_event_code add value 'retention_expired';
