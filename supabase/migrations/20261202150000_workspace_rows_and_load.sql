/*
 * The workspace at a million requests, second pass (bench/staff/RESULTS.md; docs/ARCHITECTURE.md,
 * "The staff workspace"): the rows of a list shaped in one query, the team load read from tallies,
 * a search's rows masked in its select list, the export's pages read from where the last one
 * ended, and the category + channel view read from an index of its own.
 */

/* ---------------------------------------------------------------------------------------- */
/* Queue rows, shaped for a whole list at once                                               */
/* ---------------------------------------------------------------------------------------- */

/**
 * The other open requests of the same applicant that nobody linked or dismissed: the rule of the
 * "possible duplicate" flag. A SQL function of one select, so a query calling it from FROM has it
 * inlined and planned once with the query, however many rows it checks.
 */
create function internal.open_duplicates_of(p_request_id uuid, p_national_id text, p_mobile text) returns setof uuid
language sql stable as $$
  select (s.other).id from internal.same_applicant(p_request_id, p_national_id, p_mobile) s
   where s.outcome is null and (s.other).status = any (internal.open_statuses())
$$;

-- Same answer as before (20261202110000_workspace_scale.sql), the rule now in one place.
create or replace function internal.has_open_duplicate(request public.support_requests) returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (select 1 from internal.open_duplicates_of(request.id, request.national_id, request.mobile));
end;
$$;

/**
 * The queue's rows (masked, as internal.queue_row gave them) of the requests `p_ids`, each with its
 * place `n` in the array. One query for the whole list: internal.queue_row, called once a row, ran an
 * executor and the duplicate check's plan for each (about 0.1 ms a row; my_work() shapes up to 300).
 */
create function internal.queue_rows(p_ids uuid[]) returns table (id uuid, n bigint, shaped jsonb)
language sql stable as $$
  select r.id, p.n, jsonb_build_object('id', r.id, 'reference', r.reference, 'full_name', r.full_name, 'mobile', r.mobile_masked,
    'status', r.status, 'category', r.category, 'intake_channel', r.intake_channel, 'created_at', r.created_at,
    'updated_at', r.updated_at, 'decision_due_by', r.decision_due_by, 'decided_at', r.decided_at,
    'assigned_to', r.assigned_to,
    'possible_duplicate', exists (select 1 from internal.open_duplicates_of(r.id, r.national_id, r.mobile)),
    'overdue_flags', (select jsonb_build_object('flagged_at', f.flagged_at) from public.overdue_flags f where f.request_id = r.id))
    from unnest(p_ids) with ordinality p(id, n)
    join public.support_requests r on r.id = p.id
$$;

/* ---------------------------------------------------------------------------------------- */
/* my_work()                                                                                 */
/* ---------------------------------------------------------------------------------------- */

-- As before (20261202110000_workspace_scale.sql), except that the listed rows are shaped by
-- internal.queue_rows, in one call for the three lists.
create or replace function public.my_work() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  -- Once, not on each of the index's rows.
  open public.request_status[] := internal.open_statuses();
