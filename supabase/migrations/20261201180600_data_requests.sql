/*
 * Data requests (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"; PDPL Article 4,
 * Implementing Regulation: an answer within 30 days, extendable once with a reason the beneficiary is
 * told): a correction, a deletion or a consent withdrawn, asked from the private page or received by
 * phone or letter and registered by staff the same way; handled by a supervisor or an admin. A
 * deletion or a withdrawn consent anonymises the request as the retention job does, unless the
 * association records a legal reason to keep it; a correction replaces the field with the value
 * staff confirm, under the same checks as a submission.
 */

/* ---------------------------------------------------------------------------------------- */
/* The deadline, and what may be corrected                                                   */
/* ---------------------------------------------------------------------------------------- */

/** Days to answer a data request, and again once when extended. Mirrored by DATA_REQUEST_DAYS (src/lib/data-requests.ts). */
create function internal.data_request_days() returns integer
language sql immutable parallel safe as $$ select 30 $$;

/** The fields a beneficiary may ask to have corrected. Mirrored by CORRECTABLE_FIELDS (src/lib/data-requests.ts). */
create function internal.correctable_fields() returns text[]
language sql immutable parallel safe as $$ select array['full_name', 'national_id', 'mobile', 'email', 'city', 'description'] $$;

/* ---------------------------------------------------------------------------------------- */
/* The requests                                                                              */
/* ---------------------------------------------------------------------------------------- */

create table public.data_requests (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.support_requests (id),
  kind public.data_request_kind not null,
  -- A correction: which field, and what the beneficiary says it should be.
  field text,
  details text,
  -- website: from the private page; otherwise how staff received it.
  channel public.channel not null,
  registered_by uuid,
  received_at timestamptz not null default now(),
  due_by timestamptz not null,
  extended_at timestamptz,
  extended_by uuid,
  extension_reason text,
  outcome public.data_request_outcome,
  outcome_note text,
  decided_by uuid,
  decided_at timestamptz,
  constraint data_requests_field_known check (field is null or field = any (internal.correctable_fields())),
  constraint data_requests_correction_field check ((kind = 'correction') = (field is not null)),
  constraint data_requests_details_length check (details is null or char_length(details) <= 2000),
  constraint data_requests_details_characters check (details is null or details !~ internal.description_hidden_characters()),
  constraint data_requests_extension_reason check ((extended_at is null) = (extension_reason is null)),
  constraint data_requests_extension_reason_characters check (extension_reason is null or extension_reason !~ internal.description_hidden_characters()),
  constraint data_requests_outcome_note_characters check (outcome_note is null or outcome_note !~ internal.description_hidden_characters()),
  constraint data_requests_decided check ((outcome is null) = (decided_at is null))
);
alter table public.data_requests enable row level security;
revoke all on public.data_requests from anon, authenticated, service_role;
comment on table public.data_requests is
  'What beneficiaries asked about their personal data (correction, deletion, consent withdrawn), with the 30-day deadline and the outcome.';
create index data_requests_open_idx on public.data_requests (due_by) where outcome is null;
create index data_requests_request_idx on public.data_requests (request_id, received_at);

create policy "Active staff can see the data requests of every request"
  on public.data_requests for select to authenticated
  using ((select internal.is_active_staff()));
grant select on public.data_requests to authenticated, service_role;

alter table public.request_events
  add column data_request_id uuid references public.data_requests (id),
  add constraint request_events_data_request_on_data_request_events check ((kind = 'data_request') = (data_request_id is not null));
comment on column public.request_events.data_request_id is 'The data request a `data_request` event received, extended or decided.';

