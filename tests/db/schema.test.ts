import { describe, expect, it } from 'vitest';
import { withDb } from './support/clients';

describe('the schema protects every table', () => {
  it('has row-level security on every table in public', async () => {
    const tables = await withDb(async (db) =>
      (await db.query(`select relname, relrowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')`)).rows,
    );
    expect(tables.length).toBeGreaterThanOrEqual(4);
    expect(tables.filter((t) => !t.relrowsecurity).map((t) => t.relname)).toEqual([]);
  });

  it('gives anon no privilege on any table, view or sequence', async () => {
    const grants = await withDb(async (db) =>
      (await db.query(
        `select table_schema, table_name, privilege_type from information_schema.role_table_grants
          where grantee in ('anon', 'PUBLIC') and table_schema in ('public', 'internal')`,
      )).rows,
    );
    expect(grants).toEqual([]);
    const columns = await withDb(async (db) =>
      (await db.query(`select table_name, column_name from information_schema.column_privileges where grantee = 'anon' and table_schema = 'public'`)).rows,
    );
    expect(columns).toEqual([]);
  });

  it('lets anon execute exactly the four public functions', async () => {
    const functions = await withDb(async (db) =>
      (await db.query(
        `select p.proname from pg_proc p where p.pronamespace in ('public'::regnamespace, 'internal'::regnamespace)
            and has_function_privilege('anon', p.oid, 'execute') order by 1`,
      )).rows.map((r) => r.proname),
    );
    expect(functions).toEqual(['get_request_status', 'service_stats', 'submit_satisfaction_survey', 'submit_support_request']);
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
});
