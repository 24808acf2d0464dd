/*
 * Request documents (docs/ARCHITECTURE.md, "The private link, documents, who can read what"): what
 * the beneficiary sends with a reply, and what staff add themselves (a scanned letter for a request
 * that came by post). The files live in the private Storage bucket `request-documents` under
 * generated names (`<request id>/<uuid>.<ext>`); their rows here keep the original file name,
 * Arabic included, with the type and size Storage recorded.
 * A document is added in three steps, each checked: the database reserves a name for each file
 * it accepts (type, size, name, at most 10 a request) and an Edge Function hands out a signed
 * upload URL for it; the browser uploads straight to Storage; the Edge Function reads each file's
 * first bytes with the service role and only when they match the declared type does the database
 * accept the upload as a document. A refused or abandoned upload never becomes a row staff can
 * see, and its file is removed (at once when refused, by the hourly cleanup when abandoned).
 */

/* ---------------------------------------------------------------------------------------- */
/* Limits and the bucket                                                                     */
/* ---------------------------------------------------------------------------------------- */

/**
 * What a real association accepts: 10 MB a file, 10 files a request, PDF, JPEG or PNG (no SVG, no
 * HTML: nothing a browser would run). Mirrored by src/lib/request-documents.ts and
 * supabase/functions/_shared/document-types.ts (tests/db/request-documents.test.ts compares them).
 */
create function internal.request_document_limits(out max_bytes bigint, out max_files integer, out mime_types text[])
language sql immutable parallel safe as $$
  select 10485760::bigint, 10, array['application/pdf', 'image/jpeg', 'image/png']
$$;

/** The file extension of a generated object name for each allowed type. */
create function internal.document_extension(p_mime_type text) returns text
language sql immutable parallel safe as $$
  select case p_mime_type when 'application/pdf' then 'pdf' when 'image/jpeg' then 'jpg' when 'image/png' then 'png' end
$$;

-- The bucket applies the same size and type limits to every upload, as hosted Storage does.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
select 'request-documents', 'request-documents', false, l.max_bytes, l.mime_types from internal.request_document_limits() l
on conflict (id) do update
  set public = false, file_size_limit = excluded.file_size_limit, allowed_mime_types = excluded.allowed_mime_types;

/* ---------------------------------------------------------------------------------------- */
/* Documents                                                                                 */
/* ---------------------------------------------------------------------------------------- */

create table public.request_documents (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.support_requests (id),
  -- The object's name in the bucket, generated: hosted Storage takes ASCII names only.
  object_name text not null unique,
  -- As the sender's device named the file.
  original_name text not null,
  mime_type text not null,
  size_bytes bigint not null,
  -- The staff member who added it; null when the beneficiary sent it with a reply.
  added_by uuid,
  created_at timestamptz not null default now(),
  constraint request_documents_object_name_generated
    check (object_name ~ ('^' || request_id::text || '/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(pdf|jpg|png)$')),
  constraint request_documents_document_type check (mime_type = any ((internal.request_document_limits()).mime_types)),
  constraint request_documents_document_empty check (size_bytes > 0),
  constraint request_documents_document_too_large check (size_bytes <= (internal.request_document_limits()).max_bytes),
  constraint request_documents_document_name_length check (char_length(original_name) between 1 and 255),
  constraint request_documents_document_name_characters check (original_name !~ internal.description_hidden_characters())
);
alter table public.request_documents enable row level security;
revoke all on public.request_documents from anon, authenticated, service_role;
comment on table public.request_documents is
  'Documents of a request (policy, handling step 2): the file is in the request-documents bucket; never changed or deleted.';
create index request_documents_request_idx on public.request_documents (request_id, created_at);

create policy "Active staff can read the documents of every request"
  on public.request_documents for select to authenticated
  using ((select internal.is_active_staff()));
grant select on public.request_documents to authenticated, service_role;

-- CHECK constraints run as whoever writes the row: only the security definer functions below.
revoke all on function internal.request_document_limits(), internal.document_extension(text) from public, anon, authenticated, service_role;

