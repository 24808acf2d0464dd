import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import type { Locale } from './locale';

/** The file name of an entry (`ar/preamble` → `preamble`), the same in both locales. */
export function slugOf(entry: { id: string }): string {
  return entry.id.slice(entry.id.indexOf('/') + 1);
}

type Ordered = 'policy' | 'channels' | 'documents' | 'faqs';

/** The entries of a collection in one locale, in the editors' `order`. */
export async function getLocalized<C extends Ordered>(collection: C, locale: Locale): Promise<CollectionEntry<C>[]> {
  const entries = await getCollection(collection, (entry: CollectionEntry<C>) => entry.id.startsWith(`${locale}/`));
  return entries.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** "You said, we did" entries of one locale, newest first. */
export async function getImprovements(locale: Locale): Promise<CollectionEntry<'improvements'>[]> {
  const entries = await getCollection('improvements', (entry) => entry.id.startsWith(`${locale}/`));
  return entries.sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

export async function getSettings(locale: Locale): Promise<CollectionEntry<'settings'>['data']> {
  const entry = await getEntry('settings', `${locale}/site`);
  if (!entry) throw new Error(`content/settings/${locale}/site.yml is missing`);
  return entry.data;
}

export type { CollectionEntry, CollectionKey };
