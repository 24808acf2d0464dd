/*
 * Masking national IDs and mobiles (issue 16, "Who looked at what"; docs/ARCHITECTURE.md, "Personal
 * data: masking and the access log"). Staff never receive a full national ID or mobile through the
 * API unless they reveal it on the request page (20261202100100_access_log.sql records each reveal):
 * - the table: `authenticated` may select every column of support_requests but `national_id`,
 *   `mobile`, `search_text` (which holds both) and `idempotency_key` (the submission's retry key:
 *   retrying with it answers a fresh private link, whose page copies the full values); it reads
 *   `national_id_masked` / `mobile_masked`,
 *   stored columns kept by a trigger (free at read time). A whole-row read (`select=*`, a computed
 *   field, `return=representation`) is therefore refused (42501): the workspace names its columns;
 * - the definer functions that hand out request rows or values (search_requests, the assignment and
 *   move functions, internal.queue_row for queue_requests and my_work, undelivered_messages) give
 *   the masked form in those same fields, and an empty search_text. Search still compares the
 *   full values (internal.search_condition runs on the stored row).
 * Service role, the beneficiary's private page and data copy read the stored row as before.
 */

/* ---------------------------------------------------------------------------------------- */
/* The masked form                                                                           */
/* ---------------------------------------------------------------------------------------- */

/**
 * The last four characters behind six bullets, whatever the length (so the mask does not tell an
 * iqama from a mobile by its length): `••••••1234`. '' stays '' (an anonymised request), null null.
 */
create function internal.masked_digits(value text) returns text
language sql immutable parallel safe as $$
  select case when value is null or value = '' then value
              when char_length(value) <= 4 then repeat('•', char_length(value))
              else '••••••' || right(value, 4) end
$$;
revoke all on function internal.masked_digits(text) from public, anon, authenticated, service_role;

alter table public.support_requests
  add column national_id_masked text not null default '',
  add column mobile_masked text not null default '';
comment on column public.support_requests.national_id_masked is
  'The national ID as staff see it in lists and on the request page before a reveal (internal.masked_digits), kept by a trigger.';
comment on column public.support_requests.mobile_masked is
  'The mobile as staff see it in lists and on the request page before a reveal (internal.masked_digits), kept by a trigger.';

-- A plain column kept by a trigger rather than a generated one, as search_text is: a BEFORE
-- trigger sees a generated column as null.
create function internal.support_requests_masked() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.national_id_masked := internal.masked_digits(new.national_id);
  new.mobile_masked := internal.masked_digits(new.mobile);
  return new;
end;
$$;
revoke all on function internal.support_requests_masked() from public, anon, authenticated, service_role;

create trigger support_requests_masked before insert or update of national_id, mobile
  on public.support_requests for each row execute function internal.support_requests_masked();
-- Also for rows written in replica mode (the seed, test fixtures, the benchmark).
alter table public.support_requests enable always trigger support_requests_masked;

-- Requests already stored: the workflow and history triggers would refuse or record this, and it changes nothing they guard.
alter table public.support_requests disable trigger support_requests_workflow, disable trigger support_requests_history;
update public.support_requests
   set national_id_masked = internal.masked_digits(national_id), mobile_masked = internal.masked_digits(mobile);
alter table public.support_requests enable trigger support_requests_workflow, enable trigger support_requests_history;

insert into internal.personal_data_map (table_name, column_name, category, purpose, seen_by, kept, replacement) values
  ('public.support_requests', 'national_id_masked', 'identity', 'assess', 'handling_staff', 'retention', 'recomputed'),
  ('public.support_requests', 'mobile_masked', 'contact', 'contact', 'handling_staff', 'retention', 'recomputed');

/* ---------------------------------------------------------------------------------------- */
/* What staff may select                                                                     */
/* ---------------------------------------------------------------------------------------- */

-- Every column but the full values. A column added later is not granted until a migration says
-- so (tests/db/masking.test.ts lists the columns staff may not read).
revoke select on public.support_requests from authenticated;
do $$
declare
  columns text;
begin
  select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into columns
    from pg_attribute a
   where a.attrelid = 'public.support_requests'::regclass and a.attnum > 0 and not a.attisdropped
     and a.attname not in ('national_id', 'mobile', 'search_text', 'idempotency_key');
  execute format('grant select (%s) on public.support_requests to authenticated', columns);
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Rows the definer functions hand out                                                       */
/* ---------------------------------------------------------------------------------------- */

/** A request as staff receive it from a function: the national ID and mobile masked, no search words. */
create function internal.masked_request(r public.support_requests) returns public.support_requests
language plpgsql immutable set search_path = '' as $$
begin
  r.national_id := r.national_id_masked;
  r.mobile := r.mobile_masked;
  r.search_text := '';
  return r;
end;
$$;
revoke all on function internal.masked_request(public.support_requests) from public, anon, authenticated, service_role;

/** The requests a search finds (internal.search_condition on the stored values), masked, for active staff only. */
create or replace function public.search_requests(p_query text) returns setof public.support_requests
language plpgsql stable security definer set search_path = '' rows 100 as $$
begin
  perform internal.require_active_staff();
  -- In FROM, so the row is masked once (`(f(r)).*` in the select list would call it once per column).
  return query execute 'select m.* from public.support_requests r cross join lateral internal.masked_request(r) m where '
    || internal.search_condition(p_query);
