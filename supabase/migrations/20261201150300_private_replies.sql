/*
 * The beneficiary answers on the private page (docs/ARCHITECTURE.md, "The private link, documents,
 * who can read what"): while a request waits on them (`needs_info`), they reply with text and
 * documents. The reply is kept exactly as typed, as a `reply` event, with the description's rules
 * (at most 4,000 characters, none of the hidden characters: src/schemas/private-reply.ts); sending
 * it makes the `resume_review` move, so the decision clock runs again. The update trigger lets
 * that one move happen without a staff member, only from inside private_link_reply().
 * This migration holds the current definition of internal.support_requests_before_update (as in
 * 20261201121300_assignment.sql, whose own trigger checks the assignment, plus the beneficiary's move).
 */

/* ---------------------------------------------------------------------------------------- */
/* The reply's rules, on the history itself                                                  */
/* ---------------------------------------------------------------------------------------- */

alter table public.request_events
  add constraint request_events_reply_required check (kind <> 'reply' or coalesce(internal.js_trim(note), '') <> ''),
  add constraint request_events_reply_length check (kind <> 'reply' or char_length(note) <= 4000),
  add constraint request_events_reply_characters check (kind <> 'reply' or note !~ internal.description_hidden_characters());
-- A reply's text is held by its own rules above (reply_characters, the key the private page shows);
-- the notes' check (20261201121200_free_text.sql) leaves it to them.
alter table public.request_events drop constraint request_events_note_characters;
alter table public.request_events
  add constraint request_events_note_characters check (kind = 'reply' or note !~ internal.description_hidden_characters()) not valid;

create table internal.reply_receipts (
  idempotency_key uuid primary key,
  request_id uuid not null references public.support_requests (id),
  event_id bigint not null references public.request_events (id)
);
alter table internal.reply_receipts enable row level security;
revoke all on internal.reply_receipts from anon, authenticated, service_role;
comment on table internal.reply_receipts is 'The reply each idempotency key saved, so a retried reply is saved once.';

/* ---------------------------------------------------------------------------------------- */
/* The update trigger: the beneficiary's one move                                            */
/* ---------------------------------------------------------------------------------------- */

/** The request private_link_reply() is moving back to review in this transaction, if any. */
create function internal.beneficiary_reply_request() returns uuid
language sql stable as $$
  select nullif(current_setting('irtiqaa.beneficiary_reply', true), '')::uuid
$$;

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
  by_beneficiary boolean;
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
    -- Anyone else moving a request is an active staff member.
    by_beneficiary := internal.beneficiary_reply_request() is not distinct from new.id;
    if not by_beneficiary then
      me := internal.require_active_staff();
    end if;
    select * into move from internal.request_transitions t where t.from_status = old.status and t.to_status = new.status;
    if not found then
      perform internal.refuse('transition_not_allowed', 'status', 'P0001');
    end if;
    select * into leaving from internal.request_statuses s where s.status = old.status;
    select * into entering from internal.request_statuses s where s.status = new.status;
    if by_beneficiary then
      -- The beneficiary answered what they were asked: only back to review, from waiting on them.
      if not (leaving.pauses_decision_clock and move.action = 'resume_review') then
        perform internal.refuse('transition_not_allowed', 'status', 'P0001');
      end if;
    else
      if not (me.role = any (move.roles)) then
        perform internal.refuse('role_not_allowed', 'status', '42501');
      end if;
      if move.note_refusal is not null and note is null then
        perform internal.refuse(move.note_refusal, 'note', 'P0001');
      end if;
    end if;

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

/* ---------------------------------------------------------------------------------------- */
/* Replying                                                                                  */
/* ---------------------------------------------------------------------------------------- */

/**
 * The beneficiary's answer, through the private-page Edge Function (service role), which has read
 * the first bytes of every file named in `p_object_names` (reserved by private_link_prepare_upload).
 * Answers { outcome: 'replied', at } or the link's refusal; a rule the reply breaks is raised
 * (reply_not_expected, reply_required, reply_length, reply_characters, document_missing,
 * document_type, documents_too_many) and nothing is saved. The same idempotency key saves once.
 */
create function public.private_link_reply(p_secret text, p_client text, p_text text, p_object_names text[], p_idempotency_key uuid)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  found record;
  target public.support_requests;
  earlier public.request_events;
  reply public.request_events;
begin
  select * into found from internal.private_link_for(p_secret, p_client);
  if found.refusal is not null then return found.refusal; end if;
  target := found.request;

  select e.* into earlier from internal.reply_receipts k join public.request_events e on e.id = k.event_id
   where k.idempotency_key = p_idempotency_key and k.request_id = target.id;
  if earlier.id is not null then
    return jsonb_build_object('outcome', 'replied', 'at', earlier.created_at);
  end if;

  if not exists (select 1 from internal.request_statuses s where s.status = target.status and s.pauses_decision_clock) then
    perform internal.refuse('reply_not_expected', null, 'P0001');
  end if;
  if coalesce(internal.js_trim(p_text), '') = '' then perform internal.refuse('reply_required', 'reply'); end if;
  if char_length(p_text) > 4000 then perform internal.refuse('reply_length', 'reply'); end if;
  if p_text ~ internal.description_hidden_characters() then perform internal.refuse('reply_characters', 'reply'); end if;

  -- As typed: no trimming, no folding.
  insert into public.request_events (request_id, kind, note) values (target.id, 'reply', p_text) returning * into reply;
  perform internal.accept_document_uploads(target.id, coalesce(p_object_names, '{}'), false);
  if p_idempotency_key is not null then
    insert into internal.reply_receipts (idempotency_key, request_id, event_id) values (p_idempotency_key, target.id, reply.id);
  end if;

  perform set_config('irtiqaa.beneficiary_reply', target.id::text, true);
  update public.support_requests r set status = t.to_status
    from internal.request_transitions t
   where r.id = target.id and t.from_status = target.status and t.action = 'resume_review';
  perform set_config('irtiqaa.beneficiary_reply', '', true);
  return jsonb_build_object('outcome', 'replied', 'at', reply.created_at);
end;
$$;

revoke all on function internal.beneficiary_reply_request() from public, anon, authenticated, service_role;
revoke all on function public.private_link_reply(text, text, text, text[], uuid) from public, anon, authenticated, service_role;
grant execute on function public.private_link_reply(text, text, text, text[], uuid) to service_role;
