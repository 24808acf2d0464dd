import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { ports } from '../../config/ports.mjs';
import { applyDatabase } from '../../supabase/local/apply.mjs';
import { withDb } from './support/clients';

// submit_support_request twice: the function, and its overload that takes the choice of updates (issue 13).
const ANON_FUNCTIONS = ['get_request_status', 'resume_messages', 'service_stats', 'stop_messages', 'submit_satisfaction_survey', 'submit_support_request', 'submit_support_request'];
const anonTableGrants = `select table_schema, table_name, privilege_type from information_schema.role_table_grants
   where grantee in ('anon', 'PUBLIC') and table_schema in ('public', 'internal')`;
const anonFunctions = `select p.proname from pg_proc p where p.pronamespace in ('public'::regnamespace, 'internal'::regnamespace)
   and has_function_privilege('anon', p.oid, 'execute') order by 1`;

describe('the schema protects every table', () => {
  it('has row-level security on every table in public', async () => {
    const tables = await withDb(async (db) =>
      (await db.query(`select relname, relrowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')`)).rows,
    );
    expect(tables.length).toBeGreaterThanOrEqual(4);
    expect(tables.filter((t) => !t.relrowsecurity).map((t) => t.relname)).toEqual([]);
  });

  it('gives anon no privilege on any table, view or sequence', async () => {
    const grants = await withDb(async (db) => (await db.query(anonTableGrants)).rows);
    expect(grants).toEqual([]);
    const columns = await withDb(async (db) =>
      (await db.query(`select table_name, column_name from information_schema.column_privileges where grantee = 'anon' and table_schema = 'public'`)).rows,
    );
    expect(columns).toEqual([]);
  });

  it('lets anon execute exactly the public functions', async () => {
    const functions = await withDb(async (db) => (await db.query(anonFunctions)).rows.map((r) => r.proname));
    expect(functions).toEqual(ANON_FUNCTIONS);
  });

  it('runs every function anon can call as security definer with an empty search path', async () => {
    const loose = await withDb(async (db) =>
      (await db.query(
        `select p.proname from pg_proc p where p.pronamespace = 'public'::regnamespace
            and (not p.prosecdef or not coalesce(p.proconfig @> array['search_path=""'], false))`,
      )).rows,
    );
    expect(loose).toEqual([]);
  });

  it('names every check of support_requests after a rule key of the shared schema', async () => {
    const { RULE_FIELDS } = await import('../../src/schemas/support-request');
    const names = await withDb(async (db) =>
      (await db.query(`select conname from pg_constraint where conrelid = 'public.support_requests'::regclass and contype = 'c'`)).rows.map((r) => r.conname as string),
    );
    const ruleKeys = Object.keys(RULE_FIELDS).filter((k) => !['honeypot_filled', 'filled_too_fast', 'mobile_daily_limit'].includes(k));
    for (const key of ruleKeys) expect(names).toContain(`support_requests_${key}`);
  });

  it('still leaves anon nothing on a project that grants new objects to the API roles by default', async () => {
    await withDb((db) => db.query('drop database if exists hosted_like').then(() => db.query('create database hosted_like')));
    const hosted = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${ports.db}/hosted_like` });
    await hosted.connect();
    try {
      await hosted.query('set client_min_messages = warning');
      // What older hosted projects do for every object the `postgres` role creates in public.
      await applyDatabase(hosted, { created: true, seed: false, beforeMigrations: `
        alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
        alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
        alter default privileges in schema public grant all on functions to anon, authenticated, service_role;` });
      expect((await hosted.query(anonTableGrants)).rows).toEqual([]);
      expect((await hosted.query(anonFunctions)).rows.map((r) => r.proname)).toEqual(ANON_FUNCTIONS);
    } finally {
      await hosted.end();
      await withDb((db) => db.query('drop database hosted_like'));
    }
  });
});