begin
  return (
    with mine as (
      select r.id, r.decision_due_by, r.status_changed_at, r.created_at, r.waiting_since, s.awaits_decision, s.pauses_decision_clock,
             case when c.came_back_at > coalesce(v.seen_at, '-infinity') then c.came_back_at end as came_back_at
        from public.support_requests r
        join internal.request_statuses s on s.status = r.status
        left join internal.request_came_back c on c.request_id = r.id
        left join public.request_views v on v.user_id = me.user_id and v.request_id = r.id
       -- The literal list is the open indexes' predicate (tests/db/queue.test.ts); open_statuses() is the rule.
       where r.assigned_to = me.user_id and r.status not in ('closed', 'rejected') and r.status = any (open)
    ),
    due as (
      select m.id, row_number() over (order by m.awaits_decision desc, case when m.awaits_decision then m.decision_due_by else m.status_changed_at end, m.created_at) as n
        from mine m where not m.pauses_decision_clock
       order by n limit 100
    ),
    waiting as (
      select m.id, row_number() over (order by m.waiting_since, m.created_at) as n
        from mine m where m.pauses_decision_clock order by n limit 100
    ),
    came_back as (
      select m.id, m.came_back_at, row_number() over (order by m.came_back_at desc) as n
        from mine m where m.came_back_at is not null order by n limit 100
    ),
    -- A request can be in "came back" and in one of the others: shaped once.
    shaped as (
      select q.id, q.shaped from internal.queue_rows(array(select d.id from due d union select w.id from waiting w union select c.id from came_back c)) q
    )
    select jsonb_build_object(
      'due', (select coalesce(jsonb_agg(s.shaped order by d.n), '[]') from due d join shaped s on s.id = d.id),
      'waiting', (select coalesce(jsonb_agg(s.shaped order by w.n), '[]') from waiting w join shaped s on s.id = w.id),
      'came_back', (select coalesce(jsonb_agg(s.shaped || jsonb_build_object('came_back_at', c.came_back_at) order by c.n), '[]')
                      from came_back c join shaped s on s.id = c.id),
      'counts', jsonb_build_object(
        'due', (select count(*) from mine m where not m.pauses_decision_clock),
        'waiting', (select count(*) from mine m where m.pauses_decision_clock),
        'came_back', (select count(*) from mine m where m.came_back_at is not null)))
  );
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* queue_requests()                                                                          */
/* ---------------------------------------------------------------------------------------- */

-- As before (20261202110000_workspace_scale.sql), except that the page's rows are shaped by
-- internal.queue_rows, once for the page.
/**
 * One page of the queue, for active staff: `{ rows: [queue rows], total, total_estimated }`.
 * - p_search: what search_requests() finds ('' for none);
 * - p_status one status, else p_scope 'open' (not closed or rejected; the default) or 'all';
 * - p_category, p_intake_channel, p_assigned_to (a member) or p_unassigned;
 * - p_deadline '' | 'overdue' (not decided, past decision_due_by) | 'due_soon' (within due_soon_window())
 *   | 'flagged' (not decided, flagged for the supervisor once overdue: public.overdue_flags);
 * - p_sort 'decision_due_by' | 'created_at' | 'full_name' | 'status', p_descending;
 * - p_offset 0..100,000, p_limit 1..100.
 * A bad choice is refused with its rule key (queue_scope_invalid, queue_deadline_invalid,
 * queue_sort_invalid, queue_page_invalid), hint the field.
 */
create or replace function public.queue_requests(
  p_search text default '', p_status public.request_status default null, p_scope text default 'open',
  p_category public.beneficiary_category default null, p_intake_channel public.channel default null,
  p_assigned_to uuid default null, p_unassigned boolean default false, p_deadline text default '',
  p_sort text default 'decision_due_by', p_descending boolean default false,
  p_offset integer default 0, p_limit integer default 25
) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  conditions text[] := '{}';
  statuses public.request_status[];
  awaiting public.request_status[] := array(select s.status from internal.request_statuses s where s.awaits_decision order by s.status);
  searching boolean := internal.js_trim(coalesce(p_search, '')) <> '';
  filter text;
  sort_keys text[];
  page_query text;
  planned bigint;
  read_at_most integer;
  page jsonb;
  total bigint;
