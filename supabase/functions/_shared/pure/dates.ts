// Dates as people read them: Gregorian first, then the Umm al-Qura Hijri date (docs/ARCHITECTURE.md,
// "Languages, dates and numbers"), in Riyadh's time zone, with Latin digits in both languages. Pure
// (no Deno, no packages): the site (src/lib/date-display.ts) and the Edge Functions share this file.
type Locale = 'ar' | 'en';

const GREGORIAN: Record<Locale, string> = { ar: 'ar-SA-u-ca-gregory-nu-latn', en: 'en-GB' };
const HIJRI: Record<Locale, string> = { ar: 'ar-SA-u-ca-islamic-umalqura-nu-latn', en: 'en-GB-u-ca-islamic-umalqura' };
export const RIYADH_TIME_ZONE = 'Asia/Riyadh';

export type DateStyle = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;
const LONG: DateStyle = { dateStyle: 'long' };

// Making a formatter costs far more than using one (the notify function formats two dates per message).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tag: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${tag}|${style.dateStyle ?? ''}|${style.timeStyle ?? ''}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(tag, { ...style, timeZone: RIYADH_TIME_ZONE })));
  return found;
}

export const gregorianDate = (date: Date, locale: Locale, style: DateStyle = LONG) => formatter(GREGORIAN[locale], style).format(date);

export const hijriDate = (date: Date, locale: Locale, style: DateStyle = LONG) => formatter(HIJRI[locale], style).format(date);

/** "12 January 2027 (4 Shaʻban 1448 AH)": the form pages, emails and SMS give a date in. */
export function formatDate(date: Date, locale: Locale): string {
  return `${gregorianDate(date, locale)} (${hijriDate(date, locale)})`;
}
