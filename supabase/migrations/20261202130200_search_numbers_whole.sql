/*
 * A national ID or a mobile is found only whole (internal.search_condition compares it with the
 * stored column): the search words no longer hold them. With both masked for staff
 * (20261202100000_masking.sql), part of a number was an oracle: a reviewer rebuilt a full national
 * ID from its masked last four digits in 24 searches, one digit at a time. What remains in
 * search_text is the name's words and the reference's code, whose parts still find a request.
 */
create or replace function internal.request_search_text(reference text, full_name text, national_id text, mobile text) returns text
language sql immutable parallel safe as $$
  select concat_ws(' ', array_to_string(internal.search_tokens(full_name), ' '), lower(substr(reference, 5)))
$$;
revoke all on function internal.request_search_text(text, text, text, text) from public, anon, authenticated, service_role;

comment on column public.support_requests.search_text is
  'The request''s search words (internal.request_search_text: the name''s words and the reference''s code; never a national ID or mobile), kept by a trigger; what search_requests() matches part of a query on.';

-- Requests already stored: the workflow and history triggers would refuse or record this, and it changes nothing they guard.
alter table public.support_requests disable trigger support_requests_workflow, disable trigger support_requests_history;
update public.support_requests set search_text = internal.request_search_text(reference, full_name, national_id, mobile)
 where search_text is distinct from internal.request_search_text(reference, full_name, national_id, mobile);
alter table public.support_requests enable trigger support_requests_workflow, enable trigger support_requests_history;
