/*
 * A change made on stale data is refused (docs/ARCHITECTURE.md, "The staff workspace"): the
 * workspace sends the `updated_at` it showed, and when another member changed the request
 * meanwhile the database refuses with request_changed (HTTP 409) instead of overwriting. The
 * parameter is optional, so older callers keep working; each function is dropped and created
 * again rather than overloaded, so PostgREST always finds exactly one. Bulk assignment of many
 * requests in one call, each change recorded in its own request's history.
 * This migration holds the current definitions of transition_request and assign_request.
 */

/* ---------------------------------------------------------------------------------------- */
/* The check                                                                                 */
/* ---------------------------------------------------------------------------------------- */

/**
 * Locks the requests about to change and refuses with request_changed (409, `details` the ids
 * that changed, as a JSON array) when any one's updated_at is not the one the caller saw.
 * `expected` null: the caller did not say, nothing is checked.
 */
create function internal.require_unchanged(p_request_ids uuid[], expected timestamptz[]) returns void
language plpgsql volatile set search_path = '' as $$
declare
  changed uuid[];
begin
  if expected is null then return; end if;
  -- In id order, so two bulk changes that share requests never wait for each other in a circle.
  select array_agg(r.id order by r.id) filter (where r.updated_at is distinct from seen.updated_at) into changed
    from (select r.id, r.updated_at from public.support_requests r where r.id = any (p_request_ids) order by r.id for update) r
    join unnest(p_request_ids, expected) as seen (id, updated_at) on seen.id = r.id;
  if cardinality(changed) > 0 then
    raise exception using errcode = 'PT409', message = 'request_changed', detail = to_jsonb(changed)::text;
  end if;
end;
$$;

revoke all on function internal.require_unchanged(uuid[], timestamptz[]) from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Working a request                                                                         */
/* ---------------------------------------------------------------------------------------- */

drop function public.transition_request(uuid, public.request_status, text);
create function public.transition_request(
  p_request_id uuid, p_to public.request_status, p_note text default null, p_expected_updated_at timestamptz default null
) returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_active_staff();
  perform internal.checked_note(p_note);
  perform internal.require_request(p_request_id);
  perform internal.require_unchanged(array[p_request_id], case when p_expected_updated_at is not null then array[p_expected_updated_at] end);
  -- The trigger checks the move (internal.request_transitions) and needs the note.
  perform set_config('irtiqaa.transition_note', coalesce(p_note, ''), true);
  update public.support_requests set status = p_to where id = p_request_id returning * into changed;
  perform set_config('irtiqaa.transition_note', '', true);
  return changed;
end;
$$;

drop function public.assign_request(uuid, uuid);
create function public.assign_request(p_request_id uuid, p_assignee uuid, p_expected_updated_at timestamptz default null)
returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  perform internal.require_request(p_request_id);
  perform internal.require_unchanged(array[p_request_id], case when p_expected_updated_at is not null then array[p_expected_updated_at] end);
  update public.support_requests set assigned_to = p_assignee where id = p_request_id returning * into changed;
  return changed;
end;
$$;

/**
 * Assigns up to 100 requests to one member (or to nobody) in one call: all or nothing. The update
 * trigger checks each as it does one assignment (internal.support_requests_before_assignment: an
 * officer takes unassigned requests or gives back their own; a supervisor or admin assigns any
 * request not final to an active officer or supervisor) and the history trigger records an `assigned` event
 * on each request whose assignee changes. `p_expected_updated_at[i]` is what the caller saw of
 * `p_request_ids[i]`.
 */
create function public.assign_requests(p_request_ids uuid[], p_assignee uuid, p_expected_updated_at timestamptz[] default null)
returns setof public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  wanted uuid[];
begin
  perform internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  select coalesce(array_agg(distinct id), '{}') into wanted from unnest(p_request_ids) id where id is not null;
  if cardinality(wanted) = 0 then perform internal.refuse('requests_required', 'request_ids', '22023'); end if;
  if cardinality(wanted) > 100 then perform internal.refuse('bulk_limit', 'request_ids', '22023'); end if;
  if p_expected_updated_at is not null and cardinality(p_expected_updated_at) <> cardinality(p_request_ids) then
    perform internal.refuse('expected_updated_at_mismatch', 'expected_updated_at', '22023');
  end if;
  if (select count(*) from public.support_requests r where r.id = any (wanted)) < cardinality(wanted) then
    perform internal.refuse('request_not_found', null, 'P0001');
  end if;
  perform internal.require_unchanged(p_request_ids, p_expected_updated_at);
  return query
    update public.support_requests r set assigned_to = p_assignee
     where r.id = any (wanted) and r.assigned_to is distinct from p_assignee
    returning r.*;
end;
$$;

revoke all on function public.transition_request(uuid, public.request_status, text, timestamptz),
  public.assign_request(uuid, uuid, timestamptz), public.assign_requests(uuid[], uuid, timestamptz[])
  from public, anon, authenticated, service_role;
grant execute on function public.transition_request(uuid, public.request_status, text, timestamptz),
  public.assign_request(uuid, uuid, timestamptz), public.assign_requests(uuid[], uuid, timestamptz[])
  to authenticated;
