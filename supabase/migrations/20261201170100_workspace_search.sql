/*
 * Search at a million requests (docs/ARCHITECTURE.md, "The staff workspace"). Under row-level
 * security Postgres never uses an index for an operator that is not leakproof (`~~*`, enum
 * equality), so a partial-name search scanned the table: about 250 ms at 100,000 requests
 * (bench/staff/RESULTS.md). search_requests() runs as its owner, checks that the caller is active
 * staff first, and reads through a trigram index; PostgREST filters, orders, pages and counts the
 * rows it returns like a table's.
 *
 * Arabic-aware, as the FAQ search is (src/lib/search-normalize.ts): diacritics, tatweel, hamza
 * forms, alef maqsura, taa marbuta and the definite article are ignored, digits are read in any
 * script. The SQL below mirrors foldText, stripArticle and searchTokens one for one;
 * tests/db/search-parity.test.ts holds them to the TypeScript over the same cases.
 */

create extension if not exists pg_trgm with schema extensions;

/* ---------------------------------------------------------------------------------------- */
/* The normaliser (mirrors src/lib/search-normalize.ts)                                       */
/* ---------------------------------------------------------------------------------------- */

-- Pure helpers, not security definer, every name qualified; no `set search_path`, so Postgres
-- can inline them (see the foundations migration).