begin
  perform internal.require_active_staff();
  if p_scope is null or p_scope not in ('open', 'all') then perform internal.refuse('queue_scope_invalid', 'scope', '22023'); end if;
  if p_deadline is null or p_deadline not in ('', 'overdue', 'due_soon', 'flagged') then perform internal.refuse('queue_deadline_invalid', 'deadline', '22023'); end if;
  if p_sort is null or p_sort not in ('decision_due_by', 'created_at', 'full_name', 'status') then
    perform internal.refuse('queue_sort_invalid', 'sort', '22023');
  end if;
  if p_offset is null or p_limit is null or p_offset not between 0 and 100000 or p_limit not between 1 and 100 then
    perform internal.refuse('queue_page_invalid', 'page', '22023');
  end if;

  if p_status is not null then
    statuses := array[p_status];
    conditions := conditions || format('r.status = %L', p_status);
  elsif p_scope = 'open' then
    statuses := internal.open_statuses();
    -- Spelled as the open indexes' predicate, so the planner can use them.
    conditions := conditions || format('r.status <> all (%L)', array(select s.status from internal.request_statuses s where s.is_final order by s.status));
  end if;
  if searching then conditions := conditions || ('(' || internal.search_condition(p_search) || ')'); end if;
  if p_category is not null then conditions := conditions || format('r.category = %L', p_category); end if;
  if p_intake_channel is not null then conditions := conditions || format('r.intake_channel = %L', p_intake_channel); end if;
  if p_assigned_to is not null then conditions := conditions || format('r.assigned_to = %L', p_assigned_to);
  elsif p_unassigned then conditions := conditions || 'r.assigned_to is null'::text; end if;
  if p_deadline <> '' then
    conditions := conditions || format('r.status = any (%L) and r.decided_at is null', awaiting) || case p_deadline
      when 'overdue' then 'r.decision_due_by < now()'
      when 'flagged' then 'exists (select 1 from public.overdue_flags f where f.request_id = r.id)'
      else 'r.decision_due_by >= now() and r.decision_due_by <= now() + internal.due_soon_window()' end;
  end if;
  filter := coalesce(nullif(array_to_string(conditions, ' and '), ''), 'true');
  -- An equality filter leads the order (it changes nothing), so the planner sees that an index on
  -- (assignee or status, date) gives the whole order; after the status comes its decision date; the
  -- id last, so pages never overlap.
  sort_keys := case when p_assigned_to is not null then array['assigned_to'] when p_status is not null then array['status'] else '{}' end
    || array[p_sort] || case when p_sort = 'status' then array['decision_due_by'] else '{}' end || array['id'];

  -- The page's ids first, so an index holding the filter, the order and the id can answer alone.
  page_query := format(
    'select coalesce(jsonb_agg(q.shaped order by q.n), ''[]'')
       from internal.queue_rows(array(select r.id from public.support_requests r where %2$s order by %1$s limit %3$s offset %4$s)) q',
    internal.queue_ordering('r', sort_keys, p_descending), filter, p_limit, p_offset);
  if not searching and p_category is null and p_intake_channel is null and p_assigned_to is null and not p_unassigned and p_deadline = '' then
    execute page_query into page;
    select coalesce(sum(t.requests), 0) into total
      from internal.request_status_tallies t where statuses is null or t.status = any (statuses);
    return jsonb_build_object('rows', page, 'total', total, 'total_estimated', false);
  end if;
  -- The matching rows with their sort keys, read the way the filter reads best (its own indexes,
  -- in no order): up to 1,001, or 5,001 for a search the planner expects at most 5,000 of (the
  -- trigram index finds them all at once anyway). When that is all of them, the page is sorted
  -- from them: walking an order index instead (the plan for the page alone) passed 38,000 rows
  -- before the first match of a name whose requests were not spread evenly over time
  -- (bench/staff/RESULTS.md). The total is exact up to 1,000 as before, the planner's estimate beyond.
  planned := internal.planned_rows(format('select 1 from public.support_requests r where %s', filter));
  read_at_most := case when searching and planned <= 5000 then 5000 else 1000 end;
  execute format(
    'with matches as materialized (select %1$s from public.support_requests r where %2$s limit %6$s),
          found as (select count(*) as total from matches)
     select found.total,
            case when found.total < %6$s then
              (select coalesce(jsonb_agg(q.shaped order by q.n), ''[]'')
                 from internal.queue_rows(array(select m.id from matches m order by %3$s limit %4$s offset %5$s)) q) end
       from found',
    (select string_agg(format('r.%I', k), ', ') from (select distinct unnest(sort_keys) as k) keys),
    filter, internal.queue_ordering('m', sort_keys, p_descending), p_limit, p_offset, read_at_most + 1)
    into total, page;
  if total <= 1000 then
    return jsonb_build_object('rows', page, 'total', total, 'total_estimated', false);
  end if;
  if total > read_at_most then
    execute page_query into page;
  end if;
  return jsonb_build_object('rows', page, 'total', greatest(planned, 1001), 'total_estimated', true);