-- The map: what the beneficiary wrote, and staff's reasons, are kept and replaced like the rest.
insert into internal.personal_data_map (table_name, column_name, category, purpose, seen_by, kept, replacement) values
  ('public.data_requests', 'details', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  ('public.data_requests', 'extension_reason', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  ('public.data_requests', 'outcome_note', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash');

-- The beneficiary is told of an extension and of the outcome, on the channels they chose. Not the
-- decision: a beneficiary who stopped messages is not written to.
insert into internal.outreach_moments (moment, event_kind, to_status, event_code, is_decision, carries_note) values
  ('data_request_extended', 'data_request', null, 'data_request_extended', false, true),
  ('data_request_done',     'data_request', null, 'data_request_done',     false, false),
  ('data_request_refused',  'data_request', null, 'data_request_refused',  false, true),
  ('data_request_kept',     'data_request', null, 'data_request_kept',     false, true);

/* ---------------------------------------------------------------------------------------- */
/* Received                                                                                  */
/* ---------------------------------------------------------------------------------------- */

/** Checks and records a data request for `p_request` (its `data_request` event too); refuses with a rule key. */
create function internal.open_data_request(p_request public.support_requests, p_kind text, p_field text, p_details text,
  p_channel public.channel, p_registered_by uuid) returns public.data_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  kind public.data_request_kind;
  details text := nullif(internal.js_trim(coalesce(p_details, '')), '');
  added public.data_requests;
begin
  if p_request.anonymised_at is not null then perform internal.refuse('request_anonymised', null, 'P0001'); end if;
  if p_kind is null or not (p_kind = any (enum_range(null::public.data_request_kind)::text[])) then
    perform internal.refuse('data_request_kind', 'kind');
  end if;
  kind := p_kind::public.data_request_kind;
  if kind = 'correction' and (p_field is null or not (p_field = any (internal.correctable_fields()))) then
    perform internal.refuse('correction_field', 'field');
  end if;
  if kind = 'correction' and details is null then perform internal.refuse('correction_details_required', 'details'); end if;
  if char_length(details) > 2000 then perform internal.refuse('details_length', 'details'); end if;
  if details ~ internal.description_hidden_characters() then perform internal.refuse('details_characters', 'details'); end if;
  insert into public.data_requests (request_id, kind, field, details, channel, registered_by, due_by)
  values (p_request.id, kind, case when kind = 'correction' then p_field end, details, p_channel, p_registered_by,
          now() + make_interval(days => internal.data_request_days()))
  returning * into added;
  insert into public.request_events (request_id, kind, code, actor_id, actor_role, data_request_id)
  values (p_request.id, 'data_request', 'data_request_received', p_registered_by,
          (select s.role from public.staff s where s.user_id = p_registered_by), added.id);
  return added;
end;
$$;

/** From the private page (the private-page Edge Function, service role): answers { outcome: 'asked', id, due_by } or the link's refusal. */
create function public.private_link_data_request(p_secret text, p_client text, p_kind text, p_field text default null, p_details text default null)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  found record;
  added public.data_requests;
begin
  select * into found from internal.private_link_for(p_secret, p_client);
  if found.refusal is not null then return found.refusal; end if;
  added := internal.open_data_request(found.request, p_kind, p_field, p_details, 'website', null);
  return jsonb_build_object('outcome', 'asked', 'id', added.id, 'due_by', added.due_by);
end;
$$;

/** Received by phone, letter, interview, ...: any active officer, supervisor or admin registers it. */
create function public.register_data_request(p_request_id uuid, p_kind text, p_channel text, p_field text default null, p_details text default null)
returns public.data_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  target public.support_requests := internal.require_request(p_request_id);
begin
  if p_channel is null or not (p_channel = any (internal.staff_intake_channels()::text[])) then
    perform internal.refuse('intake_channel_invalid', 'channel');
  end if;
  return internal.open_data_request(target, p_kind, p_field, p_details, p_channel::public.channel, me.user_id);
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Handled: a supervisor or an admin                                                         */
/* ---------------------------------------------------------------------------------------- */

/** The open data request `p_id`, locked; refuses one that does not exist or is decided. */
create function internal.open_data_request_for_update(p_id uuid) returns public.data_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  found public.data_requests;
begin
  select * into found from public.data_requests d where d.id = p_id for update;
  if found.id is null then perform internal.refuse('data_request_not_found', null, 'P0002'); end if;
  if found.outcome is not null then perform internal.refuse('data_request_decided', null, 'P0001'); end if;
  return found;
end;
$$;

/** Once, with the reason the beneficiary is told: another 30 days. */
create function public.extend_data_request(p_id uuid, p_reason text) returns public.data_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['supervisor', 'admin']::public.staff_role[]);
  target public.data_requests := internal.open_data_request_for_update(p_id);
  reason text := nullif(internal.js_trim(coalesce(p_reason, '')), '');
  changed public.data_requests;
begin
  perform internal.checked_note(reason);
  if reason is null then perform internal.refuse('extension_reason_required', 'reason'); end if;
  if target.extended_at is not null then perform internal.refuse('data_request_extended_once', null, 'P0001'); end if;
  update public.data_requests d
     set due_by = d.due_by + make_interval(days => internal.data_request_days()),
         extended_at = now(), extended_by = me.user_id, extension_reason = reason
   where d.id = target.id returning * into changed;
  insert into public.request_events (request_id, kind, code, actor_id, actor_role, note, data_request_id)
  values (target.request_id, 'data_request', 'data_request_extended', me.user_id, me.role, reason, target.id);
  return changed;
end;
$$;

/**
 * The outcome: `done` (a correction replaces the field with `p_corrected_value`, checked as at
 * submission; a deletion or withdrawn consent anonymises the request and queues its files for
 * removal), `refused` or `kept_for_legal_reason` (a deletion the association must keep; both need
 * the reason in `p_note`, which the beneficiary is told).
 */
create function public.decide_data_request(p_id uuid, p_outcome text, p_note text default null, p_corrected_value text default null)
returns public.data_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['supervisor', 'admin']::public.staff_role[]);
  target public.data_requests := internal.open_data_request_for_update(p_id);
  chosen public.data_request_outcome;
  note text := nullif(internal.js_trim(coalesce(p_note, '')), '');
  value text;
  changed public.data_requests;
begin
  perform internal.checked_note(note);
  if p_outcome is null or not (p_outcome = any (enum_range(null::public.data_request_outcome)::text[])) then
    perform internal.refuse('data_request_outcome', 'outcome');
  end if;
  chosen := p_outcome::public.data_request_outcome;
  if chosen <> 'done' and note is null then perform internal.refuse('outcome_reason_required', 'note'); end if;
  if chosen = 'kept_for_legal_reason' and target.kind = 'correction' then perform internal.refuse('data_request_outcome', 'outcome'); end if;
  if chosen = 'done' and target.kind = 'correction' then
    value := nullif(internal.js_trim(coalesce(p_corrected_value, '')), '');
    if value is null then perform internal.refuse('corrected_value_required', 'corrected_value'); end if;
    value := case target.field
      when 'national_id' then internal.normalise_national_id(value)
      when 'mobile' then internal.normalise_mobile_input(value)
      else value end;
    perform set_config('irtiqaa.rewriting', target.request_id::text, true);
    begin
      execute format('update public.support_requests set %I = $1, updated_at = now() where id = $2', target.field) using value, target.request_id;
    exception when check_violation then
      perform internal.refuse('corrected_value_invalid', 'corrected_value');
    end;
    perform set_config('irtiqaa.rewriting', '', true);
  end if;
  update public.data_requests d
     set outcome = chosen, outcome_note = note, decided_by = me.user_id, decided_at = now()
   where d.id = target.id returning * into changed;
  -- Its message is queued with the beneficiary's address before a deletion removes it.
  insert into public.request_events (request_id, kind, code, actor_id, actor_role, note, data_request_id)
  values (target.request_id, 'data_request',
          case chosen when 'done' then 'data_request_done' when 'refused' then 'data_request_refused' else 'data_request_kept' end::public.request_event_code,
          me.user_id, me.role, note, target.id);
  if chosen = 'done' and target.kind <> 'correction' then
    perform internal.anonymise_request(target.request_id, 'deletion_requested', me.user_id);
    perform pg_notify('irtiqaa_wake_function', 'retention');
  end if;
  return changed;
end;
$$;

revoke all on function internal.data_request_days(), internal.correctable_fields(),
  internal.open_data_request(public.support_requests, text, text, text, public.channel, uuid), internal.open_data_request_for_update(uuid)
  from public, anon, authenticated, service_role;
-- The table's checks run as whoever writes: only the definer functions above.
revoke all on function public.private_link_data_request(text, text, text, text, text), public.register_data_request(uuid, text, text, text, text),
  public.extend_data_request(uuid, text), public.decide_data_request(uuid, text, text, text)
  from public, anon, authenticated, service_role;
grant execute on function public.private_link_data_request(text, text, text, text, text) to service_role;
grant execute on function public.register_data_request(uuid, text, text, text, text), public.extend_data_request(uuid, text),
  public.decide_data_request(uuid, text, text, text) to authenticated;
