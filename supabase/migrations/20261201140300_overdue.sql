/*
 * Overdue (issue 13, moment 5; docs/ARCHITECTURE.md, "The decision window"): when the six-week
 * window passes without a decision, the request is flagged for the supervisor and the beneficiary
 * gets an apology with the channels to reach a person, both once. Time passing is no change a
 * trigger sees, so the notify function asks for the sweep at every run; the sweep itself runs at
 * most every five minutes. A request waiting on the beneficiary (needs_info) is not overdue: its
 * clock is stopped, and its window moves on when it comes back.
 */

create table public.overdue_flags (
  request_id uuid primary key references public.support_requests (id),
  flagged_at timestamptz not null default now()
);
alter table public.overdue_flags enable row level security;
revoke all on public.overdue_flags from anon, authenticated, service_role;
comment on table public.overdue_flags is
  'Requests whose decision window passed without a decision, flagged once for the supervisor (the queue filters on it).';

create policy "Active staff can see which requests are flagged as overdue"
  on public.overdue_flags for select to authenticated
  using ((select internal.is_active_staff()));
grant select on public.overdue_flags to authenticated, service_role;

-- The sweep reads only requests still waiting for a decision.
create index support_requests_undecided_due_idx on public.support_requests (decision_due_by) where decided_at is null;

create table internal.overdue_sweeps (
  id boolean primary key default true constraint overdue_sweeps_one_row check (id),
  swept_at timestamptz not null default '-infinity'
);
alter table internal.overdue_sweeps enable row level security;
revoke all on internal.overdue_sweeps from anon, authenticated, service_role;
comment on table internal.overdue_sweeps is 'When overdue requests were last looked for.';
insert into internal.overdue_sweeps default values;

/**
 * Flags every request newly past its decision window and writes its `overdue_flagged` event, which
 * queues the apology (internal.outreach_moments). Answers how many it flagged; 0 when another run
 * is sweeping or the last sweep was less than five minutes ago. Service role (the notify function).
 */
create function public.queue_overdue_messages() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  flagged integer;
begin
  if not pg_try_advisory_xact_lock(hashtextextended('irtiqaa_overdue_sweep', 0)) then return 0; end if;
  update internal.overdue_sweeps set swept_at = now() where swept_at <= now() - interval '5 minutes';
  if not found then return 0; end if;
  with newly as (
    insert into public.overdue_flags (request_id)
    select q.id from public.support_requests q
      join internal.request_statuses s on s.status = q.status
     where q.decided_at is null and q.decision_due_by < now() and s.awaits_decision and not s.pauses_decision_clock
       and not exists (select 1 from public.overdue_flags f where f.request_id = q.id)
    on conflict do nothing
    returning request_id
  )
  insert into public.request_events (request_id, kind, code)
  select request_id, 'follow_up', 'overdue_flagged' from newly;
  get diagnostics flagged = row_count;
  return flagged;
end;
$$;

revoke all on function public.queue_overdue_messages() from public, anon, authenticated, service_role;
grant execute on function public.queue_overdue_messages() to service_role;
