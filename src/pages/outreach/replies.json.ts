import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { slugOf } from '../../lib/content';
import { LOCALES } from '../../lib/locale';
import type { SavedReply } from '../../api/saved-replies';

/** The saved replies (content/replies) for the staff's message composer, both languages, in the editors' order. */
export const GET: APIRoute = async () => {
  const entries = await getCollection('replies');
  const inLocale = (locale: string): SavedReply[] =>
    entries
      .filter((entry) => entry.id.startsWith(`${locale}/`))
      .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
      .map((entry) => ({ slug: slugOf(entry), title: entry.data.title, text: (entry.body ?? '').trim() }));
  return new Response(JSON.stringify(Object.fromEntries(LOCALES.map((locale) => [locale, inLocale(locale)]))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
