/*
 * Who looked at what (issue 16; docs/ARCHITECTURE.md, "Personal data: masking and the access log"):
 * every reveal of a full national ID or mobile, and every CSV export of requests (masked, or in full
 * by an admin with a reason), is a row of public.access_log, written by the database in the same
 * transaction as what it records. No role may change or remove a row, the table's owner included
 * (a trigger that fires in replica mode too); active admins read it, for a request or for a member
 * and a time window.
 */

/* ---------------------------------------------------------------------------------------- */
/* The log                                                                                   */
/* ---------------------------------------------------------------------------------------- */

create type public.access_kind as enum ('reveal', 'export', 'private_link');
comment on type public.access_kind is
  'What an access_log row records: a staff member revealed a field of a request, exported requests as CSV, or issued a private link (whose page copies the applicant''s data).';
grant usage on type public.access_kind to authenticated, service_role;

create table public.access_log (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  -- The member who looked, and their role then.
  actor_id uuid not null,
  actor_role public.staff_role not null,
  kind public.access_kind not null,
  -- A reveal: the request and the field shown in full; a private link: the request.
  request_id uuid references public.support_requests (id),
  field text,
  -- An export: the requests submitted since (null: all), whether in full, and the admin's reason.
  export_since timestamptz,
  full_values boolean not null default false,
  reason text,
  constraint access_log_request_named check ((kind in ('reveal', 'private_link')) = (request_id is not null)),
  constraint access_log_field_named check ((kind = 'reveal') = (field is not null)),
  constraint access_log_field_known check (field is null or field in ('national_id', 'mobile')),
  constraint access_log_full_values check (not full_values or (kind = 'export' and reason is not null)),
  constraint access_log_reason_length check (reason is null or char_length(reason) between 1 and 2000)
);
alter table public.access_log enable row level security;
revoke all on public.access_log from anon, authenticated, service_role;
revoke all on sequence public.access_log_id_seq from anon, authenticated, service_role;
comment on table public.access_log is
  'Append-only record of who revealed a national ID or mobile in full (which request, which field, when) and who exported requests (masked, or in full with a reason). Read by active admins; changed by no one.';

create index access_log_request_idx on public.access_log (request_id, created_at) where request_id is not null;
create index access_log_actor_idx on public.access_log (actor_id, created_at);

create policy "Active admins can read the access log"
  on public.access_log for select to authenticated
  using ((select internal.is_active_staff_in(array['admin']::public.staff_role[])));
grant select on public.access_log to authenticated;

/** Nothing changes or removes a row of the access log, whoever asks (the owner, replica mode included). */
create function internal.refuse_access_log_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  perform internal.refuse('access_log_append_only', null, '42501');
  return null;
end;
$$;
revoke all on function internal.refuse_access_log_change() from public, anon, authenticated, service_role;

create trigger access_log_append_only before update or delete on public.access_log
  for each row execute function internal.refuse_access_log_change();
create trigger access_log_never_truncated before truncate on public.access_log
  for each statement execute function internal.refuse_access_log_change();
alter table public.access_log enable always trigger access_log_append_only, enable always trigger access_log_never_truncated;

/* ---------------------------------------------------------------------------------------- */
/* A reveal                                                                                  */
/* ---------------------------------------------------------------------------------------- */

/** The fields staff see masked and may reveal one at a time. */
create function internal.revealable_fields() returns text[]
language sql immutable parallel safe as $$
  select array['national_id', 'mobile']
$$;
revoke all on function internal.revealable_fields() from public, anon, authenticated, service_role;

/**
 * The full national ID or mobile of a request, for any active staff member with two factors; the
 * access log records who, when, which request and which field, in the same transaction. A GET (a
 * read-only transaction could not record it) is refused with 405.
 */
create function public.reveal_applicant_field(p_request_id uuid, p_field text) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  target public.support_requests;
begin
  perform internal.refuse_read_only_call();
  if p_field is null or not (p_field = any (internal.revealable_fields())) then
    perform internal.refuse('reveal_field_invalid', 'field', '22023');
  end if;
  target := internal.require_request(p_request_id);
  insert into public.access_log (actor_id, actor_role, kind, request_id, field)
  values (me.user_id, me.role, 'reveal', target.id, p_field);
  return case p_field when 'national_id' then target.national_id else target.mobile end;
