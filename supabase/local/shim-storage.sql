-- Platform shim, Storage part: the `storage` schema as a hosted Supabase project has it (from the
-- supabase/storage server's own migrations, 0001-0061), so that migrations which create buckets
-- (`insert into storage.buckets ...`) and policies on `storage.objects` apply unchanged to both.
-- Local stack only, never applied to a hosted project. Applied to a database that has no
-- `storage` schema yet (new ones, and data folders created before Storage existed locally).
-- Left out: the S3 multipart, analytics, vector and iceberg tables, the prefix tables and the
-- versioning columns still "dark" on hosted (0062), storage.migrations.

-- Schema and privileges ------------------------------------------------------------------------
-- As hosted: the API roles hold every privilege on the storage tables; RLS decides.
create schema storage;
grant usage on schema storage to anon, authenticated, service_role;

create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');

-- Buckets --------------------------------------------------------------------------------------
create table storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype not null default 'STANDARD'
);
alter table storage.buckets enable row level security;
create unique index bname on storage.buckets using btree (name);
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';

-- Objects --------------------------------------------------------------------------------------
create table storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
alter table storage.objects enable row level security;
create unique index bucketid_objname on storage.objects using btree (bucket_id, name);
create index name_prefix_search on storage.objects (name text_pattern_ops);
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';

grant all on storage.buckets, storage.objects to anon, authenticated, service_role;

-- Path helpers used in policies ------------------------------------------------------------------
create function storage.foldername(name text) returns text[] language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end
$$;

create function storage.filename(name text) returns text language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

create function storage.extension(name text) returns text language plpgsql immutable as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to anon, authenticated, service_role;

-- Listing (what `POST /object/list/<bucket>` runs, as the caller, under RLS) ---------------------
-- The same signature and result as hosted's storage.search; folders come first, then files.
create function storage.search(
  prefix text,
  bucketname text,
  limits int default 100,
  levels int default 1,
  offsets int default 0,
  search text default '',
  sortcolumn text default 'name',
  sortorder text default 'asc'
) returns table (name text, id uuid, updated_at timestamptz, created_at timestamptz, last_accessed_at timestamptz, metadata jsonb)
language plpgsql stable security invoker as $$
declare
  v_prefix text := coalesce(prefix, '') || coalesce(search, '');
  v_start int := coalesce(array_length(string_to_array(coalesce(prefix, ''), '/'), 1), 1);
  v_levels int := coalesce(array_length(string_to_array(coalesce(prefix, '') || coalesce(search, ''), '/'), 1), 1);
  v_order text := case when lower(coalesce(sortorder, 'asc')) = 'desc' then 'desc' else 'asc' end;
  v_column text := case lower(coalesce(sortcolumn, 'name'))
    when 'updated_at' then 'updated_at' when 'created_at' then 'created_at'
    when 'last_accessed_at' then 'last_accessed_at' else 'name' end;
begin
  return query execute format(
    $sql$
    with folders as (
      select array_to_string(o.path_tokens[$1:$2], '/') as folder
        from storage.objects o
       where o.name ilike $3 || '%%' and o.bucket_id = $4 and array_length(o.path_tokens, 1) <> $2
       group by folder
    )
    (select folder, null::uuid, null::timestamptz, null::timestamptz, null::timestamptz, null::jsonb
       from folders order by folder %s)
    union all
    (select array_to_string(o.path_tokens[$1:$2], '/'), o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
       from storage.objects o
      where o.name ilike $3 || '%%' and o.bucket_id = $4 and array_length(o.path_tokens, 1) = $2
      order by %I %s)
    limit $5 offset $6
    $sql$, v_order, v_column, v_order)
  using v_start, v_levels, v_prefix, bucketname, least(coalesce(limits, 100), 1500), coalesce(offsets, 0);
end
$$;

grant execute on function storage.search(text, text, int, int, int, text, text, text) to anon, authenticated, service_role;

-- Deleting rows directly would orphan files: only the Storage API may (it sets the flag) ----------
create function storage.protect_delete() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;

create trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();
create trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();
