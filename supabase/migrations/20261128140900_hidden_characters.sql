/*
 * Hidden characters (issue 7, hostile input): control characters, bidi embeddings/overrides/
 * isolates and zero-width format characters could hide or reorder what staff read next to a
 * reference. Mirrors CITY_HIDDEN_CHARACTERS and DESCRIPTION_HIDDEN_CHARACTERS in
 * src/schemas/support-request.ts, minus U+0000 and lone surrogates, which text cannot hold.
 */

create function internal.city_hidden_characters() returns text
language sql immutable as $$
  select '[\u0001-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]'
$$;

create function internal.description_hidden_characters() returns text
language sql immutable as $$
  select '[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]'
$$;

-- CHECK constraints run as whoever writes the row (staff moving a request): the same grants as
-- the other pure helpers the checks call, and nothing for anon.
revoke all on function internal.city_hidden_characters(), internal.description_hidden_characters()
  from public, anon, authenticated, service_role;
grant execute on function internal.city_hidden_characters(), internal.description_hidden_characters()
  to authenticated, service_role;

alter table public.support_requests
  add constraint support_requests_city_characters check (city !~ internal.city_hidden_characters()),
  add constraint support_requests_description_characters check (description !~ internal.description_hidden_characters());

-- Superseded: the one complete, current definition of checked_application is in
-- 20261201100100_request_lists.sql.
/** The normalised, checked application. Raises the first broken rule (400, message = rule key). */
create or replace function internal.checked_application(
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
  if city ~ internal.city_hidden_characters() then perform internal.refuse('city_characters', 'city'); end if;
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
  if description ~ internal.description_hidden_characters() then perform internal.refuse('description_characters', 'description'); end if;
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
