/*
 * Anonymising a request (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"): its
 * personal fields are replaced as internal.personal_data_map says, its documents' files are queued
 * for removal from Storage, and a `anonymised` event records it, in one transaction. Status, dates,
 * category, city and ratings stay, so the service figures do not change. The retention job
 * (the `retention` Edge Function, daily) does this for every request closed longer ago than
 * internal.retention_after_closing().
 * The append-only triggers let this function (and a correction, 20261201180600_data_requests.sql),
 * for the request it names in `irtiqaa.rewriting` for its transaction (nothing the API reaches can
 * set it), replace those fields and nothing else.
 */

/* ---------------------------------------------------------------------------------------- */
/* What an anonymised request looks like                                                     */
/* ---------------------------------------------------------------------------------------- */

alter table public.support_requests add column anonymised_at timestamptz;
comment on column public.support_requests.anonymised_at is
  'When the request''s personal fields were replaced as the data map says (retention, or a deletion asked for); null while they are held.';

-- An anonymised request keeps its emptied fields; every other request still needs them.
alter table public.support_requests
  drop constraint support_requests_full_name_required,
  add constraint support_requests_full_name_required check (full_name <> '' or anonymised_at is not null),
  drop constraint support_requests_national_id_required,
  add constraint support_requests_national_id_required check (national_id <> '' or anonymised_at is not null),
  drop constraint support_requests_mobile_required,
  add constraint support_requests_mobile_required check (mobile <> '' or anonymised_at is not null),
  drop constraint support_requests_description_required,
  add constraint support_requests_description_required check (description <> '' or anonymised_at is not null);

/* ---------------------------------------------------------------------------------------- */
/* The append-only rules, and their one exception                                            */
/* ---------------------------------------------------------------------------------------- */

/** The request whose submitted fields this transaction replaces (anonymising, or a correction the beneficiary asked for), if any. */
create function internal.rewriting_request() returns uuid
language sql stable as $$
  select nullif(current_setting('irtiqaa.rewriting', true), '')::uuid
$$;

-- The workflow's update trigger refuses every change to what the beneficiary submitted; for the
-- request this transaction rewrites it does not run (the rewrite sets updated_at itself).
drop trigger support_requests_workflow on public.support_requests;
create trigger support_requests_workflow before update on public.support_requests
  for each row when (internal.rewriting_request() is distinct from new.id)
  execute function internal.support_requests_before_update();

/**
 * History is append-only; anonymising may replace the text of a request's notes and nothing else.
 * Shared by request_events and staff_events: the row is read as JSON, so a table without
 * request_id (staff_events) is never the request being rewritten.
 */
create or replace function internal.refuse_event_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and internal.rewriting_request() is not null
     and internal.rewriting_request() = (to_jsonb(old) ->> 'request_id')::uuid
     and (to_jsonb(new) - 'note') = (to_jsonb(old) - 'note') then
    return new;
  end if;
  perform internal.refuse('events_append_only', null, '42501');
  return null;
end;
$$;

/** Documents are never changed or deleted; anonymising may replace their original names. */
create or replace function internal.refuse_document_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' then
    if internal.rewriting_request() is not distinct from old.request_id
       and (to_jsonb(new) - 'original_name') = (to_jsonb(old) - 'original_name') then
      return new;
    end if;
  end if;
  perform internal.refuse('request_documents_never_changed', null, '42501');
  return null;
end;
$$;

/** A file staff may read: an accepted document of a request whose personal data is still held. */
create or replace function internal.is_request_document(p_object_name text) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.request_documents d join public.support_requests r on r.id = d.request_id
                  where d.object_name = p_object_name and r.anonymised_at is null)
$$;

/* ---------------------------------------------------------------------------------------- */
/* Anonymising                                                                               */
/* ---------------------------------------------------------------------------------------- */

create table internal.storage_removals (
  object_name text primary key,
  request_id uuid not null references public.support_requests (id),
  queued_at timestamptz not null default now()
);
alter table internal.storage_removals enable row level security;
revoke all on internal.storage_removals from anon, authenticated, service_role;
comment on table internal.storage_removals is
  'Files of anonymised requests still to be removed from Storage: queued with the anonymisation, forgotten once Storage no longer has them.';

/** The SQL value a replacement of the data map writes (null: the replacement writes nothing). */
create function internal.personal_data_replacement(p_replacement text) returns text
language sql immutable parallel safe as $$
  select case p_replacement when 'emptied' then quote_literal('') when 'removed' then 'null' when 'dash' then quote_literal('—') end
$$;

/**
 * Replaces the request's personal fields as the data map says (the fields kept for the request's
 * retention; a null stays null), removes what the map deletes, queues its documents' files for
 * removal from Storage and writes the `anonymised` event with `p_code`, all in the caller's
 * transaction. A request already anonymised is left as it is. Returns the files queued.
 */
create function internal.anonymise_request(p_request_id uuid, p_code public.request_event_code, p_actor uuid default null) returns text[]
language plpgsql volatile security definer set search_path = '' as $$
declare
  target public.support_requests;
  entry record;
  files text[];
