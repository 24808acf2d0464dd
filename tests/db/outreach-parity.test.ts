// The moments and channels of outreach are defined once in SQL and once in TypeScript
// (docs/ARCHITECTURE.md, "Where each rule lives"); this file reads the SQL side and fails,
// naming the difference, where the two disagree.
import { describe, expect, it } from 'vitest';
import { MOMENT_FACTS, OUTREACH_CHANNELS, OUTREACH_MOMENTS } from '../../supabase/functions/_shared/pure/moments.ts';
import { LINK_PATH_MAX, STOP_PATH_LENGTH } from '../../supabase/functions/_shared/pure/templates.ts';
import { submitRequest, requestId, withDb } from './support/clients';

const query = <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => withDb(async (db) => (await db.query(sql, values)).rows as T[]);
const enumValues = async (type: string) => (await query<{ value: string }>(`select unnest(enum_range(null::${type}))::text as value`)).map((r) => r.value);

describe('outreach in SQL and TypeScript', () => {
  it('has the moments and channels of moments.ts, in order', async () => {
    expect(await enumValues('public.outreach_moment')).toEqual([...OUTREACH_MOMENTS]);
    expect(await enumValues('public.outreach_channel')).toEqual([...OUTREACH_CHANNELS]);
  });

  it('gives each moment the facts MOMENT_FACTS gives it', async () => {
    const rows = await query<{ moment: string; decision: boolean; carriesNote: boolean }>(
      `select moment::text, is_decision as decision, carries_note as "carriesNote" from internal.outreach_moments order by moment`,
    );
    expect(Object.fromEntries(rows.map(({ moment, ...facts }) => [moment, facts]))).toEqual(MOMENT_FACTS);
  });

  it('builds links no longer than the SMS budget: the stop link exactly, the beneficiary’s page within LINK_PATH_MAX', async () => {
    const id = await requestId((await submitRequest()).reference);
    const [paths] = await query<{ stop: string; track: string; survey: string }>(
      `select internal.stop_link_path($1) as stop, internal.beneficiary_link_path($1, 'request_received') as track,
              internal.beneficiary_link_path($1, 'service_delivered') as survey`,
      [id],
    );
    expect(paths!.stop).toMatch(/^\/stop#[0-9A-HJKMNP-TV-Z]{15}$/);
    expect(paths!.stop).toHaveLength(STOP_PATH_LENGTH);
    for (const path of [paths!.track, paths!.survey]) expect(path.length).toBeLessThanOrEqual(LINK_PATH_MAX);
  });
});