/** JavaScript's \p{Mn} (nonspacing marks: tashkeel, hamza above and below after NFKD, Latin accents), as a regex class body. */
create function internal.search_marks() returns text
language sql immutable parallel safe as $$
  select
    '\u0300-\u036F\u0483-\u0487\u0591-\u05BD\u05BF\u05C1-\u05C2\u05C4-\u05C5\u05C7\u0610-\u061A' ||
    '\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7-\u06E8\u06EA-\u06ED\u0711\u0730-\u074A' ||
    '\u07A6-\u07B0\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B' ||
    '\u0897-\u089F\u08CA-\u08E1\u08E3-\u0902\u093A\u093C\u0941-\u0948\u094D\u0951-\u0957\u0962-\u0963' ||
    '\u0981\u09BC\u09C1-\u09C4\u09CD\u09E2-\u09E3\u09FE\u0A01-\u0A02\u0A3C\u0A41-\u0A42\u0A47-\u0A48' ||
    '\u0A4B-\u0A4D\u0A51\u0A70-\u0A71\u0A75\u0A81-\u0A82\u0ABC\u0AC1-\u0AC5\u0AC7-\u0AC8\u0ACD' ||
    '\u0AE2-\u0AE3\u0AFA-\u0AFF\u0B01\u0B3C\u0B3F\u0B41-\u0B44\u0B4D\u0B55-\u0B56\u0B62-\u0B63\u0B82' ||
    '\u0BC0\u0BCD\u0C00\u0C04\u0C3C\u0C3E-\u0C40\u0C46-\u0C48\u0C4A-\u0C4D\u0C55-\u0C56\u0C62-\u0C63' ||
    '\u0C81\u0CBC\u0CBF\u0CC6\u0CCC-\u0CCD\u0CE2-\u0CE3\u0D00-\u0D01\u0D3B-\u0D3C\u0D41-\u0D44\u0D4D' ||
    '\u0D62-\u0D63\u0D81\u0DCA\u0DD2-\u0DD4\u0DD6\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0EB1\u0EB4-\u0EBC' ||
    '\u0EC8-\u0ECE\u0F18-\u0F19\u0F35\u0F37\u0F39\u0F71-\u0F7E\u0F80-\u0F84\u0F86-\u0F87\u0F8D-\u0F97' ||
    '\u0F99-\u0FBC\u0FC6\u102D-\u1030\u1032-\u1037\u1039-\u103A\u103D-\u103E\u1058-\u1059\u105E-\u1060' ||
    '\u1071-\u1074\u1082\u1085-\u1086\u108D\u109D\u135D-\u135F\u1712-\u1714\u1732-\u1733\u1752-\u1753' ||
    '\u1772-\u1773\u17B4-\u17B5\u17B7-\u17BD\u17C6\u17C9-\u17D3\u17DD\u180B-\u180D\u180F\u1885-\u1886' ||
    '\u18A9\u1920-\u1922\u1927-\u1928\u1932\u1939-\u193B\u1A17-\u1A18\u1A1B\u1A56\u1A58-\u1A5E\u1A60' ||
    '\u1A62\u1A65-\u1A6C\u1A73-\u1A7C\u1A7F\u1AB0-\u1ABD\u1ABF-\u1ADD\u1AE0-\u1AEB\u1B00-\u1B03\u1B34' ||
    '\u1B36-\u1B3A\u1B3C\u1B42\u1B6B-\u1B73\u1B80-\u1B81\u1BA2-\u1BA5\u1BA8-\u1BA9\u1BAB-\u1BAD\u1BE6' ||
    '\u1BE8-\u1BE9\u1BED\u1BEF-\u1BF1\u1C2C-\u1C33\u1C36-\u1C37\u1CD0-\u1CD2\u1CD4-\u1CE0\u1CE2-\u1CE8' ||
    '\u1CED\u1CF4\u1CF8-\u1CF9\u1DC0-\u1DFF\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2CEF-\u2CF1\u2D7F' ||
    '\u2DE0-\u2DFF\u302A-\u302D\u3099-\u309A\uA66F\uA674-\uA67D\uA69E-\uA69F\uA6F0-\uA6F1\uA802\uA806' ||
    '\uA80B\uA825-\uA826\uA82C\uA8C4-\uA8C5\uA8E0-\uA8F1\uA8FF\uA926-\uA92D\uA947-\uA951\uA980-\uA982' ||
    '\uA9B3\uA9B6-\uA9B9\uA9BC-\uA9BD\uA9E5\uAA29-\uAA2E\uAA31-\uAA32\uAA35-\uAA36\uAA43\uAA4C\uAA7C' ||
    '\uAAB0\uAAB2-\uAAB4\uAAB7-\uAAB8\uAABE-\uAABF\uAAC1\uAAEC-\uAAED\uAAF6\uABE5\uABE8\uABED\uFB1E' ||
    '\uFE00-\uFE0F\uFE20-\uFE2F\U000101FD\U000102E0\U00010376-\U0001037A\U00010A01-\U00010A03' ||
    '\U00010A05-\U00010A06\U00010A0C-\U00010A0F\U00010A38-\U00010A3A\U00010A3F\U00010AE5-\U00010AE6' ||
    '\U00010D24-\U00010D27\U00010D69-\U00010D6D\U00010EAB-\U00010EAC\U00010EFA-\U00010EFF' ||
    '\U00010F46-\U00010F50\U00010F82-\U00010F85\U00011001\U00011038-\U00011046\U00011070' ||
    '\U00011073-\U00011074\U0001107F-\U00011081\U000110B3-\U000110B6\U000110B9-\U000110BA\U000110C2' ||
    '\U00011100-\U00011102\U00011127-\U0001112B\U0001112D-\U00011134\U00011173\U00011180-\U00011181' ||
    '\U000111B6-\U000111BE\U000111C9-\U000111CC\U000111CF\U0001122F-\U00011231\U00011234' ||
    '\U00011236-\U00011237\U0001123E\U00011241\U000112DF\U000112E3-\U000112EA\U00011300-\U00011301' ||
    '\U0001133B-\U0001133C\U00011340\U00011366-\U0001136C\U00011370-\U00011374\U000113BB-\U000113C0' ||
    '\U000113CE\U000113D0\U000113D2\U000113E1-\U000113E2\U00011438-\U0001143F\U00011442-\U00011444' ||
    '\U00011446\U0001145E\U000114B3-\U000114B8\U000114BA\U000114BF-\U000114C0\U000114C2-\U000114C3' ||
    '\U000115B2-\U000115B5\U000115BC-\U000115BD\U000115BF-\U000115C0\U000115DC-\U000115DD' ||
    '\U00011633-\U0001163A\U0001163D\U0001163F-\U00011640\U000116AB\U000116AD\U000116B0-\U000116B5' ||
    '\U000116B7\U0001171D\U0001171F\U00011722-\U00011725\U00011727-\U0001172B\U0001182F-\U00011837' ||
    '\U00011839-\U0001183A\U0001193B-\U0001193C\U0001193E\U00011943\U000119D4-\U000119D7' ||
    '\U000119DA-\U000119DB\U000119E0\U00011A01-\U00011A0A\U00011A33-\U00011A38\U00011A3B-\U00011A3E' ||
    '\U00011A47\U00011A51-\U00011A56\U00011A59-\U00011A5B\U00011A8A-\U00011A96\U00011A98-\U00011A99' ||
    '\U00011B60\U00011B62-\U00011B64\U00011B66\U00011C30-\U00011C36\U00011C38-\U00011C3D\U00011C3F' ||
    '\U00011C92-\U00011CA7\U00011CAA-\U00011CB0\U00011CB2-\U00011CB3\U00011CB5-\U00011CB6' ||
    '\U00011D31-\U00011D36\U00011D3A\U00011D3C-\U00011D3D\U00011D3F-\U00011D45\U00011D47' ||
    '\U00011D90-\U00011D91\U00011D95\U00011D97\U00011EF3-\U00011EF4\U00011F00-\U00011F01' ||
    '\U00011F36-\U00011F3A\U00011F40\U00011F42\U00011F5A\U00013440\U00013447-\U00013455' ||
    '\U0001611E-\U00016129\U0001612D-\U0001612F\U00016AF0-\U00016AF4\U00016B30-\U00016B36\U00016F4F' ||
    '\U00016F8F-\U00016F92\U00016FE4\U0001BC9D-\U0001BC9E\U0001CF00-\U0001CF2D\U0001CF30-\U0001CF46' ||
    '\U0001D167-\U0001D169\U0001D17B-\U0001D182\U0001D185-\U0001D18B\U0001D1AA-\U0001D1AD' ||
    '\U0001D242-\U0001D244\U0001DA00-\U0001DA36\U0001DA3B-\U0001DA6C\U0001DA75\U0001DA84' ||
    '\U0001DA9B-\U0001DA9F\U0001DAA1-\U0001DAAF\U0001E000-\U0001E006\U0001E008-\U0001E018' ||
    '\U0001E01B-\U0001E021\U0001E023-\U0001E024\U0001E026-\U0001E02A\U0001E08F\U0001E130-\U0001E136' ||
    '\U0001E2AE\U0001E2EC-\U0001E2EF\U0001E4EC-\U0001E4EF\U0001E5EE-\U0001E5EF\U0001E6E3\U0001E6E6' ||
    '\U0001E6EE-\U0001E6EF\U0001E6F5\U0001E8D0-\U0001E8D6\U0001E944-\U0001E94A\U000E0100-\U000E01EF'
