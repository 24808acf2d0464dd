/*
 * The workspace at a million requests, measured (bench/staff/RESULTS.md; docs/ARCHITECTURE.md,
 * "The staff workspace"): what each slow call spent its time on, and what it does instead.
 */

/* ---------------------------------------------------------------------------------------- */
/* The duplicate flag of each queue row                                                      */
/* ---------------------------------------------------------------------------------------- */

-- internal.queue_row() (a SQL function, never inlined: it has a subquery) starts an executor for
-- each row, and a SQL function called inside it is parsed and planned again on every row: 0.4 to
-- 1.4 ms a row for this one, most of a queue page and nearly all of my_work()'s 300 rows.
-- PL/pgSQL keeps its plan for the session. Same body, same answer.
create or replace function internal.has_open_duplicate(request public.support_requests) returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (
    select 1 from internal.same_applicant(request.id, request.national_id, request.mobile) s
     where s.outcome is null and (s.other).status = any (internal.open_statuses()));
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Indexes the queue's filters and counts can answer from alone                              */
/* ---------------------------------------------------------------------------------------- */

-- The open requests by decision date, with every column an open view filters on: the default
-- page, a category, an intake channel, nobody's, overdue and due soon walk it in the order they
-- show and count up to 1,001 from it, without reading the table. Before, the count of a category
-- or channel combined the bitmap of every request of that category (200,000) with the open ones,
-- and overdue sorted all 8,500 overdue rows, read from the table, for its first 25.
create index support_requests_open_queue_idx on public.support_requests (decision_due_by, id)
  include (status, category, intake_channel, assigned_to, decided_at) where status not in ('closed', 'rejected');
drop index public.support_requests_open_due_idx;

-- A member's open requests, with what my_work() sorts its lists by: it picks its 300 rows from
-- this index and reads only those from the table (it read all of the member's 1,700 before).
create index support_requests_open_assignee_idx on public.support_requests (assigned_to, decision_due_by, id)
  include (status, status_changed_at, created_at, waiting_since, category, intake_channel, decided_at)
  where status not in ('closed', 'rejected');
drop index public.support_requests_open_assignee_due_idx;

-- One status in date order, now with the id the order ends with: the page is read from the index
-- alone, in its order (with the open index above, the planner walked that one for a rare status
-- and passed 26,000 open requests to find 25 escalated ones).
create index support_requests_status_due_id_idx on public.support_requests (status, decision_due_by, id);
drop index public.support_requests_status_due_idx;
create index support_requests_status_created_id_idx on public.support_requests (status, created_at, id);
drop index public.support_requests_status_created_idx;

-- The planner took "awaiting a decision" (status) and "not decided" (decided_at is null) for
-- independent and expected 24 overdue requests of 8,500: it sorted them all, read from the table,
-- instead of walking the open index (54 ms against 0.1). Statistics on the two together.
create statistics public.support_requests_status_decided_stats (mcv) on status, decided_at from public.support_requests;
analyze public.support_requests;

/* ---------------------------------------------------------------------------------------- */
/* my_work()                                                                                 */
/* ---------------------------------------------------------------------------------------- */

-- As before (20261201170500_workspace_my_work.sql), except that `mine` holds the ids and sort
-- keys (from support_requests_open_assignee_idx alone) and each list reads its own at most 100
-- rows from the table, in the order it numbered them.
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
    )
    select jsonb_build_object(
      'due', (select coalesce(jsonb_agg(internal.queue_row(r) order by d.n), '[]') from due d join public.support_requests r on r.id = d.id),
      'waiting', (select coalesce(jsonb_agg(internal.queue_row(r) order by w.n), '[]') from waiting w join public.support_requests r on r.id = w.id),
      'came_back', (select coalesce(jsonb_agg(internal.queue_row(r) || jsonb_build_object('came_back_at', c.came_back_at) order by c.n), '[]')
                      from came_back c join public.support_requests r on r.id = c.id),
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

-- As before (20261201170600_workspace_queue.sql), except how a counted view (a search or any
-- filter but the status) finds its page and total: one read of at most 1,001 (or 5,001) matching
-- rows gives the count and, when that is all of them, the page; only a view with more reads the
-- page again, in order. Same rows, same order, same totals (the estimate is asked first now, and
-- the statistics above change it: overdue says "about 24,000", not "about 1,001", for 8,500).
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
    'select coalesce(jsonb_agg(internal.queue_row(r) order by page.n), ''[]'')
       from (select r.id, row_number() over (order by %1$s) as n
               from public.support_requests r where %2$s order by %1$s limit %3$s offset %4$s) page
       join public.support_requests r on r.id = page.id',
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
              (select coalesce(jsonb_agg(internal.queue_row(r) order by page.n), ''[]'')
                 from (select m.id, row_number() over (order by %3$s) as n from matches m order by %3$s limit %4$s offset %5$s) page
                 join public.support_requests r on r.id = page.id) end
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

