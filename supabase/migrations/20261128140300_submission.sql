/*
 * Submitting a request (policy, handling steps 1-4): the beneficiary's data is normalised and
 * checked exactly like src/schemas/support-request.ts, in the same field order, so the first
 * rule the database refuses is the first the form would have shown.
 */

-- The internal helpers below run only inside the security definer functions (search_path '')
-- and qualify every name; without their own `set search_path` Postgres can inline or cache them.

-- Superseded: the one complete, current definition of checked_application, create_request and
-- submit_support_request is in 20261201100100_request_lists.sql.
/** The normalised, checked application. Raises the first broken rule (400, message = rule key). */
create function internal.checked_application(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text
) returns jsonb
language plpgsql stable as $$
declare
  full_name text := internal.collapse_spaces(coalesce(p_full_name, ''));
  national_id text := internal.normalise_national_id(coalesce(p_national_id, ''));
  mobile text := internal.normalise_mobile_input(coalesce(p_mobile, ''));
  email text := lower(internal.js_trim(coalesce(p_email, '')));
  city text := internal.collapse_spaces(coalesce(p_city, ''));
  description text := internal.js_trim(coalesce(p_description, ''));
  version text := internal.js_trim(coalesce(p_declaration_version, ''));
begin
  -- fullNameRule
  if full_name = '' then perform internal.refuse('full_name_required', 'full_name'); end if;
  if char_length(full_name) not between 3 and 100 then perform internal.refuse('full_name_length', 'full_name'); end if;
  if full_name !~ '^[\u0621-\u063A\u0641-\u0652\u0670-\u06D3A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'' .-]+$' then
    perform internal.refuse('full_name_script', 'full_name');
  end if;
  if position(' ' in full_name) = 0 then perform internal.refuse('full_name_parts', 'full_name'); end if;
  -- nationalIdRule
  if national_id = '' then perform internal.refuse('national_id_required', 'national_id'); end if;
  if national_id !~ '^[12][0-9]{9}$' then perform internal.refuse('national_id_format', 'national_id'); end if;
  if not internal.national_id_has_valid_check_digit(national_id) then perform internal.refuse('national_id_checksum', 'national_id'); end if;
  -- mobileRule
  if mobile = '' then perform internal.refuse('mobile_required', 'mobile'); end if;
  if mobile !~ '^\+9665[0-9]{8}$' then perform internal.refuse('mobile_format', 'mobile'); end if;
  -- emailRule (optional)
  if email <> '' and not internal.email_is_valid(email) then perform internal.refuse('email_format', 'email'); end if;
  -- cityRule
  if city = '' then perform internal.refuse('city_required', 'city'); end if;
  if char_length(city) not between 2 and 60 then perform internal.refuse('city_length', 'city'); end if;
  if p_category is null or p_category not in ('student', 'parent', 'teacher', 'educational_institution', 'other') then
    perform internal.refuse('category_required', 'category');
  end if;
  if p_request_type is null or p_request_type not in ('tutoring', 'educational_supplies', 'tuition_assistance',
      'training_course', 'counselling', 'inquiry', 'suggestion', 'complaint', 'other') then
    perform internal.refuse('request_type_required', 'request_type');
  end if;
  -- descriptionRule
  if description = '' then perform internal.refuse('description_required', 'description'); end if;
  if char_length(description) not between 20 and 4000 then perform internal.refuse('description_length', 'description'); end if;
  if p_preferred_channel is null or not (p_preferred_channel = any (enum_range(null::public.channel)::text[])) then
    perform internal.refuse('preferred_channel_required', 'preferred_channel');
  end if;
  if p_locale is null or p_locale not in ('ar', 'en') then perform internal.refuse('locale_required', 'locale'); end if;
  if p_accuracy_confirmed is not true then perform internal.refuse('accuracy_confirmed_required', 'accuracy_confirmed'); end if;
  if p_privacy_consent is not true then perform internal.refuse('privacy_consent_required', 'privacy_consent'); end if;
  if char_length(version) not between 1 and 64 then perform internal.refuse('declaration_version_required', 'accuracy_confirmed'); end if;

  return jsonb_build_object(
    'full_name', full_name, 'national_id', national_id, 'mobile', mobile, 'email', nullif(email, ''),
    'city', city, 'category', p_category, 'request_type', p_request_type, 'description', description,
    'preferred_channel', p_preferred_channel, 'locale', p_locale, 'declaration_version', version
  );
end;
$$;

/** What both submit paths return: the reference and the decision window. */
create function internal.submission_receipt(r public.support_requests) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'reference', r.reference, 'status', r.status, 'submitted_at', r.created_at,
    'decision_due_from', r.decision_due_from, 'decision_due_by', r.decision_due_by
  )
$$;

/**
 * Stores a checked application with a fresh reference. Status, assignee and decision fields are
 * not parameters: whatever the caller sends, a request starts `submitted` and unassigned.
 * The same idempotency key returns the request it created the first time.
 */
create function internal.create_request(
  application jsonb, p_idempotency_key uuid, p_intake_channel public.channel, p_registered_by uuid
) returns public.support_requests
language plpgsql volatile as $$
declare
  created public.support_requests;
  submitted_at timestamptz := now();
begin
  for attempt in 1..5 loop
    insert into public.support_requests (
      reference, full_name, national_id, mobile, email, city, category, request_type, description,
      preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version,
      accuracy_confirmed_at, privacy_consent, idempotency_key, registered_by,
      created_at, status_changed_at, decision_due_from, decision_due_by
    ) values (
      internal.new_reference(), application ->> 'full_name', application ->> 'national_id', application ->> 'mobile',
      application ->> 'email', application ->> 'city', application ->> 'category', application ->> 'request_type',
      application ->> 'description', (application ->> 'preferred_channel')::public.channel, p_intake_channel,
      application ->> 'locale', true, application ->> 'declaration_version', submitted_at, true,
      p_idempotency_key, p_registered_by,
      submitted_at, submitted_at, submitted_at + interval '14 days', submitted_at + interval '42 days'
    )
    on conflict do nothing
    returning * into created;
    if created.id is not null then
      return created;
    end if;
    -- Either a retry (same idempotency key) or, very rarely, a reference collision.
    if p_idempotency_key is not null then
      select * into created from public.support_requests where idempotency_key = p_idempotency_key;
      if created.id is not null then
        return created;
      end if;
    end if;
  end loop;
  raise exception 'could not allocate a unique reference';
end;
$$;

create function public.submit_support_request(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text,
  p_idempotency_key uuid, p_honeypot text default '', p_form_started_at timestamptz default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  application jsonb;
  earlier public.support_requests;
  recent integer;
  oldest timestamptz;
begin
  -- A retried submission (network failure after the insert) gets its first receipt back.
  if p_idempotency_key is not null then
    select * into earlier from public.support_requests where idempotency_key = p_idempotency_key;
    if earlier.id is not null then
      return internal.submission_receipt(earlier);
    end if;
  end if;

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

revoke all on function internal.checked_application(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text),
  internal.submission_receipt(public.support_requests),
  internal.create_request(jsonb, uuid, public.channel, uuid) from public, anon, authenticated, service_role;
revoke all on function public.submit_support_request(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text, timestamptz) from public, anon, authenticated, service_role;
grant execute on function public.submit_support_request(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text, timestamptz)
  to anon, authenticated, service_role;
