import type { Locale } from '../lib/locale';

/** A saved reply (content/replies), as the build publishes them at /outreach/replies.json. */
export interface SavedReply {
  slug: string;
  title: string;
  text: string;
}

export const SAVED_REPLIES_PATH = '/outreach/replies.json';

/** The saved replies in both languages, from the site itself; none when the file cannot be read. */
export async function loadSavedReplies(): Promise<Record<Locale, SavedReply[]>> {
  try {
    const response = await fetch(SAVED_REPLIES_PATH, { headers: { accept: 'application/json' } });
    if (!response.ok) return { ar: [], en: [] };
    return (await response.json()) as Record<Locale, SavedReply[]>;
  } catch {
    return { ar: [], en: [] };
  }
}