end;
$$;

create or replace function public.transition_request(
  p_request_id uuid, p_to public.request_status, p_note text default null, p_expected_updated_at timestamptz default null
) returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_active_staff();
  perform internal.checked_note(p_note);
  perform internal.require_request(p_request_id);
  perform internal.require_unchanged(array[p_request_id], case when p_expected_updated_at is not null then array[p_expected_updated_at] end);
  -- The trigger checks the move (internal.request_transitions) and needs the note.
  perform set_config('irtiqaa.transition_note', coalesce(p_note, ''), true);
  update public.support_requests set status = p_to where id = p_request_id returning * into changed;
  perform set_config('irtiqaa.transition_note', '', true);
  return internal.masked_request(changed);
end;
$$;

create or replace function public.assign_request(p_request_id uuid, p_assignee uuid, p_expected_updated_at timestamptz default null)
returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  perform internal.require_request(p_request_id);
  perform internal.require_unchanged(array[p_request_id], case when p_expected_updated_at is not null then array[p_expected_updated_at] end);
  update public.support_requests set assigned_to = p_assignee where id = p_request_id returning * into changed;
  return internal.masked_request(changed);
end;
$$;

create or replace function public.assign_requests(p_request_ids uuid[], p_assignee uuid, p_expected_updated_at timestamptz[] default null)
returns setof public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  wanted uuid[];
begin
  perform internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  select coalesce(array_agg(distinct id), '{}') into wanted from unnest(p_request_ids) id where id is not null;
  if cardinality(wanted) = 0 then perform internal.refuse('requests_required', 'request_ids', '22023'); end if;
  if cardinality(wanted) > 100 then perform internal.refuse('bulk_limit', 'request_ids', '22023'); end if;
  if p_expected_updated_at is not null and cardinality(p_expected_updated_at) <> cardinality(p_request_ids) then
    perform internal.refuse('expected_updated_at_mismatch', 'expected_updated_at', '22023');
  end if;
  if (select count(*) from public.support_requests r where r.id = any (wanted)) < cardinality(wanted) then
    perform internal.refuse('request_not_found', null, 'P0001');
  end if;
  perform internal.require_unchanged(p_request_ids, p_expected_updated_at);
  return query
    with changed as (
      update public.support_requests r set assigned_to = p_assignee
       where r.id = any (wanted) and r.assigned_to is distinct from p_assignee
      returning r.*
    )
    select m.* from changed c cross join lateral internal.masked_request(c::public.support_requests) m;
end;
$$;

/**
 * PostgREST computed field on the rows of search_requests (`select=*,possible_duplicate`): whether
 * the request has an open, unreviewed possible duplicate. It reads the stored request by id, since
 * the row it is given carries masked values. On support_requests itself it is refused (a whole-row
 * reference needs every column); the request page asks request_possible_duplicate().
 */
create or replace function public.possible_duplicate(request public.support_requests) returns boolean
language sql stable security definer set search_path = '' as $$
  select internal.is_active_staff() and coalesce((select internal.has_open_duplicate(s) from public.support_requests s where s.id = request.id), false)
$$;

/** For the request page: whether the request has an open possible duplicate nobody reviewed, for active staff. */
create function public.request_possible_duplicate(p_request_id uuid) returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  perform internal.require_active_staff();
  return internal.has_open_duplicate(internal.require_request(p_request_id));
end;
$$;
revoke all on function public.request_possible_duplicate(uuid) from public, anon, authenticated, service_role;
grant execute on function public.request_possible_duplicate(uuid) to authenticated;

/** A request as the queue lists it (QUEUE_COLUMNS in src/api/queue-query.ts), the mobile masked; its callers have checked the caller. */
create or replace function internal.queue_row(r public.support_requests) returns jsonb
language sql stable as $$
  select jsonb_build_object('id', r.id, 'reference', r.reference, 'full_name', r.full_name, 'mobile', r.mobile_masked,
    'status', r.status, 'category', r.category, 'intake_channel', r.intake_channel, 'created_at', r.created_at,
    'updated_at', r.updated_at, 'decision_due_by', r.decision_due_by, 'decided_at', r.decided_at,
    'assigned_to', r.assigned_to, 'possible_duplicate', internal.has_open_duplicate(r),
    'overdue_flags', (select jsonb_build_object('flagged_at', f.flagged_at) from public.overdue_flags f where f.request_id = r.id))
$$;

/** The messages that failed for good, newest first; an SMS's recipient masked as the request's mobile is. */
create or replace function public.undelivered_messages() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  perform internal.require_active_staff();
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', o.id, 'request_id', o.request_id, 'reference', r.reference, 'moment', o.moment, 'channel', o.channel,
             'recipient', case when o.channel = 'sms' then internal.masked_digits(o.recipient) else o.recipient end,
             'reason', o.last_error, 'attempts', o.attempts, 'failed_at', o.failed_at
           ) order by o.failed_at desc, o.id desc)
      from (select * from internal.outbox where state = 'failed' order by failed_at desc, id desc limit 200) o
      join public.support_requests r on r.id = o.request_id
  ), '[]'::jsonb);
end;
$$;
