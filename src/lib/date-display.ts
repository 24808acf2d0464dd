import type { Locale } from '../i18n';

/**
 * A date as people read it: Gregorian first, then the Umm al-Qura Hijri date (DESIGN.md: dates
 * are shown in both). Arabic uses Latin digits, as Saudi government sites do, so numbers read
 * the same everywhere on the site.
 */
const GREGORIAN: Record<Locale, string> = { ar: 'ar-SA-u-ca-gregory-nu-latn', en: 'en-GB' };
const HIJRI: Record<Locale, string> = { ar: 'ar-SA-u-ca-islamic-umalqura-nu-latn', en: 'en-GB-u-ca-islamic-umalqura' };

export function formatDate(date: Date, locale: Locale): string {
  const format = (tag: string) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Asia/Riyadh' }).format(date);
  return `${format(GREGORIAN[locale])} (${format(HIJRI[locale])})`;
}
