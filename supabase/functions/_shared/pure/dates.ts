// Dates as people read them: Gregorian first, then the Umm al-Qura Hijri date (docs/ARCHITECTURE.md,
// "Languages, dates and numbers"), in Riyadh's time zone, with Latin digits in both languages. Pure
// (no Deno, no packages): the site (src/lib/date-display.ts) and the Edge Functions share this file.
type Locale = 'ar' | 'en';

const GREGORIAN: Record<Locale, string> = { ar: 'ar-SA-u-ca-gregory-nu-latn', en: 'en-GB' };
const HIJRI: Record<Locale, string> = { ar: 'ar-SA-u-ca-islamic-umalqura-nu-latn', en: 'en-GB-u-ca-islamic-umalqura' };
export const RIYADH_TIME_ZONE = 'Asia/Riyadh';

export type DateStyle = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;
const LONG: DateStyle = { dateStyle: 'long' };

export const gregorianDate = (date: Date, locale: Locale, style: DateStyle = LONG) =>
  new Intl.DateTimeFormat(GREGORIAN[locale], { ...style, timeZone: RIYADH_TIME_ZONE }).format(date);

export const hijriDate = (date: Date, locale: Locale, style: DateStyle = LONG) =>
  new Intl.DateTimeFormat(HIJRI[locale], { ...style, timeZone: RIYADH_TIME_ZONE }).format(date);

/** "12 January 2027 (4 Shaʻban 1448 AH)": the form pages, emails and SMS give a date in. */
export function formatDate(date: Date, locale: Locale): string {
  return `${gregorianDate(date, locale)} (${hijriDate(date, locale)})`;
}
