/*
 * The queue's status counts in one call, at any size (docs/ARCHITECTURE.md, "The staff
 * workspace"). Counting a million rows by status takes longer than the workspace may wait, so the
 * database keeps a tally per status, changed by every statement that adds requests or moves them.
 * Concurrent writers each add to one of 16 rows per status (picked at random), so submissions never
 * queue behind one counter row; request_status_counts() adds the rows up.
 */

/* ---------------------------------------------------------------------------------------- */
/* Tallies                                                                                   */
/* ---------------------------------------------------------------------------------------- */

create table internal.request_status_tallies (
  status public.request_status not null,
  shard smallint not null constraint request_status_tallies_shard check (shard between 0 and 15),
  requests bigint not null,
  primary key (status, shard)
);
alter table internal.request_status_tallies enable row level security;
revoke all on internal.request_status_tallies from anon, authenticated, service_role;
comment on table internal.request_status_tallies is
  'How many requests are in each status, split over 16 rows per status so concurrent writers do not wait for each other; summed by request_status_counts().';

/** Adds what a statement changed to the tallies (statement-level, from its transition tables). */
create function internal.tally_request_statuses() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  -- The row of each status this statement adds to.
  slot smallint := floor(random() * 16);
begin
  if tg_op = 'INSERT' then
    insert into internal.request_status_tallies as t (status, shard, requests)
    select n.status, slot, count(*) from new_rows n group by n.status
     -- Always the same order, so two statements meeting on a shard never wait for each other in a circle.
     order by n.status
    on conflict (status, shard) do update set requests = t.requests + excluded.requests;
  else
    insert into internal.request_status_tallies as t (status, shard, requests)
    select moved.status, slot, sum(moved.delta)
      from (select n.status, 1 as delta from new_rows n union all select o.status, -1 from old_rows o) moved
     group by moved.status
    having sum(moved.delta) <> 0
     order by moved.status
    on conflict (status, shard) do update set requests = t.requests + excluded.requests;
  end if;
  return null;
end;
$$;

create trigger support_requests_tally_insert after insert on public.support_requests
  referencing new table as new_rows for each statement execute function internal.tally_request_statuses();
create trigger support_requests_tally_update after update on public.support_requests
  referencing old table as old_rows new table as new_rows for each statement execute function internal.tally_request_statuses();
-- Also when rows are written with the other triggers off (the seed and test fixtures use replica mode).
alter table public.support_requests enable always trigger support_requests_tally_insert, enable always trigger support_requests_tally_update;

insert into internal.request_status_tallies (status, shard, requests)
select r.status, 0, count(*) from public.support_requests r group by r.status;

revoke all on function internal.tally_request_statuses() from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* request_status_counts()                                                                   */
/* ---------------------------------------------------------------------------------------- */

/** How many requests are in each status (every status, 0 included), for active staff. */
create function public.request_status_counts() returns table (status public.request_status, requests bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform internal.require_active_staff();
  return query
    select s.status, coalesce(sum(t.requests), 0)::bigint
      from internal.request_statuses s
      left join internal.request_status_tallies t on t.status = s.status
     group by s.status
     order by s.status;
end;
$$;

revoke all on function public.request_status_counts() from public, anon, authenticated, service_role;
grant execute on function public.request_status_counts() to authenticated;
