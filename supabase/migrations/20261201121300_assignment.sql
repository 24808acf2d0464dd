/*
 * Who may (re)assign what (issue 15, hole 8; docs/ARCHITECTURE.md, "The workflow and its roles";
 * supabase/CONTRACT.md, assign_request). Enforced for every way in (assign_request, a PATCH of
 * assigned_to) by its own trigger:
 *   - nobody changes the assignment of a request in a final status (rejected, closed): request_final;
 *   - an officer takes an unassigned request or gives back their own, nothing else (taking over or
 *     clearing a colleague's, a supervisor's included, is role_not_allowed);
 *   - a supervisor or an admin assigns any request that is not final to any active member who
 *     handles requests (officer, supervisor), or to nobody;
 *   - the assignee is an active officer or supervisor (assignee_invalid).
 * The update trigger of 20261201100200_workflow_data.sql is redefined below without its assignment
 * block, which this trigger replaces.
 */

/** The roles that work requests and can be assigned one (REQUEST_HANDLING_ROLES in src/lib/workflow.ts). */
create function internal.request_handling_roles() returns public.staff_role[]
language sql immutable parallel safe as $$
  select array['officer', 'supervisor']::public.staff_role[]
$$;

create function internal.support_requests_before_assignment() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  me public.staff;
begin
  if new.assigned_to is not distinct from old.assigned_to then
    return new;
  end if;
  me := internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  if (select s.is_final from internal.request_statuses s where s.status = old.status) then
    perform internal.refuse('request_final', 'assigned_to', 'P0001');
  end if;
  if me.role = 'officer' and not coalesce(
       (old.assigned_to is null and new.assigned_to = me.user_id)
    or (old.assigned_to = me.user_id and new.assigned_to is null), false) then
    perform internal.refuse('role_not_allowed', 'assigned_to', '42501');
  end if;
  if new.assigned_to is not null and not exists (
       select 1 from public.staff s
        where s.user_id = new.assigned_to and s.active and s.role = any (internal.request_handling_roles())) then
    perform internal.refuse('assignee_invalid', 'assigned_to', 'P0001');
  end if;
  return new;
end;
$$;

create trigger support_requests_assignment before update of assigned_to on public.support_requests
  for each row execute function internal.support_requests_before_assignment();

revoke all on function internal.request_handling_roles(), internal.support_requests_before_assignment()
  from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* The update trigger, without the assignment block (otherwise as 20261201100200)             */
/* ---------------------------------------------------------------------------------------- */

create or replace function internal.support_requests_before_update() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  -- Columns the workflow may change; everything else is what the beneficiary submitted.
  workflow_columns constant text[] := array['status', 'status_changed_at', 'assigned_to', 'decision_due_from',
    'decision_due_by', 'waiting_since', 'time_waiting', 'decided_at', 'decided_by', 'decision_note', 'updated_at'];
  me public.staff;
  move internal.request_transitions;
  leaving internal.request_statuses;
  entering internal.request_statuses;
  note text := internal.pending_note();
  waited interval;
begin
  if (to_jsonb(new) - workflow_columns) is distinct from (to_jsonb(old) - workflow_columns) then
    perform internal.refuse('field_not_editable', null, '42501');
  end if;

  -- The derived workflow fields are the database's own: they change only through a move below.
  new.status_changed_at := old.status_changed_at;
  new.waiting_since := old.waiting_since;
  new.time_waiting := old.time_waiting;
  new.decision_due_from := old.decision_due_from;
  new.decision_due_by := old.decision_due_by;
  new.decided_at := old.decided_at;
  new.decided_by := old.decided_by;
  new.decision_note := old.decision_note;

  if new.status is distinct from old.status then
    me := internal.require_active_staff();
    select * into move from internal.request_transitions t where t.from_status = old.status and t.to_status = new.status;
    if not found then
      perform internal.refuse('transition_not_allowed', 'status', 'P0001');
    end if;
    if not (me.role = any (move.roles)) then
      perform internal.refuse('role_not_allowed', 'status', '42501');
    end if;
    if move.note_refusal is not null and note is null then
      perform internal.refuse(move.note_refusal, 'note', 'P0001');
    end if;
    select * into leaving from internal.request_statuses s where s.status = old.status;
    select * into entering from internal.request_statuses s where s.status = new.status;

    new.status_changed_at := now();
    -- The clock stops while the request waits on the beneficiary and the window moves on by as long.
    if entering.pauses_decision_clock then
      new.waiting_since := now();
    elsif leaving.pauses_decision_clock then
      waited := now() - old.waiting_since;
      new.waiting_since := null;
      new.time_waiting := old.time_waiting + waited;
      new.decision_due_from := old.decision_due_from + waited;
      new.decision_due_by := old.decision_due_by + waited;
    end if;
    if entering.is_decision then
      new.decided_at := now();
      new.decided_by := me.user_id;
      new.decision_note := note;
    end if;
  end if;

  new.updated_at := now();
  return new;
end;
$$;