/** At most 10 documents a request, whoever adds them; concurrent additions to one request queue on its row. */
create function internal.request_documents_before_insert() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform 1 from public.support_requests r where r.id = new.request_id for update;
  if (select count(*) from public.request_documents d where d.request_id = new.request_id)
     >= (internal.request_document_limits()).max_files then
    perform internal.refuse('documents_too_many', 'documents');
  end if;
  return new;
end;
$$;

create function internal.refuse_document_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  perform internal.refuse('request_documents_never_changed', null, '42501');
  return null;
end;
$$;

create trigger request_documents_at_most_per_request before insert on public.request_documents
  for each row execute function internal.request_documents_before_insert();
create trigger request_documents_never_changed before update or delete on public.request_documents
  for each row execute function internal.refuse_document_change();
create trigger request_documents_never_truncated before truncate on public.request_documents
  for each statement execute function internal.refuse_document_change();

/* ---------------------------------------------------------------------------------------- */
/* Who reads the files: RLS on storage.objects                                               */
/* ---------------------------------------------------------------------------------------- */

/** A file staff may read: one the database accepted as a document (not an upload still waiting or refused). */
create function internal.is_request_document(p_object_name text) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.request_documents d where d.object_name = p_object_name)
$$;
revoke all on function internal.is_request_document(text) from public, anon, authenticated, service_role;
grant execute on function internal.is_request_document(text) to authenticated, service_role;

-- Nobody else has a policy: anon reads and lists nothing, no one writes or deletes through the API;
-- uploads go through signed URLs the Edge Functions issue with the service role.
create policy "Active staff can read accepted documents of every request"
  on storage.objects for select to authenticated
  using (bucket_id = 'request-documents' and (select internal.is_active_staff()) and internal.is_request_document(name));

/* ---------------------------------------------------------------------------------------- */
/* The history                                                                               */
/* ---------------------------------------------------------------------------------------- */

alter table public.request_events
  add column document_id uuid references public.request_documents (id),
  add constraint request_events_document_on_document_events check ((kind = 'document') = (document_id is not null));
comment on column public.request_events.document_id is 'The document a `document` event added.';

/* ---------------------------------------------------------------------------------------- */
/* Uploads: reserved, then accepted                                                          */
/* ---------------------------------------------------------------------------------------- */

create table internal.document_uploads (
  object_name text primary key,
  request_id uuid not null references public.support_requests (id),
  original_name text not null,
  mime_type text not null,
  size_bytes bigint not null,
  added_by uuid,
  created_at timestamptz not null default now()
);
alter table internal.document_uploads enable row level security;
revoke all on internal.document_uploads from anon, authenticated, service_role;
comment on table internal.document_uploads is
  'Object names handed out for uploads not yet accepted as documents; removed once accepted, refused or abandoned.';
create index document_uploads_age_idx on internal.document_uploads (created_at);

/**
 * Reserves a generated object name for each file the sender describes (`[{ name, type, size }]`,
 * 1 to 10 of them) after the checks a document must pass, in order: name, type, size, and that the
 * request would not exceed its 10 documents. Returns the names in the files' order.
 */
create function internal.reserve_document_uploads(p_request_id uuid, p_files jsonb, p_added_by uuid) returns text[]
language plpgsql volatile set search_path = '' as $$
declare
  limits record;
  file jsonb;
  file_name text;
  file_type text;
  file_size numeric;
  generated text;
  names text[] := '{}';
