import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_MAP, RETENTION_YEARS_AFTER_CLOSING } from '../../src/lib/personal-data-map';
import { withDb } from './support/clients';
import { NOT_PERSONAL_COLUMNS } from './support/not-personal-columns';

/**
 * The data map (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights") is one
 * declaration per layer: internal.personal_data_map in SQL, PERSONAL_DATA_MAP in TypeScript. Every
 * column of every table in `public` and `internal` is either in the map or in the reviewed list of
 * columns that hold no personal data, so a migration that adds a column fails here until it is
 * classified.
 */
const query = <T = Record<string, unknown>>(sql: string) => withDb(async (db) => (await db.query(sql)).rows as T[]);
const key = (table: string, column: string) => `${table}.${column}`;

async function schemaColumns(): Promise<string[]> {
  const rows = await query<{ table_name: string; column_name: string }>(
    `select c.table_schema || '.' || c.table_name as table_name, c.column_name
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema in ('public', 'internal')`,
  );
  return rows.map((r) => key(r.table_name, r.column_name)).sort();
}

describe('the data map', () => {
  it('is the same in internal.personal_data_map and src/lib/personal-data-map.ts', async () => {
    const rows = await query(
      `select table_name as table, column_name as column, category, purpose, seen_by as "seenBy", kept, replacement
         from internal.personal_data_map order by table_name, column_name`,
    );
    const sorted = [...PERSONAL_DATA_MAP].sort((a, b) => key(a.table, a.column).localeCompare(key(b.table, b.column), 'en'));
    expect(rows).toEqual(sorted.map((e) => ({ ...e })));
  });

  it('keeps a request the same number of years after closing in SQL and TypeScript', async () => {
    const [row] = await query<{ years: string }>(`select extract(year from internal.retention_after_closing()) as years`);
    expect(Number(row!.years)).toBe(RETENTION_YEARS_AFTER_CLOSING);
  });

  it('names only columns that exist', async () => {
    const columns = new Set(await schemaColumns());
    expect(PERSONAL_DATA_MAP.map((e) => key(e.table, e.column)).filter((c) => !columns.has(c))).toEqual([]);
    const reviewed = Object.entries(NOT_PERSONAL_COLUMNS).flatMap(([table, names]) => names.map((n) => key(table, n)));
    expect(reviewed.filter((c) => !columns.has(c))).toEqual([]);
  });

  it('has an entry for every column that holds personal data: each column is mapped or reviewed as not personal, never both', async () => {
    const mapped = new Set(PERSONAL_DATA_MAP.map((e) => key(e.table, e.column)));
    const reviewed = new Set(Object.entries(NOT_PERSONAL_COLUMNS).flatMap(([table, names]) => names.map((n) => key(table, n))));
    const columns = await schemaColumns();
    expect(columns.filter((c) => !mapped.has(c) && !reviewed.has(c))).toEqual([]);
    expect([...mapped].filter((c) => reviewed.has(c))).toEqual([]);
  });

  it('replaces every field a request keeps for its retention with a value its checks accept', async () => {
    // Each table the anonymisation writes must hold the request's id to be found by it.
    const retained = PERSONAL_DATA_MAP.filter((e) => ['retention', 'until_accepted'].includes(e.kept));
    const tables = [...new Set(retained.map((e) => e.table))].filter((t) => t !== 'public.support_requests');
    const withRequest = await query<{ table_name: string }>(
      `select table_schema || '.' || table_name as table_name from information_schema.columns where column_name = 'request_id'`,
    );
    expect(tables.filter((t) => !withRequest.some((r) => r.table_name === t))).toEqual([]);
  });
});
