/*
 * Foundations: the enums of docs/ARCHITECTURE.md, the `internal` schema for helpers that PostgREST must
 * not expose, and the text normalisers that mirror the src/lib modules one for one.
 */

grant usage on schema public to anon, authenticated, service_role;

create schema if not exists internal;
revoke all on schema internal from public;
-- Policies call internal.is_active_staff() as the signed-in role.
grant usage on schema internal to authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Enums                                                                                     */
/* ---------------------------------------------------------------------------------------- */

-- The policy's eight contact channels, in its order (src/schemas/channels.ts).
create type public.channel as enum (
  'interview', 'phone', 'social_media', 'website', 'postal_address', 'letter', 'volunteer_service', 'representative'
);

create type public.request_status as enum (
  'submitted', 'under_review', 'needs_info', 'escalated', 'pending_decision',
  'accepted', 'rejected', 'registered', 'service_delivered', 'closed'
);

create type public.staff_role as enum ('officer', 'supervisor', 'authority', 'admin');

grant usage on type public.channel, public.request_status, public.staff_role to anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Normalisers (mirror src/lib/digits.ts, mobile.ts, national-id.ts, reference.ts and the      */
/* string transforms of src/schemas/support-request.ts)                                        */
/* ---------------------------------------------------------------------------------------- */

-- These small SQL helpers are pure, not security definer, and schema-qualify everything they use;
-- they carry no `set search_path` because that would stop Postgres inlining them (about 40 µs per
-- call, measured: bench/backend/RESULTS.md).

-- JavaScript's \s and String.prototype.trim() whitespace, spelled out so Postgres matches it exactly.
create function internal.js_space_chars() returns text
language sql immutable parallel safe as $$
  select '\u0009-\u000D\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF'
$$;

create function internal.js_space_class() returns text
language sql immutable parallel safe as $$
  select '[' || internal.js_space_chars() || ']'
$$;

-- toLatinDigits: Arabic-Indic and Persian digits to ASCII.
create function internal.to_latin_digits(value text) returns text
language sql immutable parallel safe as $$
  select translate(value, '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789')
$$;

-- s.trim()
create function internal.js_trim(value text) returns text
language sql immutable parallel safe as $$
  select regexp_replace(value, '^' || internal.js_space_class() || '+|' || internal.js_space_class() || '+$', '', 'g')
$$;

-- collapseSpaces: s.trim().replace(/\s+/g, ' ')
create function internal.collapse_spaces(value text) returns text
language sql immutable parallel safe as $$
  select regexp_replace(internal.js_trim(value), internal.js_space_class() || '+', ' ', 'g')
$$;

-- JavaScript's string length (UTF-16 code units), used where the schema uses `.length`.
create function internal.js_length(value text) returns integer
language sql immutable parallel safe as $$
  select char_length(value) + regexp_count(value, '[\U00010000-\U0010FFFF]')
$$;

-- normaliseNationalId: digits to Latin, spaces and dashes removed.
create function internal.normalise_national_id(raw text) returns text
language sql immutable parallel safe as $$
  select regexp_replace(internal.to_latin_digits(raw), '(' || internal.js_space_class() || '|-)', '', 'g')
$$;

-- normaliseSaudiMobile: E.164 or null.
create function internal.normalise_saudi_mobile(raw text) returns text
language sql immutable parallel safe as $$
  select '+966' || substring(
    regexp_replace(internal.to_latin_digits(raw), '(' || internal.js_space_class() || '|[-().])', '', 'g')
    from '^(?:\+966|00966|966|0)?(5[0-9]{8})$'
  )
$$;

-- The mobile transform of the schema: '' stays '', unparseable input is kept (trimmed) so the
-- format rule can refuse it.
create function internal.normalise_mobile_input(raw text) returns text
language sql immutable parallel safe as $$
  select case when internal.js_trim(raw) = '' then '' else coalesce(internal.normalise_saudi_mobile(raw), internal.js_trim(raw)) end
$$;

-- Luhn check digit of Saudi national IDs (start with 1) and iqamas (start with 2): digits in odd
-- positions are doubled and their digit sums added to the others; the total ends in 0.
create function internal.national_id_has_valid_check_digit(id text) returns boolean
language sql immutable parallel safe as $$
  select case when id ~ '^[12][0-9]{9}$' then (
      (substr(id, 1, 1)::int * 2) / 10 + (substr(id, 1, 1)::int * 2) % 10 + substr(id, 2, 1)::int
    + (substr(id, 3, 1)::int * 2) / 10 + (substr(id, 3, 1)::int * 2) % 10 + substr(id, 4, 1)::int
    + (substr(id, 5, 1)::int * 2) / 10 + (substr(id, 5, 1)::int * 2) % 10 + substr(id, 6, 1)::int
    + (substr(id, 7, 1)::int * 2) / 10 + (substr(id, 7, 1)::int * 2) % 10 + substr(id, 8, 1)::int
    + (substr(id, 9, 1)::int * 2) / 10 + (substr(id, 9, 1)::int * 2) % 10 + substr(id, 10, 1)::int
  ) % 10 = 0 else false end
$$;

-- normaliseReference: what people copy or read aloud, to IRT-XXXXXXXX.
create function internal.normalise_reference(raw text) returns text
language sql immutable parallel safe as $$
  select 'IRT-' || translate(
    regexp_replace(
      regexp_replace(upper(internal.to_latin_digits(raw)), '(' || internal.js_space_class() || '|-)', '', 'g'),
      '^IRT', ''),
    'OIL', '011')
$$;

-- emailRule's format: EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/ and at most 254 (UTF-16) characters.
create function internal.email_is_valid(email text) returns boolean
language sql immutable parallel safe as $$
  select internal.js_length(email) <= 254
     and email ~ ('^[^@' || internal.js_space_chars() || ']+@[^@' || internal.js_space_chars() || ']+\.[^@'
                  || internal.js_space_chars() || ']{2,}$')
$$;

/** Crockford base32 without I, L, O, U: `IRT-` and 8 characters from 40 random bits. */
create function internal.new_reference() returns text
language plpgsql volatile as $$
declare
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  bytes bytea := extensions.gen_random_bytes(5);
  bits bigint := 0;
  code text := '';
begin
  for i in 0..4 loop
    bits := (bits << 8) | get_byte(bytes, i);
  end loop;
  for i in reverse 7..0 loop
    code := code || substr(alphabet, ((bits >> (i * 5)) & 31)::int + 1, 1);
  end loop;
  return 'IRT-' || code;
end;
$$;

/** Raises a rule violation the way CONTRACT.md promises: HTTP 400, message = rule key, hint = field. */
create function internal.refuse(rule_key text, field text, code text default '23514') returns void
language plpgsql set search_path = '' as $$
begin
  if field is null then
    raise exception using errcode = code, message = rule_key;
  end if;
  raise exception using errcode = code, message = rule_key, hint = field;
end;
$$;

/** HTTP 429 through PostgREST (SQLSTATE PGRST, PostgREST >= 11.2). */
create function internal.refuse_too_many(rule_key text, field text, retry_after_seconds integer) returns void
language plpgsql set search_path = '' as $$
begin
  raise sqlstate 'PGRST' using
    message = json_build_object('code', 'P0429', 'message', rule_key, 'details', json_build_object('retry_after_seconds', retry_after_seconds)::text, 'hint', field)::text,
    detail = json_build_object('status', 429, 'headers', json_build_object('Retry-After', retry_after_seconds::text))::text;
end;
$$;

revoke all on all functions in schema internal from public, anon, authenticated, service_role;
