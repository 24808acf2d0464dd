/*
 * The outbox (issue 13; docs/ARCHITECTURE.md, "Outreach"): every moment the beneficiary hears about
 * writes its messages here, in the same transaction as the change that causes it (a trigger on the
 * request's history, never the browser), one row per channel, keyed by that change so a retried or
 * repeated call cannot queue a message twice. The notify Edge Function claims due rows through a
 * service-role-only function (`for update skip locked`: two runs never take the same row), sends
 * them, and records what the provider answered. Failures are retried with back-off; after a
 * bounded number of tries a message is failed and listed for staff, who can send it again. Nobody
 * but the database's own functions reads the table: staff see messages in the request's history.
 */

/* ---------------------------------------------------------------------------------------- */
/* The moments, as data                                                                      */
/* ---------------------------------------------------------------------------------------- */

create table internal.outreach_moments (
  moment public.outreach_moment primary key,
  -- The history event that causes the moment: its kind, and its status or code where that says more.
  event_kind public.request_event_kind not null,
  to_status public.request_status,
  event_code public.request_event_code,
  -- The decision (policy, handling step 5): sent even after the beneficiary stopped messages, and never offering to stop.
  is_decision boolean not null,
  -- The event's note is the text staff wrote for the beneficiary.
  carries_note boolean not null,
  constraint outreach_moments_one_cause unique nulls not distinct (event_kind, to_status, event_code)
);
alter table internal.outreach_moments enable row level security;
revoke all on internal.outreach_moments from anon, authenticated, service_role;
comment on table internal.outreach_moments is
  'What causes each moment the beneficiary hears about (mirrors MOMENT_FACTS in supabase/functions/_shared/pure/moments.ts).';

insert into internal.outreach_moments (moment, event_kind, to_status, event_code, is_decision, carries_note) values
  ('request_received',   'submitted',      null,                null,               false, false),
  ('information_needed', 'status_changed', 'needs_info',        null,               false, true),
  ('decision_accepted',  'status_changed', 'accepted',          null,               true,  false),
  ('decision_rejected',  'status_changed', 'rejected',          null,               true,  true),
  ('service_delivered',  'status_changed', 'service_delivered', null,               false, false),
  ('overdue_apology',    'follow_up',      null,                'overdue_flagged',  false, false),
  ('follow_up_closed',   'follow_up',      null,                'follow_up_closed', false, true),
  ('staff_message',      'message',        null,                'staff_message',    false, true);

/** Tries a message gets before it is failed, and the wait before each new try: 15 s, doubling, at most 30 minutes (about 1.5 h in all). */
create function internal.outreach_max_attempts() returns integer
language sql immutable parallel safe as $$ select 10 $$;

create function internal.outreach_retry_delay(p_attempts integer) returns interval
language sql immutable parallel safe as $$
  select least(interval '15 seconds' * power(2, greatest(p_attempts - 1, 0)), interval '30 minutes')
$$;

/* ---------------------------------------------------------------------------------------- */
/* The outbox                                                                                */
/* ---------------------------------------------------------------------------------------- */

create type internal.outbox_state as enum ('queued', 'sending', 'sent', 'failed');

create table internal.outbox (
  id bigint generated always as identity primary key,
  request_id uuid not null references public.support_requests (id),
  -- The change that caused it: one message per change and channel, whatever retries.
  event_id bigint not null references public.request_events (id),
  moment public.outreach_moment not null,
  channel public.outreach_channel not null,
  locale text not null,
  -- The mobile (E.164) or email address, as the request holds it.
  recipient text not null,
  state internal.outbox_state not null default 'queued',
  attempts integer not null default 0,
  -- How many times staff sent it again after it failed: a new delivery, with a new idempotency key at the email provider.
  retries integer not null default 0,
  -- When it may be claimed: now for a new message, after the back-off for a retry, after the lease for one being sent.
  next_attempt_at timestamptz not null default now(),
  -- The claim of the run sending it: only that run may record the outcome.
  claim_id uuid,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  failed_at timestamptz,
  -- What the provider answered: its message id once accepted, its reason when it refused.
  provider_id text,
  last_error text,
  constraint outbox_one_per_change unique (event_id, channel)
);
alter table internal.outbox enable row level security;
revoke all on internal.outbox from anon, authenticated, service_role;
comment on table internal.outbox is
  'Messages to beneficiaries, written with the change that causes them and sent by the notify Edge Function.';
