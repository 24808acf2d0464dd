/*
 * Managing staff (admin only): roles and deactivation. Nobody is deleted; a deactivated
 * member keeps their history and can do nothing more.
 */

create function internal.staff_before_update() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
create trigger staff_touch before update on public.staff
  for each row execute function internal.staff_before_update();

-- Superseded: the current definitions of set_staff_role and set_staff_active are in
-- 20261201100400_staff_action_helpers.sql.
/** Sets a user's role; makes an existing Supabase user a staff member if they were not one. */
create function public.set_staff_role(p_user_id uuid, p_role public.staff_role) returns public.staff
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['admin']::public.staff_role[]);
  changed public.staff;
begin
  if p_role is null then perform internal.refuse('role_required', 'role'); end if;
  if p_user_id = me.user_id then perform internal.refuse('own_account', 'user_id', 'P0001'); end if;
  insert into public.staff (user_id, full_name, role)
  select u.id, coalesce(nullif(u.raw_user_meta_data ->> 'full_name', ''), u.email), p_role
    from auth.users u where u.id = p_user_id
  on conflict (user_id) do update set role = excluded.role
  returning * into changed;
  if changed.user_id is null then perform internal.refuse('user_not_found', 'user_id', 'P0001'); end if;
  return changed;
end;
$$;

create function public.set_staff_active(p_user_id uuid, p_active boolean) returns public.staff
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['admin']::public.staff_role[]);
  changed public.staff;
begin
  if p_active is null then perform internal.refuse('active_required', 'active'); end if;
  if p_user_id = me.user_id then perform internal.refuse('own_account', 'user_id', 'P0001'); end if;
  update public.staff set active = p_active where user_id = p_user_id returning * into changed;
  if changed.user_id is null then perform internal.refuse('user_not_found', 'user_id', 'P0001'); end if;
  return changed;
end;
$$;

revoke all on function internal.staff_before_update() from public, anon, authenticated, service_role;
revoke all on function public.set_staff_role(uuid, public.staff_role), public.set_staff_active(uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.set_staff_role(uuid, public.staff_role), public.set_staff_active(uuid, boolean) to authenticated;