end;
$$;


-- internal.queue_row's callers now use internal.queue_rows.
drop function internal.queue_row(public.support_requests);

/* ---------------------------------------------------------------------------------------- */
/* The team load, from tallies                                                               */
/* ---------------------------------------------------------------------------------------- */

-- staff_load() grouped every open request by assignee on each call (47,000 at a million: 27 ms in
-- the database). How many requests each member has in each status is kept like the status counts
-- (20261201170200_workspace_counts.sql): by the same statement triggers, over 16 rows per pair so
-- concurrent writers do not wait for each other. Only "overdue" depends on the clock: it is counted
-- from the open index (support_requests_open_queue_idx), which holds what it needs.
create table internal.request_assignee_tallies (
  assigned_to uuid, -- null: nobody's
  status public.request_status not null,
  shard smallint not null constraint request_assignee_tallies_shard check (shard between 0 and 15),
  requests bigint not null,
  constraint request_assignee_tallies_key unique nulls not distinct (assigned_to, status, shard)
);
alter table internal.request_assignee_tallies enable row level security;
revoke all on internal.request_assignee_tallies from anon, authenticated, service_role;
comment on table internal.request_assignee_tallies is
  'How many requests each member (null: nobody) has in each status, over 16 rows per pair so concurrent writers do not wait for each other; summed by staff_load().';

