import arabic400 from '../assets/fonts/plex-arabic-400.woff2?url';
import arabic700 from '../assets/fonts/plex-arabic-700.woff2?url';
import latin400 from '../assets/fonts/plex-latin-400.woff2?url';
import latin700 from '../assets/fonts/plex-latin-700.woff2?url';
import type { Locale } from '../lib/locale';

/**
 * The font files every page of a language uses from its first screen (./fonts.css): the header
 * alone needs them (the site's name in bold, the other language's name in the language switch,
 * spaces, which are in the Latin subset). Preloaded, they arrive with the stylesheet rather than
 * after it, so with `font-display: optional` a first visit gets them in time more often, and the
 * page never reflows for them (issue 18).
 */
const PRELOADS: Record<Locale, string[]> = {
  ar: [arabic400, arabic700, latin400, latin700],
  en: [latin400, latin700, arabic400],
};

export const fontsToPreload = (locale: Locale) => PRELOADS[locale];
