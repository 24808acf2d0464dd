/*
 * What an outsider can do with the functions `anon` may call (issue 15, holes 1, 2 and 6;
 * docs/ARCHITECTURE.md, "What an outsider can ask"):
 *   - A function that records what it is asked (a wrong status guess, a submission, a survey)
 *     refuses to run in a read-only transaction. PostgREST runs GET and HEAD that way (and hosted
 *     may serve them from a read replica), so a GET used to skip the recording of a wrong guess
 *     and answer 405 for it, 200 for the right one. Now every GET of such a function gets the
 *     same 405, whatever its arguments.
 *   - The status lookup bounds its input before it reaches an index (a 5,000-character reference
 *     raised 54000 naming an internal index), and throttles wrong guesses per client as well as
 *     per reference, so that a stranger's guesses lock out the stranger, not the beneficiary.
 * This migration holds the current definitions of get_request_status, submit_support_request and
 * submit_satisfaction_survey (the private-page work replaces the survey; it keeps the first line).
 */

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */
/* ---------------------------------------------------------------------------------------- */

/**
 * Refuses a call made in a read-only transaction (GET or HEAD through PostgREST, a read replica)
 * with HTTP 405 and `Allow: POST`, before it reads anything: its answer depends on nothing the
 * caller sent. The first statement of every function that must write what it is asked.
 */
create function internal.refuse_read_only_call() returns void
language plpgsql stable set search_path = '' as $$
begin
  if current_setting('transaction_read_only') = 'on' then
    raise sqlstate 'PGRST' using
      message = json_build_object('code', 'P0405', 'message', 'method_not_allowed', 'details', null, 'hint', null)::text,
      detail = json_build_object('status', 405, 'headers', json_build_object('Allow', 'POST'))::text;
  end if;
end;
$$;

/**
 * Who is asking, as far as the API can tell: the first address in X-Forwarded-For, as Supabase
 * documents for hosted projects (the local gateway sets the header to the socket's address, so a
 * caller cannot choose it), cut to 64 characters; '' when there is none (SQL run directly).
 */
create function internal.request_client() returns text
language sql stable set search_path = '' as $$
  select left(btrim(split_part(coalesce(nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ''), ',', 1)), 64)
$$;

revoke all on function internal.refuse_read_only_call(), internal.request_client() from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Following a request                                                                       */
/* ---------------------------------------------------------------------------------------- */

alter table internal.status_lookup_failures add column client text not null default '';
comment on column internal.status_lookup_failures.client is 'internal.request_client() of the wrong guess.';

/**
 * Policy, handling step 8: the reference and the last four digits of the mobile unlock status and
 * dates, never personal data. Wrong guesses are counted per reference: five from one client in
 * 15 minutes lock that client out of that reference; twenty from anyone lock the reference for
 * everyone (a guesser with many addresses), until the oldest of them is 15 minutes old. The
 * beneficiary's private link does not go through this function. A reference that cannot exist
 * (not IRT- and 8 characters after normalising, or longer than 40 characters as typed) is simply
 * not found: nothing can match it, so nothing is recorded and nothing is told.
 */
