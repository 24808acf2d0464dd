import { exportAccessLog, type AccessLogFilter } from '../../api/staff';
import type { AccessLogRow, StaffMember } from '../../api/staff-types';
import { csvHeader, csvLines } from '../../lib/csv';
import { saveCsv } from './save-file';

const COLUMNS = ['created_at', 'actor', 'actor_id', 'actor_role', 'kind', 'reference', 'request_id', 'field', 'export_since', 'full_values', 'reason'] as const;

/** The access log's matching rows as an Excel-ready CSV file, downloaded at once; answers how many rows. */
export async function downloadAccessLog(filter: AccessLogFilter, staff: readonly StaffMember[], fileName: string): Promise<number> {
  const names = new Map(staff.map((s) => [s.user_id, s.full_name]));
  const parts = [csvHeader(COLUMNS)];
  const count = await exportAccessLog(filter, (rows: AccessLogRow[]) => {
    parts.push(csvLines(COLUMNS, rows.map((r) => ({ ...r, actor: names.get(r.actor_id) ?? '', reference: r.support_requests?.reference ?? '' }))));
  });
  saveCsv(parts, fileName);
  return count;
}
