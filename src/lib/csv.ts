/**
 * CSV for Excel: UTF-8 with a byte order mark (without it Excel reads Arabic as mojibake),
 * CRLF line ends, every field quoted when it holds a comma, quote or line break. Cells that
 * start with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export const UTF8_BOM = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The first part of a file: the byte order mark and the header line. */
export function csvHeader(columns: readonly string[]): string {
  return UTF8_BOM + columns.map(cell).join(',') + '\r\n';
}

/** The lines of some rows, to append after the header (a file can be written a chunk at a time). */
export function csvLines(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return rows.map((row) => columns.map((c) => cell(row[c])).join(',') + '\r\n').join('');
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return csvHeader(columns) + csvLines(columns, rows);
}
