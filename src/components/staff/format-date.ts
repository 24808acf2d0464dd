import { gregorianDate, hijriDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';

/** The workspace's compact date: medium style in both calendars (with the time when asked), '—' when there is none. */
export function formatDate(locale: string, iso: string | null | undefined, withTime = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const lang: Locale = locale === 'ar' ? 'ar' : 'en';
  const style = withTime ? ({ dateStyle: 'medium', timeStyle: 'short' } as const) : ({ dateStyle: 'medium' } as const);
  return `${gregorianDate(date, lang, style)} (${hijriDate(date, lang, { dateStyle: 'medium' })})`;
}
