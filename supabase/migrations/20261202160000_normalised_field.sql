/*
 * One definition of how a field of an application is stored (docs/ARCHITECTURE.md, "The data
 * contract"): internal.normalised_field, used by the submission (internal.checked_application)
 * and by a correction (decide_data_request), which until now repeated the submission's rules in a
 * CASE of its own (20261202130400_correction_normalised.sql). Same answers as before.
 */

/**
 * A field of an application as it is stored: a name's and a city's spaces collapsed, a national ID
 * and a mobile in their one written form (any digit script, any way a mobile is written), an email
 * trimmed and in lower case, a description trimmed; null as ''. Any other field: trimmed.
 */
create function internal.normalised_field(p_field text, p_value text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select case p_field
    when 'full_name' then internal.collapse_spaces(coalesce(p_value, ''))
    when 'city' then internal.collapse_spaces(coalesce(p_value, ''))
    when 'national_id' then internal.normalise_national_id(coalesce(p_value, ''))
    when 'mobile' then internal.normalise_mobile_input(coalesce(p_value, ''))
    when 'email' then lower(internal.js_trim(coalesce(p_value, '')))
    else internal.js_trim(coalesce(p_value, '')) end
$$;
revoke all on function internal.normalised_field(text, text) from public, anon, authenticated, service_role;

-- As before (20261201121200_free_text.sql), except that each field is normalised by internal.normalised_field.
/**
 * The normalised, checked application, in the field order of src/schemas/support-request.ts, so
 * the first rule the database refuses is the first the form would have shown. Raises the first
 * broken rule (400, message = rule key, hint = field).
 */
create or replace function internal.checked_application(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text
) returns jsonb
language plpgsql stable as $$
declare
  full_name text := internal.normalised_field('full_name', p_full_name);
  national_id text := internal.normalised_field('national_id', p_national_id);
  mobile text := internal.normalised_field('mobile', p_mobile);
  email text := internal.normalised_field('email', p_email);
  city text := internal.normalised_field('city', p_city);
  description text := internal.normalised_field('description', p_description);
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
  perform internal.refuse_hidden_characters(email, 'email', single_line => true);
  -- cityRule
  if city = '' then perform internal.refuse('city_required', 'city'); end if;
  if char_length(city) not between 2 and 60 then perform internal.refuse('city_length', 'city'); end if;
  perform internal.refuse_hidden_characters(city, 'city', single_line => true);
  -- The enums' own lists; parameters stay text so an unknown value gets its rule key, not a cast error.
  if p_category is null or not (p_category = any (enum_range(null::public.beneficiary_category)::text[])) then
    perform internal.refuse('category_required', 'category');
  end if;
  if p_request_type is null or not (p_request_type = any (enum_range(null::public.request_type)::text[])) then
    perform internal.refuse('request_type_required', 'request_type');
  end if;
  -- descriptionRule
  if description = '' then perform internal.refuse('description_required', 'description'); end if;
  if char_length(description) not between 20 and 4000 then perform internal.refuse('description_length', 'description'); end if;
  perform internal.refuse_hidden_characters(description, 'description');
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

-- As before (20261202130400_correction_normalised.sql), except that the value is normalised by
-- internal.normalised_field (which trims it first, as the CASE's input was).
create or replace function public.decide_data_request(p_id uuid, p_outcome text, p_note text default null, p_corrected_value text default null)
returns public.data_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['supervisor', 'admin']::public.staff_role[]);
  target public.data_requests := internal.open_data_request_for_update(p_id);
  chosen public.data_request_outcome;
  note text := nullif(internal.js_trim(coalesce(p_note, '')), '');
  value text;
  changed public.data_requests;
begin
  perform internal.checked_note(note);
  if p_outcome is null or not (p_outcome = any (enum_range(null::public.data_request_outcome)::text[])) then
    perform internal.refuse('data_request_outcome', 'outcome');
  end if;
  chosen := p_outcome::public.data_request_outcome;
  if chosen <> 'done' and note is null then perform internal.refuse('outcome_reason_required', 'note'); end if;
  if chosen = 'kept_for_legal_reason' and target.kind = 'correction' then perform internal.refuse('data_request_outcome', 'outcome'); end if;
  if chosen = 'done' and target.kind = 'correction' then
    -- Stored as the submission stores that field.
    value := nullif(internal.normalised_field(target.field, p_corrected_value), '');
    if value is null then perform internal.refuse('corrected_value_required', 'corrected_value'); end if;
    perform set_config('irtiqaa.rewriting', target.request_id::text, true);
    begin
      execute format('update public.support_requests set %I = $1, updated_at = now() where id = $2', target.field) using value, target.request_id;
    exception when check_violation then
      perform internal.refuse('corrected_value_invalid', 'corrected_value');
    end;
    perform set_config('irtiqaa.rewriting', '', true);
  end if;
  update public.data_requests d
     set outcome = chosen, outcome_note = note, decided_by = me.user_id, decided_at = now()
   where d.id = target.id returning * into changed;
  -- Its message is queued with the beneficiary's address before a deletion removes it.
  insert into public.request_events (request_id, kind, code, actor_id, actor_role, note, data_request_id)
  values (target.request_id, 'data_request',
          case chosen when 'done' then 'data_request_done' when 'refused' then 'data_request_refused' else 'data_request_kept' end::public.request_event_code,
          me.user_id, me.role, note, target.id);
  if chosen = 'done' and target.kind <> 'correction' then
    perform internal.anonymise_request(target.request_id, 'deletion_requested', me.user_id);
    perform pg_notify('irtiqaa_wake_function', 'retention');
  end if;
  return changed;
end;
$$;
