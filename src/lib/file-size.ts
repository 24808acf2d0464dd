import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from './locale';

/** Size of a file under public/ (e.g. `/uploads/bylaws.pdf`), for "PDF, 2 KB" beside a link. */
export function publicFileBytes(publicPath: string): number {
  // Builds run from the project root (import.meta.url points into dist/ once bundled).
  return statSync(join(process.cwd(), 'public', publicPath)).size;
}

export function formatBytes(bytes: number, locale: Locale): string {
  const tag = locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB';
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    Math.max(value, 0.1),
  );
}