create index outbox_due_idx on internal.outbox (next_attempt_at, id) where state in ('queued', 'sending');
create index outbox_failed_idx on internal.outbox (failed_at desc) where state = 'failed';
create index outbox_request_idx on internal.outbox (request_id);

/* ---------------------------------------------------------------------------------------- */
/* The history records messages                                                              */
/* ---------------------------------------------------------------------------------------- */

alter table public.request_events
  add column message_id bigint references internal.outbox (id),
  add column message_moment public.outreach_moment,
  add column message_channel public.outreach_channel,
  -- A staff action retried with the same key returns its first result (send_staff_message).
  add column idempotency_key uuid,
  add constraint request_events_message_outcome
    check (coalesce(code in ('message_sent', 'message_failed', 'message_retried'), false) = (message_id is not null));
create unique index request_events_idempotency_idx on public.request_events (idempotency_key) where idempotency_key is not null;
comment on column public.request_events.message_id is 'The message a message_sent / message_failed / message_retried event is about.';
comment on column public.request_events.message_moment is 'The moment of that message, or of a message staff wrote (staff_message).';
comment on column public.request_events.message_channel is 'The channel of that message (sms or email).';

/* ---------------------------------------------------------------------------------------- */
/* Queued with the change                                                                    */
/* ---------------------------------------------------------------------------------------- */

/**
 * The channels a moment goes out on for this request: those the beneficiary chose, none once they
 * stopped messages; the decision goes out whatever they chose, by SMS when they chose no channel
 * (the policy promises a reply on the decision). Requests from before contact preferences: SMS and email.
 */
create function internal.message_channels(r public.support_requests, p_decision boolean) returns setof public.outreach_channel
language sql stable set search_path = '' as $$
  with prefs as (
    select coalesce(c.sms, true) as sms, coalesce(c.email, true) and r.email is not null as email, c.stopped_at
      from (select 1) one left join public.contact_preferences c on c.request_id = r.id
  ), chosen as (
    select 'sms'::public.outreach_channel as channel from prefs where sms and (p_decision or stopped_at is null)
    union all
    select 'email'::public.outreach_channel from prefs where email and (p_decision or stopped_at is null)
  )
  select channel from chosen
  union all
  select 'sms'::public.outreach_channel where p_decision and not exists (select 1 from chosen)
$$;

/** Hosted: the project URL and the notify function's secret from Supabase Vault, where pg_net and both secrets exist (else nulls). */
create function internal.notify_endpoint(out url text, out secret text)
language plpgsql stable security definer set search_path = '' as $$
begin
  if to_regprocedure('net.http_post(text, jsonb, jsonb, jsonb, integer)') is null or to_regclass('vault.decrypted_secrets') is null then
    return;
  end if;
  select (select s.decrypted_secret from vault.decrypted_secrets s where s.name = 'project_url'),
         (select s.decrypted_secret from vault.decrypted_secrets s where s.name = 'notify_secret')
    into url, secret;
  if url is null or secret is null then
    url := null;
    secret := null;
  end if;
end;
$$;

/** Calls the notify function through pg_net (hosted); answers the pg_net request id, or null where it cannot. */
create function internal.invoke_notify(p_source text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  endpoint record := internal.notify_endpoint();
begin
  if endpoint.url is null then return null; end if;
  return net.http_post(
    url := rtrim(endpoint.url, '/') || '/functions/v1/notify',
    body := jsonb_build_object('source', p_source),
    params := '{}'::jsonb,
    headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || endpoint.secret),
    timeout_milliseconds := 5000);
