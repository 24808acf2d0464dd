/*
 * Hidden characters in every free-text field someone other than its author reads (issue 15, hole 7;
 * docs/ARCHITECTURE.md, "Where each rule lives"): bidi overrides, zero-width and control
 * characters could hide or reorder what staff (or the beneficiary) read. The two sets are
 * internal.city_hidden_characters() (single-line text: a city, an email address) and
 * internal.description_hidden_characters() (text that may keep line breaks and the marks real
 * writing uses: a description, a note, a reason); they mirror SINGLE_LINE_HIDDEN_CHARACTERS and
 * MULTILINE_HIDDEN_CHARACTERS in src/schemas/hidden-characters.ts. A refusal's rule key is
 * `<field>_characters`, hint `<field>`. Other free-text fields call internal.refuse_hidden_characters()
 * in their functions and add a `<table>_<field>_characters` CHECK.
 * This migration holds the current definitions of internal.checked_application,
 * public.transition_request and public.add_request_note.
 */

/* ---------------------------------------------------------------------------------------- */
/* The shared helper                                                                         */
/* ---------------------------------------------------------------------------------------- */

/** Refuses `value` with `<field>_characters` (400, hint `field`) when it holds a hidden character of its set. */
create function internal.refuse_hidden_characters(value text, field text, single_line boolean default false) returns void
language plpgsql set search_path = '' as $$
begin
  if value ~ (case when single_line then internal.city_hidden_characters() else internal.description_hidden_characters() end) then
    perform internal.refuse(field || '_characters', field);
  end if;
end;
$$;

revoke all on function internal.refuse_hidden_characters(text, text, boolean) from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* The tables: new rows only (history already written stays as it was; NOT VALID)            */
/* ---------------------------------------------------------------------------------------- */

alter table public.support_requests
  add constraint support_requests_email_characters check (email is null or email !~ internal.city_hidden_characters()) not valid,
  add constraint support_requests_decision_note_characters check (decision_note !~ internal.description_hidden_characters()) not valid;
alter table public.request_events
  add constraint request_events_note_characters check (note !~ internal.description_hidden_characters()) not valid;

/* ---------------------------------------------------------------------------------------- */
/* The checked application (20261201100100_request_lists.sql, plus email_characters)          */
/* ---------------------------------------------------------------------------------------- */

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

/* ---------------------------------------------------------------------------------------- */
/* Notes staff write (20261201100400_staff_action_helpers.sql, plus note_characters)          */
/* ---------------------------------------------------------------------------------------- */

/** The note of a move or of the history, as staff typed it: at most 2,000 characters, no hidden characters. */
create function internal.checked_note(p_note text) returns void
language plpgsql set search_path = '' as $$
begin
  if char_length(p_note) > 2000 then perform internal.refuse('note_length', 'note'); end if;
  perform internal.refuse_hidden_characters(p_note, 'note');
end;
$$;

revoke all on function internal.checked_note(text) from public, anon, authenticated, service_role;

-- For needs_info and rejected the note is the text written for the beneficiary (what is missing, the
-- reason for the decision): the same rule holds.
create or replace function public.transition_request(p_request_id uuid, p_to public.request_status, p_note text default null)
returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_active_staff();
  perform internal.checked_note(p_note);
  perform internal.require_request(p_request_id);
  -- The trigger checks the move (internal.request_transitions) and needs the note.
  perform set_config('irtiqaa.transition_note', coalesce(p_note, ''), true);
  update public.support_requests set status = p_to where id = p_request_id returning * into changed;
  perform set_config('irtiqaa.transition_note', '', true);
  return changed;
end;
$$;

create or replace function public.add_request_note(p_request_id uuid, p_note text) returns public.request_events
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  note text := btrim(coalesce(p_note, ''));
  added public.request_events;
begin
  if note = '' then perform internal.refuse('note_required', 'note', 'P0001'); end if;
  perform internal.checked_note(note);
  perform internal.require_request(p_request_id);
  insert into public.request_events (request_id, kind, actor_id, actor_role, note)
  values (p_request_id, 'note', me.user_id, me.role, note)
  returning * into added;
  return added;
end;
$$;
