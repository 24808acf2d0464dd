/**
 * Dates as Saudi readers expect them: Gregorian and Umm al-Qura Hijri side by side, in the
 * Riyadh time zone (the decision window is counted in calendar days there).
 */
export type FormLocale = 'ar' | 'en';

const HIJRI: Record<FormLocale, string> = {
  ar: 'ar-SA-u-ca-islamic-umalqura',
  en: 'en-SA-u-ca-islamic-umalqura',
};
const GREGORIAN: Record<FormLocale, string> = { ar: 'ar-SA-u-ca-gregory', en: 'en-GB' };
const ZONE = 'Asia/Riyadh';
const DAY_MS = 86_400_000;

const format = (tag: string, date: Date) =>
  new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: ZONE }).format(date);

export function gregorianDate(date: Date, locale: FormLocale): string {
  return format(GREGORIAN[locale], date);
}

export function hijriDate(date: Date, locale: FormLocale): string {
  return format(HIJRI[locale], date);
}

/** The calendar day in Riyadh, as a day number, so "days left" does not drift with the hour. */
function riyadhDay(date: Date): number {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date)
    .split('-')
    .map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

/** Whole days from `now` to `due` (0 on the day itself, negative once it has passed). */
export function daysUntil(due: Date, now: Date = new Date()): number {
  return riyadhDay(due) - riyadhDay(now);
}
