import type { SupabaseClient } from '@supabase/supabase-js';
import { ruleKeyOf } from './rpc-outcome';

/**
 * The CSV export, read a chunk at a time (at most 1,000 rows a call), in submission order, each
 * chunk after the last row of the one before (created_at, then id), so every call is an index range
 * however far the export has gone. The caller turns each chunk into CSV and lets it go, so the
 * browser never holds every row at once.
 * Requests come from the database's export (start_request_export, then request_export_page), which
 * records the export in the access log and masks national IDs and mobiles unless an admin gave a
 * reason; surveys are read with row-level security.
 */
export const EXPORT_KINDS = ['requests', 'surveys'] as const;
const SURVEYS = {
  table: 'satisfaction_surveys',
  select: 'id,created_at,channel,overall,courtesy,clarity,speed,ease,recommend,comment,locale,support_requests(reference)',
};
export type ExportKind = (typeof EXPORT_KINDS)[number];

const CHUNK = 1000;

export interface ExportRange {
  /** Submitted (or answered) on or after; null: from the start. */
  since: Date | null;
  /** Requests only: an admin's reason for the national IDs and mobiles in full (recorded with the export). */
  reason?: string | null;
}

/** Refused by the database with a rule key (null: not a refusal, e.g. the network or a 5xx: try again). */
export class ExportRefused extends Error {
  constructor(readonly ruleKey: string | null) {
    super(ruleKey ?? 'export_refused');
  }
}

async function exportRequests(db: SupabaseClient, range: ExportRange, onRows: (rows: Record<string, unknown>[]) => void): Promise<number> {
  const started = await db.rpc('start_request_export', { p_since: range.since?.toISOString() ?? null, p_reason: range.reason ?? null });
  if (started.error) throw new ExportRefused(ruleKeyOf(started.error, started.status));
  const exportId = (started.data as { export_id: number }).export_id;
  let after: { created_at: string; id: string } | null = null;
  let total = 0;
  for (;;) {
    const { data, error, status } = await db.rpc('request_export_page', {
      p_export_id: exportId, p_after_created_at: after?.created_at ?? null, p_after_id: after?.id ?? null,
    });
    if (error) throw new ExportRefused(ruleKeyOf(error, status));
    const rows = (data ?? []) as Record<string, unknown>[];
    if (rows.length === 0) return total;
    onRows(rows);
    total += rows.length;
    if (rows.length < CHUNK) return total;
    const last = rows[rows.length - 1]!;
    after = { created_at: String(last.created_at), id: String(last.id) };
  }
}

/**
 * Calls `onRows` with each chunk in order; answers how many rows there were. Throws if the database
 * refuses. `db`: the staff session's client (staff.ts passes its own; the benchmark one of its own).
 */
export async function exportRows(db: SupabaseClient, kind: ExportKind, range: ExportRange, onRows: (rows: Record<string, unknown>[]) => void): Promise<number> {
  if (kind === 'requests') return exportRequests(db, range, onRows);
  const { table, select } = SURVEYS;
  let after: { created_at: string; id: string } | null = null;
  let total = 0;
  for (;;) {
    let query = db.from(table).select(select);
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
    onRows(rows.map(withReference));
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
