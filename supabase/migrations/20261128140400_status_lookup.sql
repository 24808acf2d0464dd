/*
 * Following a request (policy, handling step 8: keep the beneficiary informed). The reference
 * and the last four digits of the mobile unlock status and dates, never personal data. Five
 * wrong guesses for a reference within 15 minutes lock it for the rest of that window.
 */

create table internal.status_lookup_failures (
  reference text not null,
  failed_at timestamptz not null default now()
);
alter table internal.status_lookup_failures enable row level security;
create index status_lookup_failures_idx on internal.status_lookup_failures (reference, failed_at);
create index status_lookup_failures_age_idx on internal.status_lookup_failures (failed_at);
comment on table internal.status_lookup_failures is 'Wrong status-lookup guesses, per reference (throttle).';

create function public.get_request_status(p_reference text, p_phone_last4 text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  ref text := internal.normalise_reference(coalesce(p_reference, ''));
  last4 text := regexp_replace(internal.to_latin_digits(coalesce(p_phone_last4, '')), '[^0-9]', '', 'g');
  failures integer;
  first_failure timestamptz;
  found public.support_requests;
begin
  -- Guesses for one reference queue here, so parallel guesses cannot slip past the count.
  perform pg_advisory_xact_lock(hashtextextended('status_lookup:' || ref, 0));
  select count(*), min(failed_at) into failures, first_failure
    from internal.status_lookup_failures
   where reference = ref and failed_at > now() - interval '15 minutes';
  if failures >= 5 then
    return jsonb_build_object('outcome', 'throttled',
      'retry_after_seconds', greatest(1, ceil(extract(epoch from first_failure + interval '15 minutes' - now())))::integer);
  end if;

  select * into found from public.support_requests
   where reference = ref and char_length(last4) = 4 and right(mobile, 4) = last4;
  if found.id is null then
    delete from internal.status_lookup_failures where reference = ref and failed_at <= now() - interval '15 minutes';
    -- Now and then, forget old guesses at references nobody asked about again.
    if random() < 0.01 then
      delete from internal.status_lookup_failures where failed_at < now() - interval '1 hour';
    end if;
    insert into internal.status_lookup_failures (reference) values (ref);
    return jsonb_build_object('outcome', 'not_found');
  end if;

  return jsonb_build_object(
    'outcome', 'found',
    'reference', found.reference,
    'status', found.status,
    'submitted_at', found.created_at,
    'decision_due_from', found.decision_due_from,
    'decision_due_by', found.decision_due_by,
    'decided_at', found.decided_at,
    'timeline', coalesce((
      select jsonb_agg(jsonb_build_object('status', e.to_status, 'at', e.created_at) order by e.id)
        from public.request_events e
       where e.request_id = found.id and e.to_status is not null
    ), '[]'::jsonb)
  );
end;
$$;

revoke all on function public.get_request_status(text, text) from public, anon, authenticated, service_role;
grant execute on function public.get_request_status(text, text) to anon, authenticated, service_role;