begin
  select * into target from public.support_requests r where r.id = p_request_id for update;
  if target.id is null or target.anonymised_at is not null then
    return '{}';
  end if;
  perform set_config('irtiqaa.rewriting', target.id::text, true);
  for entry in
    select m.table_name,
           bool_or(m.replacement = 'row_deleted') as deletes,
           string_agg(format('%1$I = case when %1$I is null then null else %2$s end', m.column_name,
                             internal.personal_data_replacement(m.replacement)), ', ' order by m.column_name)
             filter (where internal.personal_data_replacement(m.replacement) is not null) as assignments
      from internal.personal_data_map m
     where m.kept in ('retention', 'until_accepted')
     group by m.table_name
     order by m.table_name
  loop
    if entry.deletes then
      execute format('delete from %s where request_id = $1', entry.table_name) using target.id;
    elsif entry.table_name = 'public.support_requests' then
      execute format('update public.support_requests set %s, anonymised_at = now(), updated_at = now() where id = $1', entry.assignments) using target.id;
    elsif entry.assignments is not null then
      -- A message still waiting to be sent (the confirmation of a deletion) keeps its address until it
      -- is sent or failed; the retention run empties it then (public.start_retention_run).
      execute format('update %s set %s where request_id = $1%s', entry.table_name, entry.assignments,
        case when entry.table_name = 'internal.outbox' then ' and state in (''sent'', ''failed'')' else '' end) using target.id;
    end if;
  end loop;
  with queued as (
    insert into internal.storage_removals (object_name, request_id)
    select d.object_name, d.request_id from public.request_documents d where d.request_id = target.id
    on conflict (object_name) do nothing
    returning object_name)
  select coalesce(array_agg(object_name order by object_name), '{}') into files from queued;
  insert into public.request_events (request_id, kind, code, actor_id, actor_role)
  values (target.id, 'anonymised', p_code, p_actor, (select s.role from public.staff s where s.user_id = p_actor));
  perform set_config('irtiqaa.rewriting', '', true);
  return files;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* The retention job (the `retention` Edge Function, service role only)                     */
/* ---------------------------------------------------------------------------------------- */

/**
 * Starts a run: forgets the connection records the data map keeps about an hour and the addresses of
 * anonymised requests' last messages once sent, and answers the
 * requests past retention (a final status reached longer ago than internal.retention_after_closing(),
 * not yet anonymised; at most `p_limit`, oldest first) and the files still queued for removal.
 */
create function public.start_retention_run(p_limit integer default 100) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
begin
  delete from internal.status_lookup_failures f where f.failed_at < now() - interval '1 hour';
  delete from internal.private_link_failures f where f.failed_at < now() - interval '1 hour';
  -- The last messages of anonymised requests, once sent or failed: their addresses go as the map says.
  update internal.outbox o set recipient = '', last_error = null
    from public.support_requests r
   where r.id = o.request_id and r.anonymised_at is not null and o.state in ('sent', 'failed') and o.recipient <> '';
  return jsonb_build_object(
    'requests', coalesce((
      select jsonb_agg(r.id order by r.status_changed_at) from (
        select r.id, r.status_changed_at from public.support_requests r
          join internal.request_statuses s on s.status = r.status and s.is_final
         where r.anonymised_at is null and r.status_changed_at < now() - internal.retention_after_closing()
         order by r.status_changed_at limit least(greatest(coalesce(p_limit, 100), 1), 1000)) r), '[]'),
    'removals', coalesce((select jsonb_agg(q.object_name order by q.queued_at) from (
        select q.object_name, q.queued_at from internal.storage_removals q order by q.queued_at limit 1000) q), '[]'));
end;
$$;

/**
 * Anonymises one request past retention, in its own transaction (one call), and answers the files
 * to remove from Storage. A request not past retention, or already anonymised, is left alone.
 */
create function public.anonymise_past_retention(p_request_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  past boolean;
begin
  select r.anonymised_at is null and s.is_final and r.status_changed_at < now() - internal.retention_after_closing() into past
    from public.support_requests r join internal.request_statuses s on s.status = r.status
   where r.id = p_request_id;
  if not coalesce(past, false) then
    return jsonb_build_object('anonymised', false, 'removals', '[]'::jsonb);
  end if;
  return jsonb_build_object('anonymised', true, 'removals', to_jsonb(internal.anonymise_request(p_request_id, 'retention_expired')));
end;
$$;

/** Forgets queued files that Storage no longer has (the function removed them); answers how many. */
create function public.storage_removals_done(p_object_names text[]) returns integer
language sql volatile security definer set search_path = '' as $$
  with done as (
    delete from internal.storage_removals q
     where q.object_name = any (p_object_names)
       and not exists (select 1 from storage.objects o where o.bucket_id = 'request-documents' and o.name = q.object_name)
    returning 1)
  select count(*)::integer from done
$$;

-- The append-only triggers run as whoever writes; only this function's own writes pass them.
revoke all on function internal.rewriting_request() from public, anon, authenticated, service_role;
grant execute on function internal.rewriting_request() to authenticated, service_role;
revoke all on function internal.personal_data_replacement(text),
  internal.anonymise_request(uuid, public.request_event_code, uuid)
  from public, anon, authenticated, service_role;
revoke all on function public.start_retention_run(integer), public.anonymise_past_retention(uuid), public.storage_removals_done(text[])
  from public, anon, authenticated, service_role;
grant execute on function public.start_retention_run(integer), public.anonymise_past_retention(uuid), public.storage_removals_done(text[])
  to service_role;
