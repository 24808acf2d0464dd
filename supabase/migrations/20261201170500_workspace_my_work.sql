/*
 * "My work" and the supervisor's load view (docs/ARCHITECTURE.md, "The staff workspace"). Both
 * read through indexes the row-level security path cannot use (enum conditions are not
 * leakproof), so they are security definer functions that check the caller first.
 * "Came back since I last looked" compares when the request last came back from the beneficiary
 * (internal.request_came_back) with when the member last opened it (request_views, written by
 * mark_request_seen() when the request page opens).
 */

/* ---------------------------------------------------------------------------------------- */
/* When a member last looked at a request                                                    */
/* ---------------------------------------------------------------------------------------- */

create table public.request_views (
  user_id uuid not null references public.staff (user_id),
  request_id uuid not null references public.support_requests (id),
  seen_at timestamptz not null,
  primary key (user_id, request_id)
);
alter table public.request_views enable row level security;
revoke all on public.request_views from anon, authenticated, service_role;
comment on table public.request_views is
  'When each staff member last opened each request (mark_request_seen), for "came back since I last looked" in my_work().';

create policy "Active staff can read when they last opened a request"
  on public.request_views for select to authenticated
  using (user_id = (select auth.uid()) and (select internal.is_active_staff()));
grant select on public.request_views to authenticated, service_role;

/** Records that the calling member is looking at the request now; answers when. */
create function public.mark_request_seen(p_request_id uuid) returns timestamptz
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
begin
  perform internal.require_request(p_request_id);
  insert into public.request_views (user_id, request_id, seen_at) values (me.user_id, p_request_id, now())
  on conflict (user_id, request_id) do update set seen_at = excluded.seen_at;
  return now();
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* What comes back from the beneficiary                                                      */
/* ---------------------------------------------------------------------------------------- */

/**
 * The kinds of event the beneficiary causes: a low score's follow-up, a reply on the private page
 * and its documents (record_came_back skips those of these kinds that staff or the portal wrote).
 * Views that add such events add their kinds here with `create or replace`.
 */
create function internal.beneficiary_event_kinds() returns public.request_event_kind[]
language sql immutable parallel safe as $$
  select array['follow_up', 'reply', 'document']::public.request_event_kind[]
$$;

-- Looking through every event of every open request at each "my work" would cost more as history
-- grows; the last time each request came back is kept instead, by a trigger on request_events.
create table internal.request_came_back (
  request_id uuid primary key references public.support_requests (id),
  came_back_at timestamptz not null
);
alter table internal.request_came_back enable row level security;
revoke all on internal.request_came_back from anon, authenticated, service_role;
comment on table internal.request_came_back is
  'When each request last came back from the beneficiary: an event they caused (internal.beneficiary_event_kinds), or the end of a wait on them; kept by a trigger on request_events, read by my_work().';

/** Records, per request, the latest event of a statement that means it came back from the beneficiary. */
create function internal.record_came_back() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into internal.request_came_back as c (request_id, came_back_at)
  select e.request_id, max(e.created_at)
    from new_events e
    left join internal.request_statuses left_status on left_status.status = e.from_status
   -- The beneficiary's own events have no actor; an overdue flag is the portal's, not theirs.
   where (e.kind = any (internal.beneficiary_event_kinds()) and e.actor_id is null and e.code is distinct from 'overdue_flagged')
      or (e.kind = 'status_changed' and left_status.pauses_decision_clock)
   group by e.request_id
   order by e.request_id
  on conflict (request_id) do update set came_back_at = greatest(c.came_back_at, excluded.came_back_at);
  return null;
end;
$$;

create trigger request_events_came_back after insert on public.request_events
  referencing new table as new_events for each statement execute function internal.record_came_back();
-- Also when history is written with the other triggers off (the seed and test fixtures use replica mode).
alter table public.request_events enable always trigger request_events_came_back;

-- The history already written, as the trigger would have recorded it.
insert into internal.request_came_back (request_id, came_back_at)
select e.request_id, max(e.created_at)
  from public.request_events e
  left join internal.request_statuses left_status on left_status.status = e.from_status
 where e.kind = any (internal.beneficiary_event_kinds()) or (e.kind = 'status_changed' and left_status.pauses_decision_clock)
 group by e.request_id;

/* ---------------------------------------------------------------------------------------- */
/* my_work()                                                                                 */
/* ---------------------------------------------------------------------------------------- */

