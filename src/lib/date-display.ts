import { DAY_MS } from './decision-window';
import { RIYADH_TIME_ZONE } from '../../supabase/functions/_shared/pure/dates.ts';

/**
 * A date as people read it: Gregorian first, then the Umm al-Qura Hijri date (docs/ARCHITECTURE.md,
 * "Languages, dates and numbers"), in Riyadh's time zone, the association's calendar day. Arabic uses Latin
 * digits, as Saudi government sites do, so numbers read the same everywhere: static pages, forms,
 * the staff workspace and the messages the notify function sends all format dates with the same
 * code, which lives beside the functions (supabase/functions/_shared/pure/dates.ts) so it deploys with them.
 */
export { formatDate, gregorianDate, hijriDate, RIYADH_TIME_ZONE } from '../../supabase/functions/_shared/pure/dates.ts';

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