end;
$$;

create table internal.notify_wakes (
  id boolean primary key default true constraint notify_wakes_one_row check (id),
  woken_at timestamptz not null default '-infinity'
);
alter table internal.notify_wakes enable row level security;
revoke all on internal.notify_wakes from anon, authenticated, service_role;
comment on table internal.notify_wakes is 'When a change last woke the notify function through pg_net (at most once a second).';
insert into internal.notify_wakes default values;

/**
 * Wakes the notify function right after the change commits, so a message leaves within seconds.
 * Hosted (pg_net and the Vault secrets present): an HTTP call, at most once a second; a transaction
 * that finds another one waking leaves it to that one. Locally: the stack LISTENs for this
 * notification (supabase/local/scheduler.mjs). Both are sent only if the transaction commits.
 */
create function internal.wake_notify() returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  last_wake timestamptz;
begin
  if (internal.notify_endpoint()).url is null then
    perform pg_notify('irtiqaa_wake_function', 'notify');
    return;
  end if;
  select w.woken_at into last_wake from internal.notify_wakes w for update skip locked;
  if found and last_wake < now() - interval '1 second' then
    update internal.notify_wakes set woken_at = now();
    perform internal.invoke_notify('wake');
  end if;
end;
$$;

/** After every history event: the moment it causes, if any, queued on the beneficiary's channels. */
create function internal.queue_outreach() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  m internal.outreach_moments;
  r public.support_requests;
  queued integer := 0;
begin
  select * into m from internal.outreach_moments o
   where o.event_kind = new.kind
     and (o.to_status is null or o.to_status = new.to_status)
     and (o.event_code is null or o.event_code = new.code);
  if not found then return null; end if;
  -- What staff write for the beneficiary refuses the characters a description does (contract: hidden characters).
  if m.carries_note and new.note ~ internal.description_hidden_characters() then
    perform internal.refuse('note_characters', 'note');
  end if;
  select * into r from public.support_requests where id = new.request_id;
  insert into internal.outbox (request_id, event_id, moment, channel, locale, recipient)
  select r.id, new.id, m.moment, c.channel, r.locale, case c.channel when 'sms' then r.mobile else r.email end
    from internal.message_channels(r, m.is_decision) as c (channel)
  on conflict (event_id, channel) do nothing;
  get diagnostics queued = row_count;
  if queued > 0 then perform internal.wake_notify(); end if;
  return null;
end;
$$;

create trigger request_events_outreach after insert on public.request_events
  for each row execute function internal.queue_outreach();

/* ---------------------------------------------------------------------------------------- */
/* What a message says, apart from the template                                              */
/* ---------------------------------------------------------------------------------------- */

/** The first name: the first word, a title ending in a dot skipped (د. / Dr.), "عبد الله"-style names kept whole. */
create function internal.first_name(p_full_name text) returns text
language sql immutable parallel safe set search_path = '' as $$
  with words as (
    select w, i from regexp_split_to_table(p_full_name, ' ') with ordinality as t (w, i) where w <> '' and w !~ '\.$'
  ), first_word as (
    select w, i from words order by i limit 1
  )
  select coalesce(
    (select case when lower(f.w) in ('عبد', 'abd', 'abdul', 'abdel') and n.w is not null then f.w || ' ' || n.w else f.w end
       from first_word f left join lateral (select w from words where words.i > f.i order by words.i limit 1) n on true),
    split_part(p_full_name, ' ', 1))
$$;

/**
 * The beneficiary's page for a request, as a path on the site without its address or language
 * (supabase/CONTRACT.md, "Links in messages"): the track page, or the survey for "service
 * delivered", each carrying the reference. Called when a message is claimed for sending; the
 * private-page work replaces it (same signature) with a private link per message. The SMS are
 * budgeted for a path of at most LINK_PATH_MAX (28) characters.
 */
