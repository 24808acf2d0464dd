/*
 * Contact preferences (issue 13): how the beneficiary wants to hear about their request. Chosen
 * at submission (SMS on unless they untick it: it is how the request is followed, as the privacy
 * notice says; email when they gave an address), shown to staff and changed by them when the
 * beneficiary asks by phone, and stopped by the beneficiary with the link every message but the
 * decision carries. Stopped messages stop everything but the decision (policy, handling step 5).
 */

/* ---------------------------------------------------------------------------------------- */
/* The preferences of each request                                                           */
/* ---------------------------------------------------------------------------------------- */

create table public.contact_preferences (
  request_id uuid primary key references public.support_requests (id),
  sms boolean not null default true,
  -- Only where the request has an email address (set_contact_preferences refuses otherwise).
  email boolean not null default false,
  -- The beneficiary used the stop link (or asked staff): nothing is sent but the decision.
  stopped_at timestamptz,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
alter table public.contact_preferences enable row level security;
revoke all on public.contact_preferences from anon, authenticated, service_role;
comment on table public.contact_preferences is
  'How each beneficiary wants to hear about their request: SMS, email, or nothing but the decision.';

create policy "Active staff can see how each beneficiary wants to be contacted"
  on public.contact_preferences for select to authenticated
  using ((select internal.is_active_staff()));
grant select on public.contact_preferences to authenticated, service_role;

-- Requests made before this migration: SMS, and email where they gave one.
insert into public.contact_preferences (request_id, sms, email, updated_at)
select r.id, true, r.email is not null, r.created_at from public.support_requests r;

/* ---------------------------------------------------------------------------------------- */
/* Chosen at submission                                                                      */
/* ---------------------------------------------------------------------------------------- */

/** Hands the submitter's choice to the insert trigger below, for this transaction (null: the default). */
create function internal.choose_contact(p_sms boolean, p_email boolean) returns void
language sql volatile set search_path = '' as $$
  select set_config('irtiqaa.messages_by_sms', coalesce(p_sms::text, ''), true),
         set_config('irtiqaa.messages_by_email', coalesce(p_email::text, ''), true)
$$;

create function internal.support_requests_contact_preferences() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.contact_preferences (request_id, sms, email, updated_at)
  values (new.id,
          coalesce(nullif(current_setting('irtiqaa.messages_by_sms', true), '')::boolean, true),
          new.email is not null and coalesce(nullif(current_setting('irtiqaa.messages_by_email', true), '')::boolean, true),
          new.created_at);
  return null;
end;
$$;

-- After-insert triggers fire in name order: this one (contact_...) before support_requests_history,
-- whose `submitted` event queues the "request received" message on the channels chosen here.
create trigger support_requests_contact_preferences after insert on public.support_requests
  for each row execute function internal.support_requests_contact_preferences();

/*
 * The two ways of submitting, with the choice of channels. Overloads rather than new parameters on
 * the functions themselves: they take the choice, then call the function as it is, so a caller
 * that sends no choice (or a later change to the functions) works exactly as before. PostgREST
 * picks the overload by the parameter names the call sends.
 */
create function public.submit_support_request(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text,
  p_idempotency_key uuid, p_messages_by_sms boolean, p_messages_by_email boolean,
  p_honeypot text default '', p_form_started_at timestamptz default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  receipt jsonb;
begin
  perform internal.refuse_read_only_call();
  perform internal.choose_contact(p_messages_by_sms, p_messages_by_email);
  receipt := public.submit_support_request(
    p_full_name => p_full_name, p_national_id => p_national_id, p_mobile => p_mobile, p_email => p_email,
    p_city => p_city, p_category => p_category, p_request_type => p_request_type, p_description => p_description,
    p_preferred_channel => p_preferred_channel, p_locale => p_locale, p_accuracy_confirmed => p_accuracy_confirmed,
    p_privacy_consent => p_privacy_consent, p_declaration_version => p_declaration_version,
    p_idempotency_key => p_idempotency_key, p_honeypot => p_honeypot, p_form_started_at => p_form_started_at);
  perform internal.choose_contact(null, null);
  return receipt;
end;
$$;

create function public.register_request_on_behalf(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text,
  p_idempotency_key uuid, p_intake_channel text, p_messages_by_sms boolean, p_messages_by_email boolean
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  receipt jsonb;
begin
  perform internal.refuse_read_only_call();
  perform internal.choose_contact(p_messages_by_sms, p_messages_by_email);
  receipt := public.register_request_on_behalf(
    p_full_name => p_full_name, p_national_id => p_national_id, p_mobile => p_mobile, p_email => p_email,
    p_city => p_city, p_category => p_category, p_request_type => p_request_type, p_description => p_description,
    p_preferred_channel => p_preferred_channel, p_locale => p_locale, p_accuracy_confirmed => p_accuracy_confirmed,
    p_privacy_consent => p_privacy_consent, p_declaration_version => p_declaration_version,
    p_idempotency_key => p_idempotency_key, p_intake_channel => p_intake_channel);
  perform internal.choose_contact(null, null);
  return receipt;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Changed by staff                                                                          */
/* ---------------------------------------------------------------------------------------- */

/**
 * The beneficiary asked by phone: SMS on or off, email on or off (only with an address), messages
 * stopped or not. Officers and supervisors; the change is in the request's history.
 */
create function public.set_contact_preferences(p_request_id uuid, p_sms boolean, p_email boolean, p_stopped boolean)
returns public.contact_preferences
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  request public.support_requests;
  changed public.contact_preferences;
begin
  if p_sms is null or p_email is null or p_stopped is null then
    perform internal.refuse('contact_preferences_required', 'contact_preferences');
  end if;
  request := internal.require_request(p_request_id);
  if p_email and request.email is null then perform internal.refuse('email_missing', 'email'); end if;
  insert into public.contact_preferences as c (request_id, sms, email, stopped_at, updated_at, updated_by)
  values (p_request_id, p_sms, p_email, case when p_stopped then now() end, now(), me.user_id)
  on conflict (request_id) do update
    set sms = excluded.sms, email = excluded.email,
        stopped_at = case when p_stopped then coalesce(c.stopped_at, now()) end,
        updated_at = now(), updated_by = me.user_id
  returning * into changed;
  insert into public.request_events (request_id, kind, code, actor_id, actor_role)
  values (p_request_id, 'contact_preferences', 'contact_preferences_changed', me.user_id, me.role);
  return changed;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Stopped by the beneficiary: a signed link, no account                                     */
/* ---------------------------------------------------------------------------------------- */

-- The link is /stop#<the reference's 8 characters><7 characters of an HMAC of the request id>: short
-- enough for an SMS, and only the database, which holds the key, can make one. A wrong signature
-- counts against the reference: 5 in 15 minutes and it answers `throttled` (as the status lookup).
create table internal.outreach_keys (
  id boolean primary key default true constraint outreach_keys_one_row check (id),
  stop_link_key bytea not null
);
alter table internal.outreach_keys enable row level security;
revoke all on internal.outreach_keys from anon, authenticated, service_role;
comment on table internal.outreach_keys is 'The key that signs stop links; made once, on this database, and never leaves it.';
insert into internal.outreach_keys (stop_link_key) values (extensions.gen_random_bytes(32));

create table internal.stop_link_failures (
  code text not null,
  failed_at timestamptz not null default now()
);
alter table internal.stop_link_failures enable row level security;
revoke all on internal.stop_link_failures from anon, authenticated, service_role;
create index stop_link_failures_idx on internal.stop_link_failures (code, failed_at);
comment on table internal.stop_link_failures is 'Wrong stop-link signatures, per reference (throttle).';

/** Crockford base32 (the references' alphabet) of the first 40 bits of `bytes`: 8 characters. */
create function internal.base32_of_40_bits(bytes bytea) returns text
language plpgsql immutable set search_path = '' as $$
declare
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  bits bigint := 0;
  code text := '';
begin
  for i in 0..4 loop
    bits := (bits << 8) | get_byte(bytes, i);
  end loop;
  for i in reverse 7..0 loop
    code := code || substr(alphabet, ((bits >> (i * 5)) & 31)::int + 1, 1);
  end loop;
  return code;
end;
$$;

-- References are drawn from the same alphabet: one encoder for both.
create or replace function internal.new_reference() returns text
language sql volatile as $$
  select 'IRT-' || internal.base32_of_40_bits(extensions.gen_random_bytes(5))
$$;

create function internal.stop_link_signature(p_request_id uuid) returns text
language sql stable security definer set search_path = '' as $$
  select substr(internal.base32_of_40_bits(
           extensions.hmac(convert_to('stop:' || p_request_id::text, 'UTF8'), k.stop_link_key, 'sha256')), 1, 7)
    from internal.outreach_keys k
$$;

/** The stop link of a request, without the site's address and language: '/stop#' and 15 characters. */
create function internal.stop_link_path(p_request_id uuid) returns text
language sql stable security definer set search_path = '' as $$
  select '/stop#' || substr(r.reference, 5) || internal.stop_link_signature(r.id)
    from public.support_requests r where r.id = p_request_id
$$;

/**
 * Stops (or starts again) the messages about the request a stop link names. Answers, never raises:
 * { outcome: 'stopped' | 'resumed', reference }, { outcome: 'not_found' } for a link that is not
 * one, { outcome: 'throttled', retry_after_seconds } after 5 wrong ones for a reference in 15 minutes.
 */
create function internal.set_messages_stopped(p_token text, p_stop boolean) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  token text := regexp_replace(upper(internal.to_latin_digits(coalesce(p_token, ''))), '[^0-9A-Z]', '', 'g');
  reference_code text := substr(token, 1, 8);
  found_request public.support_requests;
  failures integer;
  first_failure timestamptz;
  was_stopped boolean;
begin
  perform internal.refuse_read_only_call();
  if token !~ '^[0-9A-HJKMNP-TV-Z]{15}$' then return jsonb_build_object('outcome', 'not_found'); end if;
  perform pg_advisory_xact_lock(hashtextextended('stop_link:' || reference_code, 0));
  select count(*), min(failed_at) into failures, first_failure
    from internal.stop_link_failures f where f.code = reference_code and failed_at > now() - interval '15 minutes';
  if failures >= 5 then
    return jsonb_build_object('outcome', 'throttled',
      'retry_after_seconds', greatest(1, ceil(extract(epoch from first_failure + interval '15 minutes' - now())))::integer);
  end if;
  select * into found_request from public.support_requests r where r.reference = 'IRT-' || reference_code;
  if found_request.id is null or internal.stop_link_signature(found_request.id) <> substr(token, 9) then
    delete from internal.stop_link_failures f where f.code = reference_code and failed_at <= now() - interval '15 minutes';
    insert into internal.stop_link_failures (code) values (reference_code);
    return jsonb_build_object('outcome', 'not_found');
  end if;

  select c.stopped_at is not null into was_stopped from public.contact_preferences c where c.request_id = found_request.id;
  if coalesce(was_stopped, false) is distinct from p_stop then
    insert into public.contact_preferences as c (request_id, sms, email, stopped_at)
    values (found_request.id, true, found_request.email is not null, case when p_stop then now() end)
    on conflict (request_id) do update set stopped_at = excluded.stopped_at, updated_at = now(), updated_by = null;
    insert into public.request_events (request_id, kind, code)
    values (found_request.id, 'contact_preferences', case when p_stop then 'messages_stopped' else 'messages_resumed' end::public.request_event_code);
  end if;
  return jsonb_build_object('outcome', case when p_stop then 'stopped' else 'resumed' end, 'reference', found_request.reference);
end;
$$;

create function public.stop_messages(p_token text) returns jsonb
language sql volatile security definer set search_path = '' as $$
  select internal.set_messages_stopped(p_token, true)
$$;

create function public.resume_messages(p_token text) returns jsonb
language sql volatile security definer set search_path = '' as $$
  select internal.set_messages_stopped(p_token, false)
$$;

/* ---------------------------------------------------------------------------------------- */
/* Grants                                                                                    */
/* ---------------------------------------------------------------------------------------- */

revoke all on function internal.choose_contact(boolean, boolean), internal.support_requests_contact_preferences(),
  internal.base32_of_40_bits(bytea), internal.stop_link_signature(uuid), internal.stop_link_path(uuid),
  internal.set_messages_stopped(text, boolean)
  from public, anon, authenticated, service_role;

revoke all on function
  public.submit_support_request(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, boolean, boolean, text, timestamptz),
  public.register_request_on_behalf(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text, boolean, boolean),
  public.set_contact_preferences(uuid, boolean, boolean, boolean),
  public.stop_messages(text), public.resume_messages(text)
  from public, anon, authenticated, service_role;
grant execute on function
  public.submit_support_request(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, boolean, boolean, text, timestamptz),
  public.stop_messages(text), public.resume_messages(text)
  to anon, authenticated, service_role;
grant execute on function
  public.register_request_on_behalf(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text, boolean, boolean),
  public.set_contact_preferences(uuid, boolean, boolean, boolean)
  to authenticated;
