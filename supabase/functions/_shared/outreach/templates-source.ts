// The templates the site published (PUBLISHED_TEMPLATES_PATH at SITE_URL), read at the start of
// every run: an editor's change reaches the next message after the next build, without a redeploy.
// While the site cannot be read nothing is sent, and the messages wait in the outbox.
import { PUBLISHED_TEMPLATES_PATH, readPublishedTemplates, type PublishedTemplates } from '../pure/published.ts';
import type { Fetch } from '../providers/outcome.ts';

export function publishedTemplatesAt(siteUrl: string, fetchImpl: Fetch = fetch) {
  return async (): Promise<PublishedTemplates> => {
    const url = `${siteUrl.replace(/\/$/, '')}${PUBLISHED_TEMPLATES_PATH}`;
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`${url} answered ${response.status}`);
    }
    return readPublishedTemplates(await response.json());
  };
}
