import { SERVICE_STATS_MONTHS, type ServiceStats } from '../../api/service-stats';
import { gregorianDate, hijriDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { RATING_DIMENSIONS } from '../../schemas/satisfaction-survey-rules';

/**
 * Every figure the page shows, by the key its element carries (`data-figure`), as text. The build
 * writes these into the page and the live refresh writes them again from fresher figures, so the
 * two can never format a figure differently. Without figures (a build that could not reach the
 * API) every value is a placeholder, in the same places, until the live figures arrive.
 */
export type FigureValues = Map<string, string>;

export const PLACEHOLDER = '…';
export const SATISFACTION_ROWS = [...RATING_DIMENSIONS, 'recommend'] as const;

/** The months `service_stats()` reports, as it names them (`YYYY-MM`, UTC), oldest first. */
export function lastMonths(now: Date, count = SERVICE_STATS_MONTHS): string[] {
  return Array.from({ length: count }, (_, i) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1));
    return month.toISOString().slice(0, 7);
  });
}

export function figureValues(stats: ServiceStats | null, locale: Locale, hiddenText: string, now = new Date()): FigureValues {
  const number = new Intl.NumberFormat(locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en', { maximumFractionDigits: 1 });
  const shown = (v: number | null | undefined, suffix = '') =>
    stats === null ? PLACEHOLDER : v === null || v === undefined ? hiddenText : `${number.format(v)}${suffix}`;
  const share = stats?.decided_within_window_share ?? null;
  const values: FigureValues = new Map([
    ['requests_total', shown(stats?.requests_total)],
    ['decided_within_window_share', shown(share === null ? null : share * 100, '%')],
    ['median_days_to_decision', shown(stats?.median_days_to_decision)],
    ['survey_responses', shown(stats?.survey_responses)],
  ]);
  const months = stats?.months ?? lastMonths(now).map((month) => ({ month, submitted: null, decided: null }));
  months.forEach((m, i) => {
    values.set(`months.${i}.month`, m.month);
    values.set(`months.${i}.submitted`, shown(m.submitted));
    values.set(`months.${i}.decided`, shown(m.decided));
  });
  for (const row of SATISFACTION_ROWS) values.set(`satisfaction.${row}`, shown(stats?.satisfaction?.[row]));
  return values;
}

/** When the figures were computed, as people read it (Riyadh time, Gregorian and Hijri). */
export function computedAt(stats: ServiceStats, locale: Locale): string {
  const at = new Date(stats.generated_at);
  return `${gregorianDate(at, locale, { dateStyle: 'long', timeStyle: 'short' })} (${hijriDate(at, locale)})`;
}

/**
 * What the live refresh does with its answer: nothing when the page already shows these figures
 * (the database keeps them for 5 minutes); with none, a page built with figures keeps them as the
 * last published ones, and a page built without says it could not load any.
 */
export function refreshOf(live: ServiceStats | null, publishedAt: string | undefined): 'unchanged' | 'fresh' | 'stale' | 'failed' {
  if (live) return live.generated_at === publishedAt ? 'unchanged' : 'fresh';
  return publishedAt ? 'stale' : 'failed';
}
