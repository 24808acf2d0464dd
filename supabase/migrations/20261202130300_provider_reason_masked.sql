/*
 * A provider's reason for refusing a message often quotes the number it was sent to ("Invalid
 * mobile number 9665XXXXXXXX"), and staff read that reason (the history's message_failed note,
 * undelivered_messages). Since national IDs and mobiles are masked for staff
 * (20261202100000_masking.sql), every run of nine or more digits in a reason is stored as the
 * mask of its last four (internal.masked_digits) before it is kept. The body is
 * that of 20261201140200_outbox.sql with the masking added.
 */
create function internal.masked_number_runs(p_text text) returns text
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  masked text := p_text;
  run text;
begin
  -- Longest first, so that '+9665...' is masked whole before '9665...' inside it.
  for run in select m[1] from regexp_matches(coalesce(p_text, ''), '(\+?[0-9]{9,})', 'g') m order by length(m[1]) desc loop
    masked := replace(masked, run, internal.masked_digits(run));
  end loop;
  return masked;
end;
$$;
revoke all on function internal.masked_number_runs(text) from public, anon, authenticated, service_role;

create or replace function public.record_message_result(p_id bigint, p_claim uuid, p_outcome text, p_detail text default null) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  o internal.outbox;
  -- Staff read the reason: no hidden characters, no novel.
  detail text := nullif(left(regexp_replace(internal.js_trim(coalesce(p_detail, '')), internal.description_hidden_characters(), '', 'g'), 500), '');
  -- ... and no whole number (a provider's message id, the detail of 'sent', stays as it is).
  reason text := internal.masked_number_runs(detail);
  nobody public.staff;
begin
  if p_outcome is null or p_outcome not in ('sent', 'retry', 'failed') then perform internal.refuse('outcome_invalid', 'p_outcome'); end if;
  select * into o from internal.outbox where id = p_id and claim_id = p_claim and state = 'sending' for update;
  if not found then return 'stale'; end if;
  if p_outcome = 'sent' then
    update internal.outbox set state = 'sent', sent_at = now(), provider_id = detail, last_error = null, claim_id = null
     where id = o.id returning * into o;
    perform internal.record_message_event(o, 'message_sent', null, nobody);
    return 'sent';
  end if;
  if p_outcome = 'retry' and o.attempts < internal.outreach_max_attempts() then
    update internal.outbox set state = 'queued', next_attempt_at = now() + internal.outreach_retry_delay(o.attempts),
                               last_error = reason, claim_id = null
     where id = o.id;
    return 'queued';
  end if;
  update internal.outbox set state = 'failed', failed_at = now(), last_error = coalesce(reason, 'no reason given'), claim_id = null
   where id = o.id returning * into o;
  perform internal.record_message_event(o, 'message_failed', o.last_error, nobody);
  return 'failed';
end;
$$;
