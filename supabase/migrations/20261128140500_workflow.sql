/*
 * The policy's workflow (docs/ARCHITECTURE.md, "The workflow and its roles"), enforced by triggers on
 * support_requests whoever the caller is: the acting staff member must be active and hold a
 * role that may make the move; a rejection needs a reason; the decision clock pauses while the
 * request waits on the beneficiary (needs_info). Every insert and change writes a
 * request_events row from inside the database. Nothing is ever deleted.
 */


-- Superseded: the moves and status facts are data (internal.request_transitions, internal.request_statuses)
-- since 20261201100200_workflow_data.sql, which drops transition_roles and holds the current update trigger;
-- the current history trigger is in 20261201100300_event_codes.sql.
/** Who may move a request from one status to another. */
create function internal.transition_roles(from_status public.request_status, to_status public.request_status)
returns public.staff_role[]
language sql immutable parallel safe as $$
  select case (from_status::text || '>' || to_status::text)
    when 'submitted>under_review' then array['officer', 'supervisor']
    when 'under_review>needs_info' then array['officer', 'supervisor']
    when 'under_review>escalated' then array['officer', 'supervisor']
    when 'under_review>pending_decision' then array['officer', 'supervisor']
    when 'needs_info>under_review' then array['officer', 'supervisor']
    -- Referred (unclear) cases are handled by the more senior person.
    when 'escalated>under_review' then array['supervisor']
    when 'escalated>pending_decision' then array['supervisor']
    -- Only the authorised decision-maker decides.
    when 'pending_decision>accepted' then array['authority']
    when 'pending_decision>rejected' then array['authority']
    when 'accepted>registered' then array['officer', 'supervisor']
    when 'registered>service_delivered' then array['officer', 'supervisor']
    when 'service_delivered>closed' then array['officer', 'supervisor']
  end::public.staff_role[]
$$;

-- The note of the current transition, handed from transition_request() to the trigger.
create function internal.pending_note() returns text
language sql stable as $$
  select nullif(btrim(current_setting('irtiqaa.transition_note', true)), '')
$$;

create function internal.support_requests_before_update() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  -- Columns the workflow may change; everything else is what the beneficiary submitted.
  workflow_columns constant text[] := array['status', 'status_changed_at', 'assigned_to', 'decision_due_from',
    'decision_due_by', 'waiting_since', 'time_waiting', 'decided_at', 'decided_by', 'decision_note', 'updated_at'];
  me public.staff;
  allowed public.staff_role[];
  note text := internal.pending_note();
  waited interval;
