/*
 * Managing staff safely (issue 15, hole 4 and "An admin can reset a staff member's factor";
 * docs/ARCHITECTURE.md, "Staff sign-in: two factors and a live session"):
 *   - the association always keeps an active admin: a change that would take away the last one
 *     (demotion, deactivation, deletion) is refused with last_admin, also when two admins change
 *     each other at the same moment (such changes queue on one lock, then count);
 *   - every change to a member (added, role, deactivated, reactivated) and every reset or removal
 *     of a second factor is written to public.staff_events, append-only, read by active admins;
 *   - factors are deleted through the Auth admin API by the `staff-factors` Edge Function, after
 *     reset_staff_factors / authorize_factor_removal below have checked the caller (a migration
 *     may not put a trigger on auth.mfa_factors on a hosted project, and GoTrue lets an aal2
 *     session delete its own last factor).
 */

/* ---------------------------------------------------------------------------------------- */
/* The staff audit trail                                                                     */
/* ---------------------------------------------------------------------------------------- */

create type public.staff_event_kind as enum ('added', 'role_changed', 'deactivated', 'reactivated', 'factors_reset', 'factor_removed');
grant usage on type public.staff_event_kind to authenticated, service_role;

create table public.staff_events (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  -- The member the event is about.
  user_id uuid not null,
  kind public.staff_event_kind not null,
  -- Who did it; null for SQL run directly (the first admin of a hosted project, the demo seed).
  actor_id uuid,
  -- The role given (added, role_changed); the factor removed (factor_removed).
  role public.staff_role,
  factor_id uuid,
  constraint staff_events_role_given check ((kind in ('added', 'role_changed')) = (role is not null)),
  constraint staff_events_factor_named check ((kind = 'factor_removed') = (factor_id is not null))
);
alter table public.staff_events enable row level security;
revoke all on public.staff_events from anon, authenticated, service_role;
revoke all on sequence public.staff_events_id_seq from anon, authenticated, service_role;
comment on table public.staff_events is
  'Append-only history of staff accounts: who added, changed, deactivated a member or reset their second factor, and when.';
create index staff_events_user_idx on public.staff_events (user_id, id);

create policy "Active admins can read the staff audit trail"
  on public.staff_events for select to authenticated
  using ((select internal.is_active_staff_in(array['admin']::public.staff_role[])));
grant select on public.staff_events to authenticated, service_role;

create trigger staff_events_append_only before update or delete on public.staff_events
  for each row execute function internal.refuse_event_change();
create trigger staff_events_never_truncated before truncate on public.staff_events
  for each statement execute function internal.refuse_event_change();

create function internal.staff_after_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    insert into public.staff_events (user_id, kind, actor_id, role) values (new.user_id, 'added', auth.uid(), new.role);
    return null;
  end if;
  if new.role is distinct from old.role then
    insert into public.staff_events (user_id, kind, actor_id, role) values (new.user_id, 'role_changed', auth.uid(), new.role);
  end if;
  if new.active is distinct from old.active then
    insert into public.staff_events (user_id, kind, actor_id)
    values (new.user_id, case when new.active then 'reactivated' else 'deactivated' end::public.staff_event_kind, auth.uid());
  end if;
  return null;
end;
$$;

create trigger staff_history after insert or update on public.staff
  for each row execute function internal.staff_after_write();

/* ---------------------------------------------------------------------------------------- */
/* Always an active admin                                                                    */
/* ---------------------------------------------------------------------------------------- */

create function internal.staff_keep_an_admin() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not (old.role = 'admin' and old.active) or (tg_op = 'UPDATE' and new.role = 'admin' and new.active) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  -- Every change that takes an admin away waits here for the one before it to commit, then counts
  -- afresh (read committed): two admins demoting each other at once cannot both still see the other.
  perform pg_advisory_xact_lock(hashtextextended('staff:active_admins', 0));
  if not exists (select 1 from public.staff s where s.role = 'admin' and s.active and s.user_id <> old.user_id) then
    perform internal.refuse('last_admin', 'user_id', 'P0001');
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger staff_keep_an_admin before update or delete on public.staff
  for each row execute function internal.staff_keep_an_admin();

revoke all on function internal.staff_after_write(), internal.staff_keep_an_admin() from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Second factors: what the staff-factors Edge Function may delete                            */
/* ---------------------------------------------------------------------------------------- */

/**
 * An admin resets another member's second factor (they lost their phone): records it and answers
 * `{ user_id, factor_ids }`, every factor the member has, for the Edge Function to delete. The member
 * then signs in with their password and enrols a new authenticator.
 */
create function public.reset_staff_factors(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_admin_changing(p_user_id, p_user_id, 'user_not_found', 'user_id');
  factor_ids jsonb;
begin
  if not exists (select 1 from public.staff s where s.user_id = p_user_id) then
    perform internal.refuse('user_not_found', 'user_id', 'P0001');
  end if;
  select coalesce(jsonb_agg(f.id order by f.created_at, f.id), '[]') into factor_ids from auth.mfa_factors f where f.user_id = p_user_id;
  insert into public.staff_events (user_id, kind, actor_id) values (p_user_id, 'factors_reset', me.user_id);
  return jsonb_build_object('user_id', p_user_id, 'factor_ids', factor_ids);
end;
$$;

/**
 * A member removes one of their own factors, never the last verified one (an account without one
 * would be back to a password alone): records it and answers `{ user_id, factor_ids }`.
 */
create function public.authorize_factor_removal(p_factor_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  factor_status text;
begin
  select f.status::text into factor_status from auth.mfa_factors f where f.id = p_factor_id and f.user_id = me.user_id;
  if factor_status is null then
    perform internal.refuse('factor_not_found', 'factor_id', 'P0001');
  end if;
  if factor_status = 'verified' and not exists (
       select 1 from auth.mfa_factors f where f.user_id = me.user_id and f.status = 'verified' and f.id <> p_factor_id) then
    perform internal.refuse('last_factor', 'factor_id', 'P0001');
  end if;
  insert into public.staff_events (user_id, kind, actor_id, factor_id) values (me.user_id, 'factor_removed', me.user_id, p_factor_id);
  return jsonb_build_object('user_id', me.user_id, 'factor_ids', jsonb_build_array(p_factor_id));
end;
$$;

revoke all on function public.reset_staff_factors(uuid), public.authorize_factor_removal(uuid) from public, anon, authenticated, service_role;
grant execute on function public.reset_staff_factors(uuid), public.authorize_factor_removal(uuid) to authenticated;
