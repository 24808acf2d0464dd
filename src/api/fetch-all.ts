import { staffClient } from './staff-client';

const CHUNK = 1000;

/** Reads a whole table (or up to `max` rows) in range requests, as PostgREST caps each response. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Narrow = (query: any) => any;

export async function fetchAll(table: string, columns: string, order: string, max = 200_000, narrow: Narrow = (q) => q): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (let from = 0; from < max; from += CHUNK) {
    const { data, error } = await narrow(staffClient.from(table).select(columns)).order(order, { ascending: true }).range(from, from + CHUNK - 1);
    if (error) throw error;
    rows.push(...((data ?? []) as unknown as Record<string, unknown>[]));
    if (!data || data.length < CHUNK) break;
  }
  return rows;
}
