import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getSettings } from '../../lib/content';
import { buildPublishedTemplates, type TemplateEntry } from '../../../supabase/functions/_shared/pure/published.ts';

/**
 * The message templates as the notify function reads them (docs/ARCHITECTURE.md, "Outreach"): built
 * from content/messages with every check of src/schemas/content.ts, plus the SMS length at this
 * site's address; a template that breaks either fails the build, so it never reaches a beneficiary.
 */
export const GET: APIRoute = async () => {
  const entries: TemplateEntry[] = (await getCollection('messages')).map((entry) => ({
    locale: entry.id.startsWith('en/') ? 'en' : 'ar',
    ...entry.data,
  }));
  const phones = { ar: (await getSettings('ar')).phone, en: (await getSettings('en')).phone };
  const published = buildPublishedTemplates(entries, phones, new URL(import.meta.env.SITE).origin);
  return new Response(JSON.stringify(published), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
