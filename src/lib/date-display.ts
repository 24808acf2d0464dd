import { DAY_MS } from './decision-window';
import type { Locale } from './locale';

/**
 * A date as people read it: Gregorian first, then the Umm al-Qura Hijri date (docs/ARCHITECTURE.md,
 * "Languages, dates and numbers"), in Riyadh's time zone, the association's calendar day. Arabic uses Latin
 * digits, as Saudi government sites do, so numbers read the same everywhere: static pages, forms
 * and the staff workspace all format dates here.
 */
const GREGORIAN: Record<Locale, string> = { ar: 'ar-SA-u-ca-gregory-nu-latn', en: 'en-GB' };
const HIJRI: Record<Locale, string> = { ar: 'ar-SA-u-ca-islamic-umalqura-nu-latn', en: 'en-GB-u-ca-islamic-umalqura' };
export const RIYADH_TIME_ZONE = 'Asia/Riyadh';

type Style = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;
const LONG: Style = { dateStyle: 'long' };

export const gregorianDate = (date: Date, locale: Locale, style: Style = LONG) =>
  new Intl.DateTimeFormat(GREGORIAN[locale], { ...style, timeZone: RIYADH_TIME_ZONE }).format(date);

export const hijriDate = (date: Date, locale: Locale, style: Style = LONG) =>
  new Intl.DateTimeFormat(HIJRI[locale], { ...style, timeZone: RIYADH_TIME_ZONE }).format(date);

export function formatDate(date: Date, locale: Locale): string {
  return `${gregorianDate(date, locale)} (${hijriDate(date, locale)})`;
}

/** The calendar day in Riyadh, as a day number, so "days left" does not drift with the hour. */
function riyadhDay(date: Date): number {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: RIYADH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date)
    .split('-')
    .map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

/** Whole days from `now` to `due` (0 on the day itself, negative once it has passed). */
export function daysUntil(due: Date, now: Date = new Date()): number {
  return riyadhDay(due) - riyadhDay(now);
}
