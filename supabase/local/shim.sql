-- Platform shim: what a hosted Supabase project already provides, created for the embedded
-- local stack only. Never applied to a hosted project. Mirrors Supabase's roles and the
-- `extensions` schema; the `auth` schema is in auth-schema.sql.
-- Deliberately NO default privileges: a migration that forgets a GRANT fails here too.

-- Roles ---------------------------------------------------------------------------------------
-- Roles belong to the cluster, so a second database (tests) finds them already there.
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
    create role authenticated nologin noinherit;
    create role service_role nologin noinherit bypassrls;
    create role authenticator login noinherit password 'postgres';
  end if;
end
$$;
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;

-- PostgREST answers as these roles with statement limits like Supabase's.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';

-- Schemas -------------------------------------------------------------------------------------
create schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension pgcrypto with schema extensions;

-- Hosted projects grant schema usage on public to the API roles (table grants stay explicit).
revoke create on schema public from public;
grant usage on schema public to anon, authenticated, service_role;

-- The `auth` schema (GoTrue's tables and helper functions) is in auth-schema.sql, applied on
-- every start so that older data folders catch up.

-- What `supabase db push` records; lets a warm start apply only new migrations.
create schema supabase_migrations;
create table supabase_migrations.schema_migrations (
  version text primary key,
  name text,
  applied_at timestamptz not null default now()
);
