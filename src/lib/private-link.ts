import type { Locale } from './locale';

/**
 * A request's private link (docs/ARCHITECTURE.md, "The private link, documents, who can read
 * what"): `/r/#<secret>`, the secret in the fragment so it never reaches a server log or a Referer.
 */

// What the private page itself reads (the secret, the link's lifetime) is in ./private-link-secret.ts.

/** The private page in a locale: Arabic unprefixed, English under /en. */
export const privatePagePath = (locale: Locale) => (locale === 'en' ? '/en/r/' : '/r/');

export const privateLinkUrl = (origin: string, locale: Locale, secret: string) => `${origin}${privatePagePath(locale)}#${secret}`;