create function internal.beneficiary_link_path(p_request_id uuid, p_moment text) returns text
language sql stable security definer set search_path = '' as $$
  select case when p_moment = 'service_delivered' then '/survey/?ref=' else '/track/?ref=' end || r.reference
    from public.support_requests r where r.id = p_request_id
$$;

/* ---------------------------------------------------------------------------------------- */
/* Sending: the notify function (service role only)                                          */
/* ---------------------------------------------------------------------------------------- */

/**
 * Claims up to p_limit due messages for p_lease_seconds and answers what each needs to be written:
 * [{ id, claim, moment, channel, locale, recipient, attempts, retries, first_name, reference,
 * decision_due_from, decision_due_by, message, link_path, stop_path }] (message: the staff's text where the moment
 * carries one; stop_path: null for the decision). A message whose run died is claimed again once
 * its lease is over.
 */
create function public.claim_messages(p_limit integer default 20, p_lease_seconds integer default 60) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_claim uuid := gen_random_uuid();
  claimed jsonb;
begin
  if p_limit is null or p_limit not between 1 and 200 then perform internal.refuse('limit_invalid', 'p_limit'); end if;
  if p_lease_seconds is null or p_lease_seconds not between 10 and 900 then perform internal.refuse('lease_invalid', 'p_lease_seconds'); end if;
  with due as (
    select o.id from internal.outbox o
     where o.state in ('queued', 'sending') and o.next_attempt_at <= now()
     order by o.next_attempt_at, o.id
     limit p_limit
     for update skip locked
  ), taken as (
    update internal.outbox o
       set state = 'sending', claim_id = v_claim, attempts = o.attempts + 1,
           next_attempt_at = now() + make_interval(secs => p_lease_seconds)
      from due where o.id = due.id
    returning o.*
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'id', t.id, 'claim', t.claim_id, 'moment', t.moment, 'channel', t.channel, 'locale', t.locale,
           'recipient', t.recipient, 'attempts', t.attempts, 'retries', t.retries,
           'first_name', internal.first_name(r.full_name), 'reference', r.reference,
           'decision_due_from', r.decision_due_from, 'decision_due_by', r.decision_due_by,
           'message', case when m.carries_note then e.note end,
           'link_path', internal.beneficiary_link_path(r.id, t.moment::text),
           'stop_path', case when not m.is_decision then internal.stop_link_path(r.id) end
         ) order by t.id), '[]'::jsonb)
    into claimed
    from taken t
    join public.support_requests r on r.id = t.request_id
    join public.request_events e on e.id = t.event_id
    join internal.outreach_moments m on m.moment = t.moment;
  return claimed;
end;
$$;

/** Writes a message's outcome into the request's history (the timeline shows it to staff). */
create function internal.record_message_event(o internal.outbox, p_code public.request_event_code, p_note text, p_actor public.staff)
returns void
language sql volatile set search_path = '' as $$
  insert into public.request_events (request_id, kind, code, note, actor_id, actor_role, message_id, message_moment, message_channel)
  values (o.request_id, 'message', p_code, p_note, p_actor.user_id, p_actor.role, o.id, o.moment, o.channel)
$$;

/**
 * What became of a claimed message: `sent` (p_detail: the provider's message id), `retry` (it may
 * work later: down, timed out, rate-limited) or `failed` (refused for good: the provider's reason).
 * Only the run holding the claim records; anyone else gets 'stale' and nothing changes. A retry
 * past the last try fails the message. Answers 'sent' | 'queued' | 'failed' | 'stale'.
 */
create function public.record_message_result(p_id bigint, p_claim uuid, p_outcome text, p_detail text default null) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  o internal.outbox;
  -- Staff read the reason: no hidden characters, no novel.
  detail text := nullif(left(regexp_replace(internal.js_trim(coalesce(p_detail, '')), internal.description_hidden_characters(), '', 'g'), 500), '');
  nobody public.staff;
