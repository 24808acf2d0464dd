import type { SupabaseClient } from '@supabase/supabase-js';

/**
 * The CSV export, read a chunk at a time (PostgREST answers at most 1,000 rows a call), in
 * submission order, each chunk after the last row of the one before (created_at, then id), so
 * every call is an index range however far the export has gone. Row-level security decides what
 * the member may read. The caller turns each chunk into CSV and lets it go, so the browser never
 * holds every row at once.
 */
export const EXPORT_KINDS = {
  requests: {
    table: 'support_requests',
    select: 'id,reference,created_at,status,full_name,national_id,mobile,email,city,category,request_type,preferred_channel,intake_channel,locale,decision_due_from,decision_due_by,decided_at,assigned_to,description',
  },
  surveys: {
    table: 'satisfaction_surveys',
    select: 'id,created_at,channel,overall,courtesy,clarity,speed,ease,recommend,comment,locale,support_requests(reference)',
  },
} as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

const CHUNK = 1000;

export interface ExportRange {
  /** Submitted (or answered) on or after; null: from the start. */
  since: Date | null;
}

/**
 * Calls `onRows` with each chunk in order; answers how many rows there were. Throws if the database
 * refuses. `db`: the staff session's client (staff.ts passes its own; the benchmark one of its own).
 */
export async function exportRows(db: SupabaseClient, kind: ExportKind, range: ExportRange, onRows: (rows: Record<string, unknown>[]) => void): Promise<number> {
  const { table, select } = EXPORT_KINDS[kind];
  let after: { created_at: string; id: string } | null = null;
  let total = 0;
  for (;;) {
    let query = db.from(table).select(select as string);
    if (range.since) query = query.gte('created_at', range.since.toISOString());
    // The `gte` gives the index range its start; the `or` steps past the rows already read.
    if (after) {
      query = query
        .gte('created_at', after.created_at)
        .or(`created_at.gt."${after.created_at}",and(created_at.eq."${after.created_at}",id.gt.${after.id})`);
    }
    const { data, error } = await query.order('created_at', { ascending: true }).order('id', { ascending: true }).limit(CHUNK);
    if (error) throw error;
    const rows = (data ?? []) as unknown as Record<string, unknown>[];
    if (rows.length === 0) return total;
    onRows(kind === 'surveys' ? rows.map(withReference) : rows);
    total += rows.length;
    if (rows.length < CHUNK) return total;
    const last = rows[rows.length - 1]!;
    after = { created_at: String(last.created_at), id: String(last.id) };
  }
}

/** A survey with its request's reference beside its own fields. */
function withReference(row: Record<string, unknown>): Record<string, unknown> {
  const request = row.support_requests as { reference: string } | null;
  return request ? { ...row, reference: request.reference } : row;
}
