/*
 * The queue at a million requests (docs/ARCHITECTURE.md, "The staff workspace"). Under row-level
 * security a filter on an enum (status, category, channel) can never be an index condition, so
 * PostgREST's own filters walk the whole table for a rare status: 770 ms for `status = escalated`
 * at a million requests (bench/staff/RESULTS.md). queue_requests() checks the caller is active
 * staff, then filters, sorts and pages itself through the indexes below and answers one page with
 * its total. The total of a status-only view comes from the status tallies; any other is counted
 * up to 1,000 rows and estimated by the planner beyond (`total_estimated`: the workspace says
 * "about"). A search is one more condition, search_requests()'s own (internal.search_condition).
 */

/* ---------------------------------------------------------------------------------------- */
/* Indexes                                                                                   */
/* ---------------------------------------------------------------------------------------- */

-- Open requests (not closed or rejected, the final statuses of internal.request_statuses) are a few
-- per cent of five years' requests: the default view walks these in the order it shows.
-- tests/db/queue.test.ts fails if the final statuses and this predicate part ways.
create index support_requests_open_due_idx on public.support_requests (decision_due_by) where status not in ('closed', 'rejected');
create index support_requests_open_created_idx on public.support_requests (created_at) where status not in ('closed', 'rejected');
create index support_requests_open_name_idx on public.support_requests (full_name) where status not in ('closed', 'rejected');
-- One status, in date order: the statuses follow time (what is open is recent), so walking a date index would pass them all.
create index support_requests_status_due_idx on public.support_requests (status, decision_due_by);
create index support_requests_status_created_idx on public.support_requests (status, created_at);
create index support_requests_name_idx on public.support_requests (full_name);
-- Overdue and due soon: what is still to be decided, by decision date.
-- Someone's open requests by decision date (also my_work()).
create index support_requests_open_assignee_due_idx on public.support_requests (assigned_to, decision_due_by) include (id) where status not in ('closed', 'rejected');
-- Undecided requests by decision date: support_requests_undecided_due_idx (20261201140300_overdue.sql).
-- A rare category or intake channel, without walking everything else.
create index support_requests_category_idx on public.support_requests (category);
create index support_requests_intake_channel_idx on public.support_requests (intake_channel);

/* ---------------------------------------------------------------------------------------- */
/* Policy data                                                                               */
/* ---------------------------------------------------------------------------------------- */

/** "Due soon": within this long of decision_due_by (DUE_SOON_DAYS in src/lib/deadlines.ts). */
create function internal.due_soon_window() returns interval
language sql immutable parallel safe as $$
  select interval '7 days'
$$;

/** The planner's estimate of how many rows a query returns (volatile only because EXPLAIN must be; it reads nothing). */
create function internal.planned_rows(query text) returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  plan jsonb;
begin
  execute 'explain (format json) ' || query into plan;
  return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
end;
$$;

/** An ORDER BY list: each key of `row` (an alias or a row expression), in one direction. */
create function internal.queue_ordering(row_expression text, keys text[], descending boolean) returns text
language sql immutable parallel safe as $$
  select string_agg(format('%s.%I %s', row_expression, k, case when descending then 'desc' else 'asc' end), ', ' order by n)
    from unnest(keys) with ordinality as k (k, n)
$$;

/* ---------------------------------------------------------------------------------------- */
/* queue_requests()                                                                          */
/* ---------------------------------------------------------------------------------------- */

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
create function public.queue_requests(
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
  execute format(
    'select coalesce(jsonb_agg(internal.queue_row(r) order by page.n), ''[]'')
       from (select r.id, row_number() over (order by %1$s) as n
               from public.support_requests r where %2$s order by %1$s limit %3$s offset %4$s) page
       join public.support_requests r on r.id = page.id',
    internal.queue_ordering('r', sort_keys, p_descending), filter, p_limit, p_offset)
    into page;
  if not searching and p_category is null and p_intake_channel is null and p_assigned_to is null and not p_unassigned and p_deadline = '' then
    select coalesce(sum(t.requests), 0) into total
      from internal.request_status_tallies t where statuses is null or t.status = any (statuses);
    return jsonb_build_object('rows', page, 'total', total, 'total_estimated', false);
  end if;
  execute format('select count(*) from (select 1 from public.support_requests r where %s limit 1001) c', filter) into total;
  if total <= 1000 then
    return jsonb_build_object('rows', page, 'total', total, 'total_estimated', false);
  end if;
  return jsonb_build_object('rows', page, 'total', greatest(internal.planned_rows(format('select 1 from public.support_requests r where %s', filter)), 1001),
                            'total_estimated', true);
end;
$$;

revoke all on function internal.due_soon_window(), internal.planned_rows(text), internal.queue_ordering(text, text[], boolean) from public, anon, authenticated, service_role;
revoke all on function public.queue_requests(text, public.request_status, text, public.beneficiary_category, public.channel,
  uuid, boolean, text, text, boolean, integer, integer) from public, anon, authenticated, service_role;
grant execute on function public.queue_requests(text, public.request_status, text, public.beneficiary_category, public.channel,
  uuid, boolean, text, text, boolean, integer, integer) to authenticated;