$$;

/** foldText: Latin digits, NFKD, no nonspacing marks or tatweel, unified letter forms, lower case. */
create function internal.search_fold(value text) returns text
language sql immutable parallel safe as $$
  select lower(translate(
    regexp_replace(normalize(internal.to_latin_digits(value), nfkd), '[' || internal.search_marks() || '\u0640]', '', 'g'),
    'ٱىةکی', 'ايهكي'))
$$;

/** stripArticle: a word without its definite article (وال بال فال كال لل ال), if enough of it is left. */
create function internal.search_strip_article(word text) returns text
language sql immutable parallel safe as $$
  select case
    when left(word, 3) in ('وال', 'بال', 'فال', 'كال') and char_length(word) >= 6 then substr(word, 4)
    when left(word, 2) = 'لل' and char_length(word) >= 5 then substr(word, 3)
    when left(word, 2) = 'ال' and char_length(word) >= 4 then substr(word, 3)
    else word
  end
$$;

/**
 * searchTokens: the searchable words of a text (split on anything but letters and digits). PL/pgSQL
 * rather than SQL: a SQL function with a subquery is never inlined, and nested in another it was
 * planned again on every call (1.7 ms a request written; 0.06 ms like this).
 */
create function internal.search_tokens(value text) returns text[]
language plpgsql immutable parallel safe as $$
declare
  words text[] := '{}';
  word text;
begin
  foreach word in array regexp_split_to_array(internal.search_fold(value), '[^[:alnum:]]+') loop
    if word <> '' then words := words || internal.search_strip_article(word); end if;
  end loop;
  return words;
end;
$$;

/**
 * What search_requests() matches a request on: the words of the name, the national ID, the
 * mobile as people type it (05XXXXXXXX) and the reference's code (lower case, without IRT-),
 * separated by spaces so no word runs into the next.
 */
create function internal.request_search_text(reference text, full_name text, national_id text, mobile text) returns text
language sql immutable parallel safe as $$
  select concat_ws(' ', array_to_string(internal.search_tokens(full_name), ' '), national_id,
                   regexp_replace(mobile, '^\+966', '0'), lower(substr(reference, 5)))
$$;

/* ---------------------------------------------------------------------------------------- */
/* The searchable column                                                                     */
/* ---------------------------------------------------------------------------------------- */

-- A plain column kept by a trigger rather than a generated one: a BEFORE trigger sees a generated
-- column as null, and the workflow trigger refuses any row whose non-workflow columns differ.
alter table public.support_requests add column search_text text not null default '';
comment on column public.support_requests.search_text is
  'The request''s search words (internal.request_search_text of reference, name, national ID and mobile), kept by a trigger; what search_requests() matches.';