/** Adds what a statement changed to the status tallies and to the assignee tallies (statement-level, from its transition tables). */
create or replace function internal.tally_request_statuses() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  -- The row of each status (and each member's status) this statement adds to.
  slot smallint := floor(random() * 16);
begin
  if tg_op = 'INSERT' then
    insert into internal.request_status_tallies as t (status, shard, requests)
    select n.status, slot, count(*) from new_rows n group by n.status
     -- Always the same order, so two statements meeting on a shard never wait for each other in a circle.
     order by n.status
    on conflict (status, shard) do update set requests = t.requests + excluded.requests;
    insert into internal.request_assignee_tallies as t (assigned_to, status, shard, requests)
    select n.assigned_to, n.status, slot, count(*) from new_rows n group by n.assigned_to, n.status
     order by n.assigned_to nulls first, n.status
    on conflict (assigned_to, status, shard) do update set requests = t.requests + excluded.requests;
  else
    insert into internal.request_status_tallies as t (status, shard, requests)
    select moved.status, slot, sum(moved.delta)
      from (select n.status, 1 as delta from new_rows n union all select o.status, -1 from old_rows o) moved
     group by moved.status
    having sum(moved.delta) <> 0
     order by moved.status
    on conflict (status, shard) do update set requests = t.requests + excluded.requests;
    insert into internal.request_assignee_tallies as t (assigned_to, status, shard, requests)
    select moved.assigned_to, moved.status, slot, sum(moved.delta)
      from (select n.assigned_to, n.status, 1 as delta from new_rows n union all select o.assigned_to, o.status, -1 from old_rows o) moved
     group by moved.assigned_to, moved.status
    having sum(moved.delta) <> 0
     order by moved.assigned_to nulls first, moved.status
    on conflict (assigned_to, status, shard) do update set requests = t.requests + excluded.requests;
  end if;
  return null;
end;
$$;

insert into internal.request_assignee_tallies (assigned_to, status, shard, requests)
select r.assigned_to, r.status, 0, count(*) from public.support_requests r group by r.assigned_to, r.status;

/**
 * For supervisors and admins: per member who works requests (and a row with no member for what
 * nobody has), their open requests, how many wait on the beneficiary, and how many are overdue
 * (not decided, past decision_due_by, still awaiting the decision: the queue's "overdue").
 * As before (20261201170500_workspace_my_work.sql), read from the tallies and the open index.
 */
create or replace function public.staff_load()
returns table (user_id uuid, full_name text, role public.staff_role, active boolean, open_requests bigint, waiting bigint, overdue bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  awaiting public.request_status[] := array(select s.status from internal.request_statuses s where s.awaits_decision);
begin
  perform internal.require_staff(array['supervisor', 'admin']::public.staff_role[]);
  return query
    with held as (
      select t.assigned_to, sum(t.requests)::bigint as open_requests, coalesce(sum(t.requests) filter (where s.pauses_decision_clock), 0)::bigint as waiting
        from internal.request_assignee_tallies t
        join internal.request_statuses s on s.status = t.status
       where not s.is_final
       group by t.assigned_to
      having sum(t.requests) > 0
    ),
    late as (
      select r.assigned_to, count(*) as overdue
        from public.support_requests r
       -- The literal list is the open indexes' predicate (tests/db/queue.test.ts).
       where r.status not in ('closed', 'rejected') and r.decision_due_by < now() and r.status = any (awaiting) and r.decided_at is null
       group by r.assigned_to
    ),
    load as (
      select h.assigned_to, h.open_requests, h.waiting, coalesce(l.overdue, 0) as overdue
        from held h left join late l on l.assigned_to is not distinct from h.assigned_to
    )
    select m.user_id, m.full_name, m.role, m.active,
           coalesce(l.open_requests, 0), coalesce(l.waiting, 0), coalesce(l.overdue, 0)
      from public.staff m
      left join load l on l.assigned_to = m.user_id
     where m.role in ('officer', 'supervisor') or l.assigned_to is not null
    union all
    select null, null, null, null, l.open_requests, l.waiting, l.overdue from load l where l.assigned_to is null
    order by 5 desc, 2;
end;
$$;

revoke all on function internal.open_duplicates_of(uuid, text, text), internal.queue_rows(uuid[]) from public, anon, authenticated, service_role;


/* ---------------------------------------------------------------------------------------- */
/* Masked rows, for a search's thousands of matches                                          */
/* ---------------------------------------------------------------------------------------- */

/**
 * The select list of a support_requests row named `p_alias` as staff are given it, in the table's
 * column order: the national ID and mobile in their masked form, no search text, no submission key
 * (20261202100000_masking.sql, 20261202130000_masked_request_key.sql). The one definition of what a
 * definer function masks: internal.masked_request is made from it, and search_requests selects it.
 */
create function internal.masked_columns(p_alias text) returns text
language sql stable set search_path = '' as $$
  select string_agg(case a.attname
           when 'national_id' then format('%I.national_id_masked', p_alias)
           when 'mobile' then format('%I.mobile_masked', p_alias)
           when 'search_text' then '''''::text'
           when 'idempotency_key' then 'null::uuid'
           else format('%I.%I', p_alias, a.attname) end, ', ' order by a.attnum)
    from pg_catalog.pg_attribute a
   where a.attrelid = 'public.support_requests'::regclass and a.attnum > 0 and not a.attisdropped
$$;

/**
 * (Re)makes internal.masked_request from internal.masked_columns, as one row constructor: a SQL
 * function of one expression, which a query inlines (the PL/pgSQL one, called once a row, took
 * about 15 us a row: a search of 2,500 matches spent 30 ms masking). A migration that adds a
 * column to support_requests runs it again; tests/db/masking.test.ts fails until it does.
 */
create function internal.define_masked_request() returns void
language plpgsql set search_path = '' as $$
begin
  -- No SET clause on the made function: one would keep it from being inlined.
  execute format(
    'create or replace function internal.masked_request(r public.support_requests) returns public.support_requests
     language sql immutable as $body$ select row(%s)::public.support_requests $body$', internal.masked_columns('r'));
end;
$$;
select internal.define_masked_request();

/** The requests a search finds (internal.search_condition on the stored values), masked, for active staff only. */
create or replace function public.search_requests(p_query text) returns setof public.support_requests
language plpgsql stable security definer set search_path = '' rows 100 as $$
begin
  perform internal.require_active_staff();
  -- The masked columns in the select list: a function called once a row cost more than the search.
  return query execute format('select %s from public.support_requests r where %s', internal.masked_columns('r'), internal.search_condition(p_query));
end;
$$;

revoke all on function internal.masked_columns(text), internal.define_masked_request() from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* The export's pages                                                                        */
/* ---------------------------------------------------------------------------------------- */

-- The cursor was an OR of its parts (and of "no cursor yet"), which the generic plan PL/pgSQL
-- switches to after a connection's fifth call cannot begin an index scan at: such a connection read
-- every row from the export's start for each page. 100,000 rows took 55 s end to end, the late pages
-- up to 0.8 s each (bench/staff/RESULTS.md); now 3 to 4 s. As before (20261202100100_access_log.sql),
-- except that the cursor is one row comparison on an index of (created_at, id), which also gives
-- "newest first" its order with the id.
create index support_requests_created_id_idx on public.support_requests (created_at, id);
drop index public.support_requests_created_idx;

/**
 * One page of an export the caller started (at most 1,000 requests, in submission order, after
 * `p_after_created_at` / `p_after_id`): masked unless the export was started in full. Another
 * member's export, or one older than an hour, is `export_not_found` (400).
 */
create or replace function public.request_export_page(p_export_id bigint, p_after_created_at timestamptz default null, p_after_id uuid default null)
returns table (id uuid, reference text, created_at timestamptz, status public.request_status, full_name text, national_id text,
               mobile text, email text, city text, category public.beneficiary_category, request_type public.request_type,
               preferred_channel public.channel, intake_channel public.channel, locale text, decision_due_from timestamptz,
               decision_due_by timestamptz, decided_at timestamptz, assigned_to uuid, description text)
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  started public.access_log;
begin
  select * into started from public.access_log l
   where l.id = p_export_id and l.kind = 'export' and l.actor_id = me.user_id
     and l.created_at > now() - internal.request_export_lifetime();
  if started.id is null then perform internal.refuse('export_not_found', 'export_id', 'P0001'); end if;
  return query
    select r.id, r.reference, r.created_at, r.status, r.full_name,
           case when started.full_values then r.national_id else r.national_id_masked end,
           case when started.full_values then r.mobile else r.mobile_masked end,
           r.email, r.city, r.category, r.request_type, r.preferred_channel, r.intake_channel, r.locale,
           r.decision_due_from, r.decision_due_by, r.decided_at, r.assigned_to, r.description
      from public.support_requests r
     where r.created_at >= coalesce(started.export_since, '-infinity')
       -- One row comparison, so the plan PL/pgSQL keeps for every page starts at the cursor in the index.
       and (r.created_at, r.id) > (coalesce(p_after_created_at, '-infinity'), coalesce(p_after_id, '00000000-0000-0000-0000-000000000000'::uuid))
     order by r.created_at, r.id
     limit 1000;
end;
$$;
/* ---------------------------------------------------------------------------------------- */
/* Every request of a category through a channel                                            */
/* ---------------------------------------------------------------------------------------- */

-- The view "every request" filtered by category and intake channel walked the decision-date index
-- for its page and read 1,001 matches from the table for its count. In the view's order, with the
-- id its order ends with.
create index support_requests_category_channel_due_idx on public.support_requests (category, intake_channel, decision_due_by, id);
drop index public.support_requests_category_idx;
