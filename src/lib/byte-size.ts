import type { Locale } from './locale';

/** "2.4 MB", "300 KB" in the reader's language (Latin digits, as every number on the site). */
export function formatBytes(bytes: number, locale: Locale): string {
  const tag = locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB';
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    Math.max(value, 0.1),
  );
}