/** A request as the queue lists it (QUEUE_COLUMNS in src/api/queue-query.ts); its callers have checked the caller. */
create function internal.queue_row(r public.support_requests) returns jsonb
language sql stable as $$
  select jsonb_build_object('id', r.id, 'reference', r.reference, 'full_name', r.full_name, 'mobile', r.mobile,
    'status', r.status, 'category', r.category, 'intake_channel', r.intake_channel, 'created_at', r.created_at,
    'updated_at', r.updated_at, 'decision_due_by', r.decision_due_by, 'decided_at', r.decided_at,
    'assigned_to', r.assigned_to, 'possible_duplicate', internal.has_open_duplicate(r),
    'overdue_flags', (select jsonb_build_object('flagged_at', f.flagged_at) from public.overdue_flags f where f.request_id = r.id))
$$;

/**
 * The calling member's open requests, in three lists of at most 100 (with their full counts):
 * `due`: what they are to work on, what is to be decided first by decision date, then what was
 * decided, longest waiting first; `waiting`: what waits on the beneficiary, longest first;
 * `came_back`: what came back from the beneficiary since they last opened it, latest first
 * (each row with `came_back_at`).
 */
create function public.my_work() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
begin
  return (
    with mine as (
      select r, s.awaits_decision, s.pauses_decision_clock,
             case when c.came_back_at > coalesce(v.seen_at, '-infinity') then c.came_back_at end as came_back_at
        from public.support_requests r
        join internal.request_statuses s on s.status = r.status
        left join internal.request_came_back c on c.request_id = r.id
        left join public.request_views v on v.user_id = me.user_id and v.request_id = r.id
       -- The literal list is the open indexes' predicate (tests/db/queue.test.ts); open_statuses() is the rule.
       where r.assigned_to = me.user_id and r.status not in ('closed', 'rejected') and r.status = any (internal.open_statuses())
    ),
    due as (
      select m.r from mine m where not m.pauses_decision_clock
       order by m.awaits_decision desc, case when m.awaits_decision then (m.r).decision_due_by else (m.r).status_changed_at end, (m.r).created_at
       limit 100
    ),
    waiting as (
      select m.r from mine m where m.pauses_decision_clock order by (m.r).waiting_since, (m.r).created_at limit 100
    ),
    came_back as (
      select m.r, m.came_back_at from mine m where m.came_back_at is not null order by m.came_back_at desc limit 100
    )
    select jsonb_build_object(
      'due', (select coalesce(jsonb_agg(internal.queue_row(d.r)), '[]') from due d),
      'waiting', (select coalesce(jsonb_agg(internal.queue_row(w.r)), '[]') from waiting w),
      'came_back', (select coalesce(jsonb_agg(internal.queue_row(c.r) || jsonb_build_object('came_back_at', c.came_back_at)), '[]') from came_back c),
      'counts', jsonb_build_object(
        'due', (select count(*) from mine m where not m.pauses_decision_clock),
        'waiting', (select count(*) from mine m where m.pauses_decision_clock),
        'came_back', (select count(*) from mine m where m.came_back_at is not null)))
  );
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* staff_load()                                                                              */
/* ---------------------------------------------------------------------------------------- */

-- The open requests by assignee, with what the overdue count needs, read from the index alone.
create index support_requests_status_assignee_idx on public.support_requests (status, assigned_to) include (decision_due_by, decided_at);

/**
 * For supervisors and admins: per member who works requests (and a row with no member for what
 * nobody has), their open requests, how many wait on the beneficiary, and how many are overdue
 * (not decided, past decision_due_by, still awaiting the decision: the queue's "overdue").
 */
create function public.staff_load()
returns table (user_id uuid, full_name text, role public.staff_role, active boolean, open_requests bigint, waiting bigint, overdue bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform internal.require_staff(array['supervisor', 'admin']::public.staff_role[]);
  return query
    with load as (
      select r.assigned_to,
             count(*) as open_requests,
             count(*) filter (where s.pauses_decision_clock) as waiting,
             count(*) filter (where s.awaits_decision and r.decided_at is null and r.decision_due_by < now()) as overdue
        from public.support_requests r
        join internal.request_statuses s on s.status = r.status
       where r.status = any (internal.open_statuses())
       group by r.assigned_to
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

revoke all on function internal.beneficiary_event_kinds(), internal.record_came_back(),
  internal.queue_row(public.support_requests) from public, anon, authenticated, service_role;
revoke all on function public.mark_request_seen(uuid), public.my_work(), public.staff_load()
  from public, anon, authenticated, service_role;
grant execute on function public.mark_request_seen(uuid), public.my_work(), public.staff_load() to authenticated;
