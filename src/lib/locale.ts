/** Arabic first: it is served at `/`, English at `/en/` (docs/ARCHITECTURE.md, "Languages, dates and numbers"). */
export const LOCALES = ['ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ar';