end;
$$;
revoke all on function public.reveal_applicant_field(uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.reveal_applicant_field(uuid, text) to authenticated;

/* ---------------------------------------------------------------------------------------- */
/* The CSV export of requests                                                                */
/* ---------------------------------------------------------------------------------------- */

/**
 * Starts a CSV export of the requests submitted since `p_since` (null: all) and records it in the
 * access log; answers `{ export_id, full_values }`. Masked for any active staff member; with
 * `p_reason` (an admin only: role_not_allowed otherwise) the national IDs and mobiles in full. The
 * reason is a staff note (note_length, note_characters; blank: none).
 */
create function public.start_request_export(p_since timestamptz default null, p_reason text default null) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  reason text := nullif(internal.js_trim(coalesce(p_reason, '')), '');
  logged public.access_log;
begin
  perform internal.refuse_read_only_call();
  if reason is not null and me.role <> 'admin' then perform internal.refuse('role_not_allowed', 'reason', '42501'); end if;
  perform internal.checked_note(reason);
  insert into public.access_log (actor_id, actor_role, kind, export_since, full_values, reason)
  values (me.user_id, me.role, 'export', p_since, reason is not null, reason)
  returning * into logged;
  return jsonb_build_object('export_id', logged.id, 'full_values', logged.full_values);
end;
$$;

/** How long an export started with start_request_export() may read its pages. */
create function internal.request_export_lifetime() returns interval
language sql immutable parallel safe as $$
  select interval '1 hour'
$$;

/**
 * One page of an export the caller started (at most 1,000 requests, in submission order, after
 * `p_after_created_at` / `p_after_id`): masked unless the export was started in full. Another
 * member's export, or one older than an hour, is `export_not_found` (400).
 */
create function public.request_export_page(p_export_id bigint, p_after_created_at timestamptz default null, p_after_id uuid default null)
returns table (id uuid, reference text, created_at timestamptz, status public.request_status, full_name text, national_id text,
               mobile text, email text, city text, category public.beneficiary_category, request_type public.request_type,
               preferred_channel public.channel, intake_channel public.channel, locale text, decision_due_from timestamptz,
               decision_due_by timestamptz, decided_at timestamptz, assigned_to uuid, description text)
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := internal.require_active_staff();
  started public.access_log;
begin
  select * into started from public.access_log l
   where l.id = p_export_id and l.kind = 'export' and l.actor_id = me.user_id
     and l.created_at > now() - internal.request_export_lifetime();
  if started.id is null then perform internal.refuse('export_not_found', 'export_id', 'P0001'); end if;
  return query
    select r.id, r.reference, r.created_at, r.status, r.full_name,
           case when started.full_values then r.national_id else r.national_id_masked end,
           case when started.full_values then r.mobile else r.mobile_masked end,
           r.email, r.city, r.category, r.request_type, r.preferred_channel, r.intake_channel, r.locale,
           r.decision_due_from, r.decision_due_by, r.decided_at, r.assigned_to, r.description
      from public.support_requests r
     where (started.export_since is null or r.created_at >= started.export_since)
       and (p_after_created_at is null
            or (r.created_at >= p_after_created_at
                and (r.created_at > p_after_created_at or r.id > coalesce(p_after_id, '00000000-0000-0000-0000-000000000000'::uuid))))
     order by r.created_at, r.id
     limit 1000;
end;
$$;

revoke all on function internal.request_export_lifetime(), public.start_request_export(timestamptz, text),
  public.request_export_page(bigint, timestamptz, uuid) from public, anon, authenticated, service_role;
grant execute on function public.start_request_export(timestamptz, text), public.request_export_page(bigint, timestamptz, uuid) to authenticated;

/* ---------------------------------------------------------------------------------------- */
/* A new private link                                                                        */
/* ---------------------------------------------------------------------------------------- */

/**
 * When a beneficiary asks by phone: every earlier link of the request stops at once, and the new
 * secret is returned this once, for the staff member to read out or send. Recorded as an event,
 * and in the access log: the link's page gives a copy of the applicant's data, full values included.
 */
create or replace function public.issue_private_link(p_request_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  target public.support_requests := internal.require_request(p_request_id);
  secret text;
begin
  if internal.private_page_ended(target) then
    perform internal.refuse('private_link_ended', null, 'P0001');
  end if;
  update internal.private_links set revoked_at = now() where request_id = target.id and revoked_at is null;
  secret := internal.mint_private_link(target.id, 'staff', 'page', me.user_id);
  insert into public.request_events (request_id, kind, actor_id, actor_role) values (target.id, 'link_issued', me.user_id, me.role);
  insert into public.access_log (actor_id, actor_role, kind, request_id) values (me.user_id, me.role, 'private_link', target.id);
  return jsonb_build_object('private_link_secret', secret);
end;
$$;