begin
  if p_outcome is null or p_outcome not in ('sent', 'retry', 'failed') then perform internal.refuse('outcome_invalid', 'p_outcome'); end if;
  select * into o from internal.outbox where id = p_id and claim_id = p_claim and state = 'sending' for update;
  if not found then return 'stale'; end if;
  if p_outcome = 'sent' then
    update internal.outbox set state = 'sent', sent_at = now(), provider_id = detail, last_error = null, claim_id = null
     where id = o.id returning * into o;
    perform internal.record_message_event(o, 'message_sent', null, nobody);
    return 'sent';
  end if;
  if p_outcome = 'retry' and o.attempts < internal.outreach_max_attempts() then
    update internal.outbox set state = 'queued', next_attempt_at = now() + internal.outreach_retry_delay(o.attempts),
                               last_error = detail, claim_id = null
     where id = o.id;
    return 'queued';
  end if;
  update internal.outbox set state = 'failed', failed_at = now(), last_error = coalesce(detail, 'no reason given'), claim_id = null
   where id = o.id returning * into o;
  perform internal.record_message_event(o, 'message_failed', o.last_error, nobody);
  return 'failed';
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Staff: messages not delivered, and sending one again                                      */
/* ---------------------------------------------------------------------------------------- */

/** The messages that failed for good, newest first: [{ id, request_id, reference, moment, channel, recipient, reason, attempts, failed_at }]. */
create function public.undelivered_messages() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  perform internal.require_active_staff();
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', o.id, 'request_id', o.request_id, 'reference', r.reference, 'moment', o.moment, 'channel', o.channel,
             'recipient', o.recipient, 'reason', o.last_error, 'attempts', o.attempts, 'failed_at', o.failed_at
           ) order by o.failed_at desc, o.id desc)
      from (select * from internal.outbox where state = 'failed' order by failed_at desc, id desc limit 200) o
      join public.support_requests r on r.id = o.request_id
  ), '[]'::jsonb);
end;
$$;

/** Sends a failed message again, from its first try (officers and supervisors). */
create function public.retry_message(p_message_id bigint) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  o internal.outbox;
begin
  select * into o from internal.outbox where id = p_message_id for update;
  if not found then perform internal.refuse('message_not_found', null, 'P0001'); end if;
  if o.state <> 'failed' then perform internal.refuse('message_not_failed', null, 'P0001'); end if;
  update internal.outbox set state = 'queued', attempts = 0, retries = retries + 1, next_attempt_at = now(), failed_at = null, claim_id = null
   where id = o.id returning * into o;
  perform internal.record_message_event(o, 'message_retried', null, me);
  perform internal.wake_notify();
  return jsonb_build_object('id', o.id, 'state', o.state);
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Staff write to the beneficiary                                                            */
/* ---------------------------------------------------------------------------------------- */

/**
 * A message staff write from the request page (free text, or a saved reply they edited), sent on
 * the beneficiary's channels. Checked like src/schemas/beneficiary-message.ts: message_required,
 * message_length (at most 1,000 characters), message_characters; then the request
 * (request_not_found) and whether anything can be sent (messages_stopped, no_contact_channel).
 * The same idempotency key returns the first answer. Officers and supervisors.
 */
create function public.send_staff_message(p_request_id uuid, p_message text, p_idempotency_key uuid default null) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  message text := internal.js_trim(coalesce(p_message, ''));
  request public.support_requests;
  earlier public.request_events;
  written public.request_events;
  channels text[];
