/*
 * What staff do, with the openings they shared folded into helpers: the request an action is
 * about (request_not_found), and the admin changing someone else's account (own_account). This
 * migration holds the current definitions of the staff actions; the staff_actions and staff_admin
 * migrations hold the first ones. The order of the checks, and so which error a bad call gets, is
 * unchanged.
 */

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */
/* ---------------------------------------------------------------------------------------- */

/** The request an action is about; raises request_not_found (400) when there is none. */
create function internal.require_request(p_request_id uuid) returns public.support_requests
language plpgsql stable set search_path = '' as $$
declare
  found_request public.support_requests;
begin
  select * into found_request from public.support_requests r where r.id = p_request_id;
  if found_request.id is null then
    perform internal.refuse('request_not_found', null, 'P0001');
  end if;
  return found_request;
end;
$$;

/**
 * The acting admin, about to set `value` (a role or an active flag) on another member's account:
 * role_not_allowed / staff_inactive (403), then `missing_rule` when the value is null, then
 * own_account, so an admin can never lock themselves out.
 */
create function internal.require_admin_changing(p_user_id uuid, value anyelement, missing_rule text, field text)
returns public.staff
language plpgsql stable set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['admin']::public.staff_role[]);
begin
  if value is null then perform internal.refuse(missing_rule, field); end if;
  if p_user_id = me.user_id then perform internal.refuse('own_account', 'user_id', 'P0001'); end if;
  return me;
end;
$$;

revoke all on function internal.require_request(uuid), internal.require_admin_changing(uuid, anyelement, text, text)
  from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Working a request                                                                         */
/* ---------------------------------------------------------------------------------------- */

create or replace function public.transition_request(p_request_id uuid, p_to public.request_status, p_note text default null)
returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_active_staff();
  if p_note is not null and char_length(p_note) > 2000 then
    perform internal.refuse('note_length', 'note');
  end if;
  perform internal.require_request(p_request_id);
  -- The trigger checks the move (internal.request_transitions) and needs the note.
  perform set_config('irtiqaa.transition_note', coalesce(p_note, ''), true);
  update public.support_requests set status = p_to where id = p_request_id returning * into changed;
  perform set_config('irtiqaa.transition_note', '', true);
  return changed;
end;
$$;

create or replace function public.assign_request(p_request_id uuid, p_assignee uuid) returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  perform internal.require_request(p_request_id);
  update public.support_requests set assigned_to = p_assignee where id = p_request_id returning * into changed;
  return changed;
end;
$$;

create or replace function public.add_request_note(p_request_id uuid, p_note text) returns public.request_events
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  note text := btrim(coalesce(p_note, ''));
  added public.request_events;
begin
  if note = '' then perform internal.refuse('note_required', 'note', 'P0001'); end if;
  if char_length(note) > 2000 then perform internal.refuse('note_length', 'note'); end if;
  perform internal.require_request(p_request_id);
  insert into public.request_events (request_id, kind, actor_id, actor_role, note)
  values (p_request_id, 'note', me.user_id, me.role, note)
  returning * into added;
  return added;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Managing staff (admin only)                                                               */
/* ---------------------------------------------------------------------------------------- */

/** Sets a user's role; makes an existing Supabase user a staff member if they were not one. */
create or replace function public.set_staff_role(p_user_id uuid, p_role public.staff_role) returns public.staff
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.staff;
begin
  perform internal.require_admin_changing(p_user_id, p_role, 'role_required', 'role');
  insert into public.staff (user_id, full_name, role)
  select u.id, coalesce(nullif(u.raw_user_meta_data ->> 'full_name', ''), u.email), p_role
    from auth.users u where u.id = p_user_id
  on conflict (user_id) do update set role = excluded.role
  returning * into changed;
  if changed.user_id is null then perform internal.refuse('user_not_found', 'user_id', 'P0001'); end if;
  return changed;
end;
$$;

create or replace function public.set_staff_active(p_user_id uuid, p_active boolean) returns public.staff
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.staff;
begin
  perform internal.require_admin_changing(p_user_id, p_active, 'active_required', 'active');
  update public.staff set active = p_active where user_id = p_user_id returning * into changed;
  if changed.user_id is null then perform internal.refuse('user_not_found', 'user_id', 'P0001'); end if;
  return changed;
end;
$$;
