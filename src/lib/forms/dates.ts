import { DAY_MS } from '../decision-window';
import { RIYADH_TIME_ZONE } from '../date-display';
import type { Locale } from '../../i18n';

/** Dates in both calendars come from the site-wide formatter, so every page reads the same. */
export { gregorianDate, hijriDate } from '../date-display';
export type FormLocale = Locale;

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
