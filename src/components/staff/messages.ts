import ar from '../../i18n/ar.json';
import en from '../../i18n/en.json';
import type { Messages } from './i18n';

/** Server-side (Astro frontmatter): the keys an island needs, so it ships no other strings. */
export function messagesWithPrefix(locale: 'ar' | 'en', prefixes: readonly string[]): Messages {
  const all: Messages = locale === 'ar' ? ar : en;
  return Object.fromEntries(Object.entries(all).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}