begin
  select * into limits from internal.request_document_limits();
  if jsonb_typeof(p_files) is distinct from 'array' or jsonb_array_length(p_files) = 0 then
    perform internal.refuse('documents_required', 'documents', '22023');
  end if;
  if jsonb_array_length(p_files) + (select count(*) from public.request_documents d where d.request_id = p_request_id) > limits.max_files then
    perform internal.refuse('documents_too_many', 'documents');
  end if;
  for file in select value from jsonb_array_elements(p_files) loop
    file_name := case when jsonb_typeof(file -> 'name') = 'string' then file ->> 'name' end;
    file_type := case when jsonb_typeof(file -> 'type') = 'string' then file ->> 'type' end;
    file_size := case when jsonb_typeof(file -> 'size') = 'number' then (file ->> 'size')::numeric end;
    if coalesce(internal.js_trim(file_name), '') = '' or char_length(file_name) > 255 then
      perform internal.refuse('document_name_length', 'documents');
    end if;
    if file_name ~ internal.description_hidden_characters() then perform internal.refuse('document_name_characters', 'documents'); end if;
    if file_type is null or not (file_type = any (limits.mime_types)) then perform internal.refuse('document_type', 'documents'); end if;
    if file_size is null or file_size < 1 then perform internal.refuse('document_empty', 'documents'); end if;
    if file_size > limits.max_bytes then perform internal.refuse('document_too_large', 'documents'); end if;
    generated := p_request_id::text || '/' || gen_random_uuid()::text || '.' || internal.document_extension(file_type);
    insert into internal.document_uploads (object_name, request_id, original_name, mime_type, size_bytes, added_by)
    values (generated, p_request_id, file_name, file_type, file_size::bigint, p_added_by);
    names := names || generated;
  end loop;
  return names;
end;
$$;

/**
 * Accepts reserved uploads of a request as its documents, once their files are in Storage: each
 * object must exist with the type it was reserved for (Storage records the type and size it
 * received); the size is Storage's. Writes a `document` event per document, by whoever added it.
 * Only Edge Functions reach this, after reading each file's first bytes (supabase/CONTRACT.md).
 */
create function internal.accept_document_uploads(p_request_id uuid, p_object_names text[], p_from_staff boolean) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  wanted text;
  upload internal.document_uploads;
  stored record;
  added public.request_documents;
  accepted integer := 0;
begin
  if p_object_names is null or cardinality(p_object_names) > (internal.request_document_limits()).max_files then
    perform internal.refuse('documents_too_many', 'documents');
  end if;
  for wanted in select distinct unnest(p_object_names) loop
    select * into upload from internal.document_uploads u
     where u.object_name = wanted and u.request_id = p_request_id and (u.added_by is not null) = p_from_staff;
    select o.metadata ->> 'mimetype' as mime_type, (o.metadata ->> 'size')::bigint as size_bytes into stored
      from storage.objects o where o.bucket_id = 'request-documents' and o.name = wanted;
    if upload.object_name is null or stored.size_bytes is null then
      perform internal.refuse('document_missing', 'documents');
    end if;
    if stored.mime_type is distinct from upload.mime_type then perform internal.refuse('document_type', 'documents'); end if;
    insert into public.request_documents (request_id, object_name, original_name, mime_type, size_bytes, added_by)
    values (p_request_id, wanted, upload.original_name, upload.mime_type, stored.size_bytes, upload.added_by)
    returning * into added;
    insert into public.request_events (request_id, kind, actor_id, actor_role, document_id)
    values (p_request_id, 'document', upload.added_by, (select s.role from public.staff s where s.user_id = upload.added_by), added.id);
    delete from internal.document_uploads u where u.object_name = wanted;
    accepted := accepted + 1;
  end loop;
  return accepted;
end;
$$;

revoke all on function internal.reserve_document_uploads(uuid, jsonb, uuid), internal.accept_document_uploads(uuid, text[], boolean),
  internal.request_documents_before_insert(), internal.refuse_document_change()
  from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* Staff add documents                                                                       */
/* ---------------------------------------------------------------------------------------- */

