import { gregorianDate, hijriDate } from '../../lib/date-display';
import type { Locale } from '../../i18n';
/** Island-side strings: the page passes the slice of the locale file the island needs. */
export type Messages = Record<string, string>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function makeT(messages: Messages): Translate {
  return (key, params) => {
    const text = messages[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

export function formatDate(locale: string, iso: string | null | undefined, withTime = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const lang: Locale = locale === 'ar' ? 'ar' : 'en';
  const style = withTime ? ({ dateStyle: 'medium', timeStyle: 'short' } as const) : ({ dateStyle: 'medium' } as const);
  return `${gregorianDate(date, lang, style)} (${hijriDate(date, lang, { dateStyle: 'medium' })})`;
}
