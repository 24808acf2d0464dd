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

-- Every request by decision date with its search text: a search that matches many requests (a
-- family name: 50,000) walks this in order and tests each word here, not in the table (38,000
-- rows read from the table for the first 25 before). A rare match still reads the trigram index.
create index support_requests_due_search_idx on public.support_requests (decision_due_by, id) include (search_text);
drop index public.support_requests_decision_due_idx;

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
