import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv';

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark and keeps Arabic intact', () => {
    const csv = toCsv(['reference', 'full_name'], [{ reference: 'IRT-0000ABCD', full_name: 'محمد عبدالله' }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('reference,full_name\r\nIRT-0000ABCD,محمد عبدالله\r\n');
  });
  it('quotes commas, quotes and line breaks and defuses formulas', () => {
    const csv = toCsv(['a'], [{ a: 'x, "y"\nz' }, { a: '=HYPERLINK("x")' }, { a: null }]);
    expect(csv.slice(1)).toBe('a\r\n"x, ""y""\nz"\r\n"\'=HYPERLINK(""x"")"\r\n\r\n');
  });
});
