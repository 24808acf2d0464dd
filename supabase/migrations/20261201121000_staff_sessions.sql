/*
 * Staff access needs a live session that passed the second factor (issue 15; docs/ARCHITECTURE.md,
 * "Staff sign-in: two factors and a live session"). A password alone, a signed-out token or a
 * session whose factor was removed opens nothing: the helpers every staff policy and function
 * calls (internal.is_active_staff, internal.require_staff, internal.require_active_staff) now
 * also require
 *   - `(select auth.jwt() ->> 'aal') = 'aal2'`, Supabase's documented MFA pattern, and
 *   - the JWT's `session_id` to name a row of auth.sessions, of this user, still `aal2` and not
 *     past its `not_after`: signing out deletes the row, removing the factor downgrades it, so
 *     the same access token is refused on its next call, not when it expires an hour later.
 * auth.sessions is GoTrue's table on hosted projects (the API roles hold no grant on it; these
 * security definer helpers read it as their owner) and supabase/local/auth-schema.sql locally.
 */

/* ---------------------------------------------------------------------------------------- */
/* The caller's session                                                                      */
/* ---------------------------------------------------------------------------------------- */

-- These run once per statement in every staff policy and once per staff function call. PL/pgSQL
-- keeps their plans for the session; security definer SQL functions would be planned on every
-- call (about 1 ms for the three, against 0.1 ms: bench/backend/SESSION-CHECKS.md).

/**
 * The JWT's `session_id`, or null when the token names none or something that is not a UUID (never
 * raises). Not security definer and every name qualified, so no `set search_path` (it costs a
 * setting change on every call).
 */
create function internal.jwt_session_id() returns uuid
language plpgsql stable as $$
declare
  claim text := auth.jwt() ->> 'session_id';
begin
  if claim ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return claim::uuid;
  end if;
  return null;
end;
$$;

/**
 * The assurance level auth.sessions holds now for the caller's session ('aal1' or 'aal2'), or
 * null when the caller is signed out: no session of this user by that id, or one past its not_after.
 */
create function internal.live_session_aal() returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  session_aal text;
begin
  select coalesce(s.aal::text, 'aal1') into session_aal
    from auth.sessions s
   where s.id = internal.jwt_session_id()
     and s.user_id = auth.uid()
     and (s.not_after is null or s.not_after > now());
  return session_aal;
end;
$$;

/** A live session that passed the second factor: the JWT says aal2, and so does the session now. */
create function internal.has_two_factor_session() returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce((auth.jwt() ->> 'aal') = 'aal2' and internal.live_session_aal() = 'aal2', false);
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* The staff helpers, now with the session checks                                            */
/* ---------------------------------------------------------------------------------------- */

create or replace function internal.is_active_staff() returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return internal.has_two_factor_session()
     and exists (select 1 from public.staff s where s.user_id = auth.uid() and s.active);
end;
$$;

/**
 * The acting staff member, checked, in this order: role_not_allowed (403) for anyone who is not
 * staff, session_ended (403) when the token's session is gone, mfa_required (403) for a session
 * without the second factor, staff_inactive (403) for a deactivated account, role_not_allowed
 * (403) for a role not in `allowed`. internal.require_active_staff() calls it with every role.
 */
create or replace function internal.require_staff(allowed public.staff_role[]) returns public.staff
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := internal.current_staff();
begin
  if me.user_id is null then
    perform internal.refuse('role_not_allowed', null, '42501');
  end if;
  if internal.live_session_aal() is null then
    perform internal.refuse('session_ended', null, '42501');
  end if;
  if not internal.has_two_factor_session() then
    perform internal.refuse('mfa_required', null, '42501');
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

/** The acting staff member is active and holds one of `allowed` (for policies that only some roles pass). */
create function internal.is_active_staff_in(allowed public.staff_role[]) returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return internal.is_active_staff()
     and exists (select 1 from public.staff s where s.user_id = auth.uid() and s.role = any (allowed));
end;
$$;

revoke all on function internal.jwt_session_id(), internal.live_session_aal(), internal.has_two_factor_session(),
  internal.is_active_staff_in(public.staff_role[]) from public, anon, authenticated, service_role;
-- Policies call these as the signed-in role.
grant execute on function internal.live_session_aal(), internal.has_two_factor_session(),
  internal.is_active_staff_in(public.staff_role[]) to authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Policies                                                                                  */
/* ---------------------------------------------------------------------------------------- */

-- A signed-in member reads their own row with any live session (the workspace then knows whom it
-- is talking to, and can ask for the code or say the account is inactive); the team only with two factors.
drop policy "Staff can see who is on the team; everyone can see their own staff row" on public.staff;
create policy "Active staff can see the team; a signed-in member can see their own row"
  on public.staff for select to authenticated
  using (
    (user_id = (select auth.uid()) and (select internal.live_session_aal()) is not null)
    or (select internal.is_active_staff())
  );

-- Supabase's "enforce for all users" template, as a second wall: whatever permissive policy a table
-- gains later, a session without the second factor still reads and changes nothing there.
create policy "Requests need a two-factor session"
  on public.support_requests as restrictive for all to authenticated
  using ((select internal.has_two_factor_session()))
  with check ((select internal.has_two_factor_session()));
create policy "Request history needs a two-factor session"
  on public.request_events as restrictive for all to authenticated
  using ((select internal.has_two_factor_session()));
create policy "Surveys need a two-factor session"
  on public.satisfaction_surveys as restrictive for all to authenticated
  using ((select internal.has_two_factor_session()));
