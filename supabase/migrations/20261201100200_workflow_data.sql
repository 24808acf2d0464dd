/*
 * The workflow as data (docs/ARCHITECTURE.md, "The workflow and its roles"): what each status
 * means and which moves exist, who may make them and which need a note. The update trigger reads
 * these two tables and holds no status of its own; src/lib/workflow.ts holds the same rows
 * (STATUS_FACTS, TRANSITIONS), and tests/db/policy-parity.test.ts fails if the two differ.
 * Adding a status: one migration with `alter type public.request_status add value`, a second with
 * its row and moves here (a new enum value cannot be used in the transaction that adds it), the
 * same in workflow.ts, and its labels.
 */

/* ---------------------------------------------------------------------------------------- */
/* Statuses                                                                                  */
/* ---------------------------------------------------------------------------------------- */

create table internal.request_statuses (
  status public.request_status primary key,
  -- Moving here is the decision (policy, handling step 5): who decided, when, and the note are kept.
  is_decision boolean not null,
  -- Nothing comes after.
  is_final boolean not null,
  -- The decision is still to be made: the request counts towards "overdue".
  awaits_decision boolean not null,
  -- The request waits on the beneficiary: the decision window stops, and moves on by as long.
  pauses_decision_clock boolean not null,
  constraint request_statuses_decision_not_awaited check (not (is_decision and awaits_decision))
);
alter table internal.request_statuses enable row level security;
revoke all on internal.request_statuses from anon, authenticated, service_role;
comment on table internal.request_statuses is
  'What each request status means to the workflow; one row per value of public.request_status (mirrors STATUS_FACTS).';

insert into internal.request_statuses (status, is_decision, is_final, awaits_decision, pauses_decision_clock) values
  ('submitted',         false, false, true,  false),
  ('under_review',      false, false, true,  false),
  ('needs_info',        false, false, true,  true),
  ('escalated',         false, false, true,  false),
  ('pending_decision',  false, false, true,  false),
  ('accepted',          true,  false, false, false),
  ('rejected',          true,  true,  false, false),
  ('registered',        false, false, false, false),
  ('service_delivered', false, false, false, false),
  ('closed',            false, true,  false, false);

/* ---------------------------------------------------------------------------------------- */
/* Moves                                                                                     */
/* ---------------------------------------------------------------------------------------- */

create table internal.request_transitions (
  from_status public.request_status not null references internal.request_statuses (status),
  to_status public.request_status not null references internal.request_statuses (status),
  -- The staff action that makes the move (`staff.action.<action>` in the locale files).
  action text not null constraint request_transitions_action_format check (action ~ '^[a-z_]+$'),
  roles public.staff_role[] not null constraint request_transitions_roles_given check (cardinality(roles) > 0),
  -- The rule key the move is refused with when it comes without a note; null when a note is optional.
  note_refusal text constraint request_transitions_note_refusal_known
    check (note_refusal in ('note_required', 'rejection_reason_required')),
  primary key (from_status, to_status),
  constraint request_transitions_moves check (from_status <> to_status)
);
alter table internal.request_transitions enable row level security;
revoke all on internal.request_transitions from anon, authenticated, service_role;
comment on table internal.request_transitions is
  'Every move the workflow has, who may make it and whether it needs a note (mirrors TRANSITIONS).';

insert into internal.request_transitions (from_status, to_status, action, roles, note_refusal) values
  ('submitted',         'under_review',      'start_review',             '{officer,supervisor}', null),
  ('under_review',      'needs_info',        'ask_for_information',      '{officer,supervisor}', 'note_required'),
  ('under_review',      'escalated',         'refer_to_supervisor',      '{officer,supervisor}', null),
  ('under_review',      'pending_decision',  'send_for_decision',        '{officer,supervisor}', null),
  ('needs_info',        'under_review',      'resume_review',            '{officer,supervisor}', null),
  -- Referred (unclear) cases are handled by the more senior person.
  ('escalated',         'under_review',      'resume_review',            '{supervisor}',         null),
  ('escalated',         'pending_decision',  'send_for_decision',        '{supervisor}',         null),
  -- Only the authorised decision-maker decides; a rejection gives its reason.
  ('pending_decision',  'accepted',          'accept',                   '{authority}',          null),
  ('pending_decision',  'rejected',          'reject',                   '{authority}',          'rejection_reason_required'),
  ('accepted',          'registered',        'complete_registration',    '{officer,supervisor}', null),
  ('registered',        'service_delivered', 'record_service_delivered', '{officer,supervisor}', null),
  ('service_delivered', 'closed',            'close',                    '{officer,supervisor}', null);

-- The trigger reads the tables above instead.
drop function internal.transition_roles(public.request_status, public.request_status);

/* ---------------------------------------------------------------------------------------- */
/* The acting staff member                                                                   */
/* ---------------------------------------------------------------------------------------- */

/** The acting staff member, whatever their role: raises role_not_allowed / staff_inactive (403) otherwise. */
create function internal.require_active_staff() returns public.staff
language sql stable security definer set search_path = '' as $$
  select internal.require_staff(enum_range(null::public.staff_role))
$$;

/* ---------------------------------------------------------------------------------------- */
/* The update trigger                                                                        */
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

revoke all on function internal.require_active_staff() from public, anon, authenticated, service_role;
