/*
 * What the database writes into a request's history, as lists a test can read: the kinds of event
 * (an enum instead of a text check) and the codes of events the database records on its own
 * (`code`, with the channel of an on-behalf registration in `intake_channel`), each labelled in
 * the locale files (`staff.timeline.kind.<kind>`, `staff.timeline.code.<code>`; tests/db/policy-parity.test.ts).
 * Before this migration an on-behalf registration was recorded as the note
 * "registered_on_behalf:<channel>"; those rows get their code and channel below and keep their note.
 */

/* ---------------------------------------------------------------------------------------- */
/* Enums                                                                                     */
/* ---------------------------------------------------------------------------------------- */

create type public.request_event_kind as enum ('submitted', 'status_changed', 'assigned', 'note', 'follow_up');

-- registered_on_behalf: a `submitted` event of a request staff registered (channel in intake_channel);
-- low_satisfaction_score: a `follow_up` after an overall rating of 1 or 2.
create type public.request_event_code as enum ('registered_on_behalf', 'low_satisfaction_score');

grant usage on type public.request_event_kind, public.request_event_code to anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* request_events                                                                            */
/* ---------------------------------------------------------------------------------------- */

drop index public.request_events_follow_up_idx;
alter table public.request_events
  drop constraint request_events_kind,
  alter column kind type public.request_event_kind using kind::public.request_event_kind,
  add column code public.request_event_code,
  add column intake_channel public.channel,
  -- An on-behalf registration says which channel it came by; no other event has a channel.
  add constraint request_events_intake_channel_on_behalf
    check ((code is not distinct from 'registered_on_behalf') = (intake_channel is not null));
create index request_events_follow_up_idx on public.request_events (created_at) where kind = 'follow_up';
comment on column public.request_events.code is
  'What the database recorded on an event it wrote on its own (labelled staff.timeline.code.<code>); null on events staff caused.';
comment on column public.request_events.intake_channel is 'The channel a request registered on the beneficiary''s behalf came by.';

-- History written before: the same facts in the new columns. The notes stay as they were written;
-- the append-only trigger is off for these two statements only.
alter table public.request_events disable trigger request_events_append_only;
update public.request_events
   set code = 'registered_on_behalf', intake_channel = substr(note, char_length('registered_on_behalf:') + 1)::public.channel
 where kind = 'submitted' and note like 'registered\_on\_behalf:%';
update public.request_events set code = 'low_satisfaction_score' where kind = 'follow_up' and note = 'low_satisfaction_score';
alter table public.request_events enable trigger request_events_append_only;

/* ---------------------------------------------------------------------------------------- */
/* Writers                                                                                   */
/* ---------------------------------------------------------------------------------------- */

create or replace function internal.support_requests_after_write() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  me public.staff;
begin
  if tg_op = 'INSERT' then
    insert into public.request_events (request_id, created_at, kind, to_status, actor_id, actor_role, code, intake_channel)
    values (new.id, new.created_at, 'submitted', new.status, new.registered_by,
            (select s.role from public.staff s where s.user_id = new.registered_by),
            case when new.registered_by is not null then 'registered_on_behalf'::public.request_event_code end,
            case when new.registered_by is not null then new.intake_channel end);
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

/** A low score is a reason to call the beneficiary back, never to blame anyone. */
create function internal.record_low_score_follow_up(p_request_id uuid, p_survey_id uuid) returns void
language sql volatile as $$
  -- The note repeats the code: supabase/CONTRACT.md has always promised `note: 'low_satisfaction_score'`.
  insert into public.request_events (request_id, kind, code, note, survey_id)
  values (p_request_id, 'follow_up', 'low_satisfaction_score', 'low_satisfaction_score', p_survey_id)
$$;

revoke all on function internal.record_low_score_follow_up(uuid, uuid) from public, anon, authenticated, service_role;

create or replace function public.submit_satisfaction_survey(
  p_reference text, p_channel text, p_overall int, p_courtesy int, p_clarity int, p_speed int,
  p_ease int, p_recommend int, p_comment text, p_locale text, p_idempotency_key uuid
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  ref text := case when internal.js_trim(coalesce(p_reference, '')) = '' then '' else internal.normalise_reference(p_reference) end;
  comment text := internal.js_trim(coalesce(p_comment, ''));
  request_id uuid;
  saved public.satisfaction_surveys;
begin
  if p_idempotency_key is not null then
    select * into saved from public.satisfaction_surveys where idempotency_key = p_idempotency_key;
    if saved.id is not null then
      return jsonb_build_object('id', saved.id);
    end if;
  end if;

  -- In the schema's field order.
  if ref <> '' and ref !~ '^IRT-[0-9A-HJKMNP-TV-Z]{8}$' then perform internal.refuse('reference_format', 'reference'); end if;
  if coalesce(p_channel, '') <> '' and not (p_channel = any (enum_range(null::public.channel)::text[])) then
    perform internal.refuse('channel_invalid', 'channel');
  end if;
  if p_overall is null or p_overall not between 1 and 5 then perform internal.refuse('rating_overall_required', 'overall'); end if;
  if p_courtesy is null or p_courtesy not between 1 and 5 then perform internal.refuse('rating_courtesy_required', 'courtesy'); end if;
  if p_clarity is null or p_clarity not between 1 and 5 then perform internal.refuse('rating_clarity_required', 'clarity'); end if;
  if p_speed is null or p_speed not between 1 and 5 then perform internal.refuse('rating_speed_required', 'speed'); end if;
  if p_ease is null or p_ease not between 1 and 5 then perform internal.refuse('rating_ease_required', 'ease'); end if;
  if p_recommend is not null and p_recommend not between 0 and 10 then perform internal.refuse('recommend_range', 'recommend'); end if;
  if char_length(comment) > 2000 then perform internal.refuse('comment_length', 'comment'); end if;
  if p_locale is null or p_locale not in ('ar', 'en') then perform internal.refuse('locale_required', 'locale'); end if;

  if ref <> '' then
    select r.id into request_id from public.support_requests r where r.reference = ref;
    if request_id is null then perform internal.refuse('reference_unknown', 'reference'); end if;
  end if;

  insert into public.satisfaction_surveys (request_id, channel, overall, courtesy, clarity, speed, ease, recommend, comment, locale, idempotency_key)
  values (request_id, nullif(p_channel, '')::public.channel, p_overall, p_courtesy, p_clarity, p_speed, p_ease, p_recommend, nullif(comment, ''), p_locale, p_idempotency_key)
  on conflict (idempotency_key) do nothing
  returning * into saved;
  if saved.id is null then
    select * into saved from public.satisfaction_surveys where idempotency_key = p_idempotency_key;
    return jsonb_build_object('id', saved.id);
  end if;

  if request_id is not null and p_overall <= 2 then
    perform internal.record_low_score_follow_up(request_id, saved.id);
  end if;
  return jsonb_build_object('id', saved.id);
end;
$$;
