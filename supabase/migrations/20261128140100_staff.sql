/*
 * Staff: the people who work the request queue (docs/ARCHITECTURE.md, "Who uses the portal"). A row here is what
 * turns a signed-in Supabase user into a relations officer, supervisor, authority or admin.
 */

create table public.staff (
  user_id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null constraint staff_full_name_length check (char_length(full_name) between 2 and 100),
  role public.staff_role not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.staff enable row level security;
-- Older hosted projects grant every new table to the API roles by default: start from nothing.
revoke all on public.staff from anon, authenticated, service_role;
comment on table public.staff is 'Staff members and their role in the workflow; deactivated, never deleted.';

/** The signed-in user's staff row, whatever its state (null for everyone else). */
create function internal.current_staff() returns public.staff
language sql stable security definer set search_path = '' as $$
  select s.* from public.staff s where s.user_id = auth.uid()
$$;

create function internal.is_active_staff() returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.staff s where s.user_id = auth.uid() and s.active)
$$;

/**
 * The acting staff member, checked: raises staff_inactive (403) for a deactivated account and
 * role_not_allowed (403) for anyone who is not staff or whose role is not in `allowed`.
 */
create function internal.require_staff(allowed public.staff_role[]) returns public.staff
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := internal.current_staff();
begin
  if me.user_id is null then
    perform internal.refuse('role_not_allowed', null, '42501');
  end if;
  if not me.active then
    perform internal.refuse('staff_inactive', null, '42501');
  end if;
  if not (me.role = any (allowed)) then
    perform internal.refuse('role_not_allowed', null, '42501');
  end if;
  return me;
end;
$$;

revoke all on function internal.current_staff(), internal.is_active_staff(), internal.require_staff(public.staff_role[])
  from public, anon, authenticated, service_role;
grant execute on function internal.is_active_staff() to authenticated, service_role;

create policy "Staff can see who is on the team; everyone can see their own staff row"
  on public.staff for select to authenticated
  using (user_id = (select auth.uid()) or (select internal.is_active_staff()));

grant select on public.staff to authenticated, service_role;