/** Staff (officer, supervisor) reserve names for documents they add; the staff-documents Edge Function calls this with their session. */
create function public.reserve_staff_documents(p_request_id uuid, p_files jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  target public.support_requests := internal.require_request(p_request_id);
begin
  return jsonb_build_object('object_names', to_jsonb(internal.reserve_document_uploads(target.id, p_files, me.user_id)));
end;
$$;

/** Which of these names the acting staff member reserved for the request: what they may ask to have accepted. */
create function public.my_document_uploads(p_request_id uuid, p_object_names text[]) returns text[]
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
begin
  return coalesce((select array_agg(u.object_name order by u.object_name) from internal.document_uploads u
    where u.object_name = any (p_object_names) and u.request_id = p_request_id and u.added_by = me.user_id), '{}');
end;
$$;

/**
 * Accepts a staff member's uploads once the staff-documents Edge Function has read their first
 * bytes (service role only, so no one can skip that). Whoever reserved them must still be active staff.
 */
create function public.accept_staff_documents(p_request_id uuid, p_object_names text[]) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from internal.document_uploads u
              where u.object_name = any (p_object_names) and u.request_id = p_request_id
                and not exists (select 1 from public.staff s where s.user_id = u.added_by and s.active)) then
    perform internal.refuse('staff_inactive', null, '42501');
  end if;
  return jsonb_build_object('accepted', internal.accept_document_uploads(p_request_id, p_object_names, true));
end;
$$;

/** Policy, handling steps 2 and 4: the officer has matched the documents with the request and checked their validity. */
create function public.mark_documents_checked(p_request_id uuid, p_note text default null) returns public.request_events
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  target public.support_requests := internal.require_request(p_request_id);
  note text := nullif(internal.js_trim(coalesce(p_note, '')), '');
  added public.request_events;
begin
  if char_length(note) > 2000 then perform internal.refuse('note_length', 'note'); end if;
  if note ~ internal.description_hidden_characters() then perform internal.refuse('note_characters', 'note'); end if;
  if not exists (select 1 from public.request_documents d where d.request_id = target.id) then
    perform internal.refuse('documents_none', null, 'P0001');
  end if;
  insert into public.request_events (request_id, kind, actor_id, actor_role, note)
  values (target.id, 'documents_checked', me.user_id, me.role, note)
  returning * into added;
  return added;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Refused and abandoned uploads (Edge Functions only)                                       */
/* ---------------------------------------------------------------------------------------- */

/** Which of these names are reserved uploads, not (yet) documents: the only files an Edge Function may remove. */
create function public.reserved_document_uploads(p_object_names text[]) returns text[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(u.object_name order by u.object_name), '{}') from internal.document_uploads u
   where u.object_name = any (p_object_names)
$$;

/** Forgets reserved uploads whose files were removed; never a document. */
create function public.discard_document_uploads(p_object_names text[]) returns integer
language sql volatile security definer set search_path = '' as $$
  with gone as (delete from internal.document_uploads u where u.object_name = any (p_object_names) returning 1)
  select count(*)::integer from gone
$$;

/**
 * Uploads reserved longer ago than `p_older_than` and never accepted (a signed upload URL lives
 * 2 hours): the hourly request-documents-cleanup function removes their files, then discards them.
 */
create function public.abandoned_document_uploads(p_older_than interval default interval '3 hours') returns text[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(u.object_name order by u.created_at), '{}') from (
    select u.object_name, u.created_at from internal.document_uploads u
     where u.created_at < now() - greatest(p_older_than, interval '3 hours') order by u.created_at limit 1000) u
$$;

revoke all on function public.reserve_staff_documents(uuid, jsonb), public.my_document_uploads(uuid, text[]),
  public.accept_staff_documents(uuid, text[]),
  public.mark_documents_checked(uuid, text), public.reserved_document_uploads(text[]), public.discard_document_uploads(text[]),
  public.abandoned_document_uploads(interval)
  from public, anon, authenticated, service_role;
grant execute on function public.reserve_staff_documents(uuid, jsonb), public.my_document_uploads(uuid, text[]),
  public.mark_documents_checked(uuid, text) to authenticated;
grant execute on function public.accept_staff_documents(uuid, text[]), public.reserved_document_uploads(text[]),
  public.discard_document_uploads(text[]), public.abandoned_document_uploads(interval) to service_role;