begin
  if (to_jsonb(new) - workflow_columns) is distinct from (to_jsonb(old) - workflow_columns) then
    perform internal.refuse('field_not_editable', null, '42501');
  end if;

  if new.status is distinct from old.status then
    me := internal.require_staff(array['officer', 'supervisor', 'authority', 'admin']::public.staff_role[]);
    allowed := internal.transition_roles(old.status, new.status);
    if allowed is null then
      perform internal.refuse('transition_not_allowed', 'status', 'P0001');
    end if;
    if not (me.role = any (allowed)) then
      perform internal.refuse('role_not_allowed', 'status', '42501');
    end if;
    if new.status = 'rejected' and note is null then
      perform internal.refuse('rejection_reason_required', 'note', 'P0001');
    end if;
    if new.status = 'needs_info' and note is null then
      perform internal.refuse('note_required', 'note', 'P0001');
    end if;

    new.status_changed_at := now();
    -- The clock stops while the request waits on the beneficiary and the window moves on by as long.
    if new.status = 'needs_info' then
      new.waiting_since := now();
    elsif old.status = 'needs_info' then
      waited := now() - old.waiting_since;
      new.waiting_since := null;
      new.time_waiting := old.time_waiting + waited;
      new.decision_due_from := old.decision_due_from + waited;
      new.decision_due_by := old.decision_due_by + waited;
    else
      new.waiting_since := old.waiting_since;
      new.time_waiting := old.time_waiting;
      new.decision_due_from := old.decision_due_from;
      new.decision_due_by := old.decision_due_by;
    end if;
    if new.status in ('accepted', 'rejected') then
      new.decided_at := now();
      new.decided_by := me.user_id;
      new.decision_note := note;
    else
      new.decided_at := old.decided_at;
      new.decided_by := old.decided_by;
      new.decision_note := old.decision_note;
    end if;
  else
    -- Without a transition, the derived workflow fields stay as they are.
    new.status_changed_at := old.status_changed_at;
    new.waiting_since := old.waiting_since;
    new.time_waiting := old.time_waiting;
    new.decision_due_from := old.decision_due_from;
    new.decision_due_by := old.decision_due_by;
    new.decided_at := old.decided_at;
    new.decided_by := old.decided_by;
    new.decision_note := old.decision_note;
  end if;

  if new.assigned_to is distinct from old.assigned_to then
    if me.user_id is null then
      me := internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
    end if;
    if me.role not in ('officer', 'supervisor', 'admin') then
      perform internal.refuse('role_not_allowed', 'assigned_to', '42501');
    end if;
    -- An officer takes a request or gives it back; supervisors and admins assign anyone.
    if me.role = 'officer' and coalesce(new.assigned_to, me.user_id) <> me.user_id then
      perform internal.refuse('role_not_allowed', 'assigned_to', '42501');
    end if;
    if new.assigned_to is not null
       and not exists (select 1 from public.staff s where s.user_id = new.assigned_to and s.active) then
      perform internal.refuse('assignee_invalid', 'assigned_to', 'P0001');
    end if;
  end if;

  new.updated_at := now();
  return new;
end;
$$;

create function internal.support_requests_after_write() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  me public.staff;
begin
  if tg_op = 'INSERT' then
    insert into public.request_events (request_id, created_at, kind, to_status, actor_id, actor_role, note)
    values (new.id, new.created_at, 'submitted', new.status, new.registered_by,
            (select s.role from public.staff s where s.user_id = new.registered_by),
            case when new.registered_by is not null then 'registered_on_behalf:' || new.intake_channel end);
    return null;
  end if;
  select * into me from public.staff s where s.user_id = auth.uid();
  if new.status is distinct from old.status then
    insert into public.request_events (request_id, kind, from_status, to_status, actor_id, actor_role, note)
    values (new.id, 'status_changed', old.status, new.status, me.user_id, me.role, internal.pending_note());
  end if;
  if new.assigned_to is distinct from old.assigned_to then
    insert into public.request_events (request_id, kind, actor_id, actor_role, assigned_to)
    values (new.id, 'assigned', me.user_id, me.role, new.assigned_to);
  end if;
  return null;
end;
$$;

create function internal.refuse_delete() returns trigger
language plpgsql set search_path = '' as $$
begin
  perform internal.refuse(tg_table_name || '_never_deleted', null, '42501');
  return null;
end;
$$;

create function internal.refuse_event_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  perform internal.refuse('events_append_only', null, '42501');
  return null;
end;
$$;

create trigger support_requests_workflow before update on public.support_requests
  for each row execute function internal.support_requests_before_update();
create trigger support_requests_history after insert or update on public.support_requests
  for each row execute function internal.support_requests_after_write();
create trigger support_requests_never_deleted before delete on public.support_requests
  for each row execute function internal.refuse_delete();
create trigger support_requests_never_truncated before truncate on public.support_requests
  for each statement execute function internal.refuse_delete();
create trigger request_events_append_only before update or delete on public.request_events
  for each row execute function internal.refuse_event_change();
create trigger request_events_never_truncated before truncate on public.request_events
  for each statement execute function internal.refuse_event_change();

revoke all on function internal.transition_roles(public.request_status, public.request_status), internal.pending_note(),
  internal.support_requests_before_update(), internal.support_requests_after_write(), internal.refuse_delete(),
  internal.refuse_event_change() from public, anon, authenticated, service_role;