create or replace function public.get_request_status(p_reference text, p_phone_last4 text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  per_client constant integer := 5;
  per_reference constant integer := 20;
  throttle_window constant interval := interval '15 minutes';
  caller text := internal.request_client();
  ref text;
  last4 text := regexp_replace(internal.to_latin_digits(left(coalesce(p_phone_last4, ''), 40)), '[^0-9]', '', 'g');
  caller_failures integer;
  caller_first timestamptz;
  all_failures integer;
  all_first timestamptz;
  found public.support_requests;
begin
  perform internal.refuse_read_only_call();
  if char_length(coalesce(p_reference, '')) <= 40 then
    ref := internal.normalise_reference(coalesce(p_reference, ''));
  end if;
  if ref is null or ref !~ '^IRT-[0-9A-HJKMNP-TV-Z]{8}$' then
    return jsonb_build_object('outcome', 'not_found');
  end if;

  -- Guesses for one reference queue here, so parallel guesses cannot slip past the counts.
  perform pg_advisory_xact_lock(hashtextextended('status_lookup:' || ref, 0));
  select count(*) filter (where f.client = caller), min(f.failed_at) filter (where f.client = caller), count(*), min(f.failed_at)
    into caller_failures, caller_first, all_failures, all_first
    from internal.status_lookup_failures f
   where f.reference = ref and f.failed_at > now() - throttle_window;
  if caller_failures >= per_client or all_failures >= per_reference then
    return jsonb_build_object('outcome', 'throttled', 'retry_after_seconds', greatest(1, ceil(extract(epoch from
      (case when caller_failures >= per_client then caller_first else all_first end) + throttle_window - now())))::integer);
  end if;

  select * into found from public.support_requests
   where reference = ref and char_length(last4) = 4 and right(mobile, 4) = last4;
  if found.id is null then
    delete from internal.status_lookup_failures where reference = ref and failed_at <= now() - throttle_window;
    -- Now and then, forget old guesses at references nobody asked about again.
    if random() < 0.01 then
      delete from internal.status_lookup_failures where failed_at < now() - interval '1 hour';
    end if;
    insert into internal.status_lookup_failures (reference, client) values (ref, caller);
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

/* ---------------------------------------------------------------------------------------- */
/* Submitting a request: the definition of 20261201100100_request_lists.sql, refusing GET     */
/* ---------------------------------------------------------------------------------------- */

create or replace function public.submit_support_request(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text,
  p_idempotency_key uuid, p_honeypot text default '', p_form_started_at timestamptz default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  earlier jsonb;
  application jsonb;
  recent integer;
  oldest timestamptz;
begin
  -- Read-only, the daily limit would still answer 429 or not: whether a mobile sent 3 requests today.
  perform internal.refuse_read_only_call();
  earlier := internal.earlier_receipt(p_idempotency_key);
  if earlier is not null then return earlier; end if;

  if coalesce(p_honeypot, '') <> '' then perform internal.refuse('honeypot_filled', 'form'); end if;
  -- Filled in under 3 seconds: a bot. A start time well in the future means the device's clock is
  -- wrong (common on phones), not that a bot was fast: nothing can be measured then.
  if p_form_started_at between now() - interval '3 seconds' and now() + interval '2 seconds' then
    perform internal.refuse('filled_too_fast', 'form');
  end if;

  application := internal.checked_application(
    p_full_name, p_national_id, p_mobile, p_email, p_city, p_category, p_request_type, p_description,
    p_preferred_channel, p_locale, p_accuracy_confirmed, p_privacy_consent, p_declaration_version);

  -- At most 3 requests per mobile in 24 hours; concurrent submissions for one mobile queue here.
  perform pg_advisory_xact_lock(hashtextextended(application ->> 'mobile', 0));
  select count(*), min(created_at) into recent, oldest
    from public.support_requests
   where mobile = application ->> 'mobile' and created_at > now() - interval '24 hours';
  if recent >= 3 then
    perform internal.refuse_too_many('mobile_daily_limit', 'mobile',
      greatest(1, ceil(extract(epoch from oldest + interval '24 hours' - now())))::integer);
  end if;

  return internal.submission_receipt(internal.create_request(application, p_idempotency_key, 'website', null));
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* The survey: the definition of 20261201100300_event_codes.sql, refusing GET                 */
/* (its reference_unknown answer, follow-ups and comment characters are the private-page work) */
/* ---------------------------------------------------------------------------------------- */

create or replace function public.submit_satisfaction_survey(
  p_reference text, p_channel text, p_overall int, p_courtesy int, p_clarity int, p_speed int,
  p_ease int, p_recommend int, p_comment text, p_locale text, p_idempotency_key uuid
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  ref text;
  comment text := internal.js_trim(coalesce(p_comment, ''));
  request_id uuid;
  saved public.satisfaction_surveys;
begin
  perform internal.refuse_read_only_call();
  ref := case when internal.js_trim(coalesce(p_reference, '')) = '' then '' else internal.normalise_reference(p_reference) end;
  if p_idempotency_key is not null then
    select * into saved from public.satisfaction_surveys where idempotency_key = p_idempotency_key;
    if saved.id is not null then
      return jsonb_build_object('id', saved.id);
    end if;
  end if;

  -- In the schema's field order.
  if ref <> '' and ref !~ '^IRT-[0-9A-HJKMNP-TV-Z]{8}$' then perform internal.refuse('reference_format', 'reference'); end if;
  if coalesce(p_channel, '') <> '' and not (p_channel = any (enum_range(null::public.channel)::text[])) then
    perform internal.refuse('channel_invalid', 'channel');
  end if;
  if p_overall is null or p_overall not between 1 and 5 then perform internal.refuse('rating_overall_required', 'overall'); end if;
  if p_courtesy is null or p_courtesy not between 1 and 5 then perform internal.refuse('rating_courtesy_required', 'courtesy'); end if;
  if p_clarity is null or p_clarity not between 1 and 5 then perform internal.refuse('rating_clarity_required', 'clarity'); end if;
  if p_speed is null or p_speed not between 1 and 5 then perform internal.refuse('rating_speed_required', 'speed'); end if;
  if p_ease is null or p_ease not between 1 and 5 then perform internal.refuse('rating_ease_required', 'ease'); end if;
  if p_recommend is not null and p_recommend not between 0 and 10 then perform internal.refuse('recommend_range', 'recommend'); end if;
  if char_length(comment) > 2000 then perform internal.refuse('comment_length', 'comment'); end if;
  if p_locale is null or p_locale not in ('ar', 'en') then perform internal.refuse('locale_required', 'locale'); end if;

  if ref <> '' then
    select r.id into request_id from public.support_requests r where r.reference = ref;
    if request_id is null then perform internal.refuse('reference_unknown', 'reference'); end if;
  end if;

  insert into public.satisfaction_surveys (request_id, channel, overall, courtesy, clarity, speed, ease, recommend, comment, locale, idempotency_key)
  values (request_id, nullif(p_channel, '')::public.channel, p_overall, p_courtesy, p_clarity, p_speed, p_ease, p_recommend, nullif(comment, ''), p_locale, p_idempotency_key)
  on conflict (idempotency_key) do nothing
  returning * into saved;
  if saved.id is null then
    select * into saved from public.satisfaction_surveys where idempotency_key = p_idempotency_key;
    return jsonb_build_object('id', saved.id);
  end if;

  if request_id is not null and p_overall <= 2 then
    perform internal.record_low_score_follow_up(request_id, saved.id);
  end if;
  return jsonb_build_object('id', saved.id);
end;
$$;
