import arStrings from './ar.json';
import enStrings from './en.json';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../lib/locale';
import { ISLAND_STRINGS, type Island, type IslandMessages } from './islands';
import { fill, placeholdersOf, translator, type MessageKey, type Messages, type Params, type Translate } from './translate';
import { windowParams } from './window-wording';

/**
 * UI strings for pages (at build time) and the slices islands receive. Only .astro files and
 * build-time code import this module: it holds both locale files.
 */
export { LOCALES as locales, placeholdersOf, type Locale, type MessageKey };

function loaded(strings: Messages, locale: Locale): Messages {
  const params = windowParams(locale);
  return Object.fromEntries(Object.entries(strings).map(([key, message]) => [key, fill(message, params)])) as Messages;
}

/** Both locale files, the decision window filled in (./window-wording.ts). English must have every Arabic key. */
export const messages: Record<Locale, Messages> = { ar: loaded(arStrings, 'ar'), en: loaded(enStrings satisfies Messages, 'en') };
const translators: Record<Locale, Translate> = { ar: translator(messages.ar), en: translator(messages.en) };

/**
 * The UI string `key` in `locale`, with `{name}` placeholders filled from `params`.
 * A key that does not exist fails the type check, and throws if one is built at run time.
 */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return translators[locale](key, params);
}

/** For keys built from content (a policy step an editor adds later may have no explanation yet). */
export function optionalT(locale: Locale, key: string, params?: Params): string | undefined {
  const translate = translators[locale];
  return translate.has(key) ? translate(key, params) : undefined;
}

/** The strings an island uses (src/i18n/islands.ts), picked at build time so it ships no others. */
export function islandMessages<I extends Island>(locale: Locale, island: I): IslandMessages<I> {
  const prefixes: readonly string[] = ISLAND_STRINGS[island];
  return Object.fromEntries(Object.entries(messages[locale]).filter(([key]) => prefixes.some((p) => key.startsWith(p)))) as IslandMessages<I>;
}

export function dirOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'ar' ? 'en' : 'ar';
}

/** `/en/policy` → `{ locale: 'en', path: '/policy' }`; `/policy` → `{ locale: 'ar', path: '/policy' }`. */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
  const match = /^\/en(\/.*)?$/.exec(pathname);
  if (match) return { locale: 'en', path: match[1] || '/' };
  return { locale: DEFAULT_LOCALE, path: pathname || '/' };
}

/**
 * The address of `path` (written without a locale prefix, e.g. `/policy` or `/policy#goals`)
 * in `locale`: Arabic unprefixed, English under `/en`.
 */
export function localePath(locale: Locale, path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  const { path: bare } = splitLocalePath(withSlash);
  if (locale === DEFAULT_LOCALE) return bare;
  return bare === '/' ? '/en/' : `/en${bare}`;
}
