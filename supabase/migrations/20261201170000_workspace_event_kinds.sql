/*
 * The staff workspace's new kinds of history (docs/ARCHITECTURE.md, "The staff workspace"): a
 * possible duplicate linked to the request it repeats, or dismissed as no duplicate. Each is
 * labelled `staff.timeline.kind.<kind>` (tests/db/policy-parity.test.ts). A new enum value cannot
 * be used in the transaction that adds it, so the column and functions that write these events
 * are in 20261201170400_workspace_duplicates.sql.
 */

alter type public.request_event_kind add value 'duplicate_linked';
alter type public.request_event_kind add value 'duplicate_dismissed';
