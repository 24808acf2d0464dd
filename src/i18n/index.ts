import ar from './ar.json';
import en from './en.json';

/** Arabic first: it is served at `/`, English at `/en/`. */
export const locales = ['ar', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ar';

export type Messages = Record<string, string>;
export const messages: Record<Locale, Messages> = { ar, en };

export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function dirOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'ar' ? 'en' : 'ar';
}

/** Names of the `{placeholders}` in a message, sorted (the parity test compares them). */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/**
 * The UI string `key` in `locale`, with `{name}` placeholders filled from `params`.
 * A missing key throws, so a typo fails the build instead of showing a raw key to a person.
 */
export function t(locale: Locale, key: string, params?: Params): string {
  const message = messages[locale][key];
  if (message === undefined) throw new Error(`Missing UI string "${key}" for locale "${locale}"`);
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `/en/policy` → `{ locale: 'en', path: '/policy' }`; `/policy` → `{ locale: 'ar', path: '/policy' }`. */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
  const match = /^\/en(\/.*)?$/.exec(pathname);
  if (match) return { locale: 'en', path: match[1] || '/' };
  return { locale: defaultLocale, path: pathname || '/' };
}

/**
 * The address of `path` (written without a locale prefix, e.g. `/policy` or `/policy#goals`)
 * in `locale`: Arabic unprefixed, English under `/en`.
 */
export function localePath(locale: Locale, path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  const { path: bare } = splitLocalePath(withSlash);
  if (locale === defaultLocale) return bare;
  return bare === '/' ? '/en/' : `/en${bare}`;
}
