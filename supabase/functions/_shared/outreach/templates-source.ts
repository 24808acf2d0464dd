// The templates the site published (PUBLISHED_TEMPLATES_PATH at SITE_URL), read again at most every
// minute, so an editor's change reaches messages with the next build and no redeploy.
import { PUBLISHED_TEMPLATES_PATH, readPublishedTemplates, type PublishedTemplates } from '../pure/published.ts';
import type { Fetch } from '../providers/outcome.ts';

const FRESH_MS = 60_000;

export function publishedTemplatesAt(siteUrl: string, fetchImpl: Fetch = fetch, now = Date.now) {
  let cached: { at: number; templates: PublishedTemplates } | null = null;
  return async (): Promise<PublishedTemplates> => {
    if (cached && now() - cached.at < FRESH_MS) return cached.templates;
    const url = `${siteUrl.replace(/\/$/, '')}${PUBLISHED_TEMPLATES_PATH}`;
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      cached = { at: now(), templates: readPublishedTemplates(await response.json()) };
    } catch (error) {
      // The site down for a moment: the templates read last are still the published ones.
      if (!cached) throw error;
    }
    return cached.templates;
  };
}