create function internal.support_requests_search_text() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.search_text := internal.request_search_text(new.reference, new.full_name, new.national_id, new.mobile);
  return new;
end;
$$;

create trigger support_requests_search_text before insert or update of reference, full_name, national_id, mobile
  on public.support_requests for each row execute function internal.support_requests_search_text();
-- Also when rows are written with the other triggers off (the seed and test fixtures use replica mode).
alter table public.support_requests enable always trigger support_requests_search_text;

-- Requests already stored: the workflow and history triggers would refuse or record this, and it changes nothing they guard.
alter table public.support_requests disable trigger support_requests_workflow, disable trigger support_requests_history;
update public.support_requests set search_text = internal.request_search_text(reference, full_name, national_id, mobile);
alter table public.support_requests enable trigger support_requests_workflow, enable trigger support_requests_history;

create index support_requests_search_text_idx on public.support_requests using gin (search_text extensions.gin_trgm_ops);
create index support_requests_national_id_idx on public.support_requests (national_id);

revoke all on function internal.search_marks(), internal.search_fold(text), internal.search_strip_article(text),
  internal.search_tokens(text), internal.request_search_text(text, text, text, text), internal.support_requests_search_text()
  from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* search_requests()                                                                         */
/* ---------------------------------------------------------------------------------------- */

/**
 * What a search matches, as a condition on `r` (a support_requests row), for search_requests()
 * and queue_requests():
 * - a whole reference (typed with IRT, any case or digit script): that request;
 * - a whole national ID or iqama: that applicant's requests;
 * - a whole Saudi mobile in any form: the requests from that mobile;
 * - otherwise every word of the query (folded as above) must occur in the request's search text,
 *   so part of a name, of a reference, or of a mobile or national ID finds it (since
 *   20261202130200_search_numbers_whole.sql the search text holds no number: part of a name or
 *   reference only).
 * A query longer than 200 characters is refused (search_length), one without a word of 3 or more
 * letters or digits too (search_too_short: a trigram index cannot narrow it).
 */
create function internal.search_condition(p_query text) returns text
language plpgsql immutable set search_path = '' as $$
declare
  query text := internal.js_trim(internal.to_latin_digits(coalesce(p_query, '')));
  digits text;
  words text[];
  conditions text[] := '{}';
begin
  if char_length(query) > 200 then perform internal.refuse('search_length', 'search', '22023'); end if;
  if query ~* '^irt' and internal.normalise_reference(query) ~ '^IRT-[0-9A-HJKMNP-TV-Z]{8}$' then
    return format('r.reference = %L', internal.normalise_reference(query));
  end if;
  if internal.normalise_national_id(query) ~ '^[12][0-9]{9}$' then
    return format('r.national_id = %L', internal.normalise_national_id(query));
  end if;
  if internal.normalise_saudi_mobile(query) is not null then
    return format('r.mobile = %L', internal.normalise_saudi_mobile(query));
  end if;

  -- Part of a reference is matched on its code; part of a number, however it was typed, is one
  -- word, and a mobile's country code reads as its 0.
  query := regexp_replace(query, '^irt[\s-]*', '', 'i');
  digits := regexp_replace(query, '[\s().+-]', '', 'g');
  if digits ~ '^[0-9]+$' then
    words := array[regexp_replace(digits, '^(00966|966)', '0')];
  else
    words := internal.search_tokens(query);
  end if;
  if not exists (select 1 from unnest(words) w where char_length(w) >= 3) then
    perform internal.refuse('search_too_short', 'search', '22023');
  end if;
  -- Words of 3 or more characters can be index conditions; shorter ones only narrow what those find.
  for i in 1..cardinality(words) loop
    conditions := conditions || case when char_length(words[i]) >= 3
      then format('r.search_text like %L', '%' || words[i] || '%')
      else format('strpos(r.search_text, %L) > 0', words[i]) end;
  end loop;
  return array_to_string(conditions, ' and ');
end;
$$;

/** The requests a search finds (internal.search_condition), for active staff only (others get role_not_allowed / staff_inactive). */
create function public.search_requests(p_query text) returns setof public.support_requests
language plpgsql stable security definer set search_path = '' rows 100 as $$
begin
  perform internal.require_active_staff();
  return query execute 'select r.* from public.support_requests r where ' || internal.search_condition(p_query);
end;
$$;

revoke all on function internal.search_condition(text), public.search_requests(text) from public, anon, authenticated, service_role;
grant execute on function public.search_requests(text) to authenticated;