begin
  if message = '' then perform internal.refuse('message_required', 'message'); end if;
  if internal.js_length(message) > 1000 then perform internal.refuse('message_length', 'message'); end if;
  if message ~ internal.description_hidden_characters() then perform internal.refuse('message_characters', 'message'); end if;
  request := internal.require_request(p_request_id);
  if p_idempotency_key is not null then
    perform pg_advisory_xact_lock(hashtextextended('staff_message:' || p_idempotency_key::text, 0));
    select * into earlier from public.request_events e where e.idempotency_key = p_idempotency_key;
    if earlier.id is not null then
      return jsonb_build_object('event_id', earlier.id, 'channels',
        coalesce((select jsonb_agg(o.channel order by o.channel) from internal.outbox o where o.event_id = earlier.id), '[]'::jsonb));
    end if;
  end if;
  select array_agg(c::text order by c) into channels from internal.message_channels(request, false) c;
  if channels is null then
    if exists (select 1 from public.contact_preferences c where c.request_id = request.id and c.stopped_at is not null) then
      perform internal.refuse('messages_stopped', 'message', 'P0001');
    end if;
    perform internal.refuse('no_contact_channel', 'message', 'P0001');
  end if;
  insert into public.request_events (request_id, kind, code, note, actor_id, actor_role, message_moment, idempotency_key)
  values (request.id, 'message', 'staff_message', message, me.user_id, me.role, 'staff_message', p_idempotency_key)
  returning * into written;
  return jsonb_build_object('event_id', written.id, 'channels', to_jsonb(channels));
end;
$$;

/**
 * Staff close the follow-up of a low score (policy, detailed goal 6: the rating is a tool for
 * improvement): the note says what was done and is sent to the beneficiary. Refused with
 * note_required / note_length / note_characters, request_not_found, or follow_up_not_open when
 * the request has no low score whose follow-up is still open. Officers and supervisors.
 */
create function public.close_follow_up(p_request_id uuid, p_note text) returns public.request_events
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  note text := internal.js_trim(coalesce(p_note, ''));
  open_survey uuid;
  closed public.request_events;
begin
  if note = '' then perform internal.refuse('note_required', 'note', 'P0001'); end if;
  perform internal.checked_note(note);
  perform internal.require_request(p_request_id);
  select e.survey_id into open_survey from public.request_events e
   where e.request_id = p_request_id and e.kind = 'follow_up' and e.code = 'low_satisfaction_score'
     and not exists (select 1 from public.request_events c where c.request_id = p_request_id and c.code = 'follow_up_closed'
                        and c.survey_id is not distinct from e.survey_id)
   order by e.id limit 1;
  if not found then perform internal.refuse('follow_up_not_open', null, 'P0001'); end if;
  insert into public.request_events (request_id, kind, code, note, actor_id, actor_role, survey_id)
  values (p_request_id, 'follow_up', 'follow_up_closed', note, me.user_id, me.role, open_survey)
  returning * into closed;
  return closed;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Grants                                                                                    */
/* ---------------------------------------------------------------------------------------- */

revoke all on function internal.outreach_max_attempts(), internal.outreach_retry_delay(integer),
  internal.message_channels(public.support_requests, boolean), internal.notify_endpoint(), internal.invoke_notify(text),
  internal.wake_notify(), internal.queue_outreach(), internal.first_name(text), internal.beneficiary_link_path(uuid, text),
  internal.record_message_event(internal.outbox, public.request_event_code, text, public.staff)
  from public, anon, authenticated, service_role;

revoke all on function public.claim_messages(integer, integer), public.record_message_result(bigint, uuid, text, text),
  public.undelivered_messages(), public.retry_message(bigint), public.send_staff_message(uuid, text, uuid),
  public.close_follow_up(uuid, text)
  from public, anon, authenticated, service_role;
grant execute on function public.claim_messages(integer, integer), public.record_message_result(bigint, uuid, text, text)
  to service_role;
grant execute on function public.undelivered_messages(), public.retry_message(bigint), public.send_staff_message(uuid, text, uuid),
  public.close_follow_up(uuid, text)
  to authenticated;
