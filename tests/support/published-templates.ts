// The templates the site publishes (/outreach/templates.json), built from content/ with the same
// function the build uses and served on `port`, for stacks whose functions read them (SITE_URL)
// before `astro build` has run: the database tests and the outreach bench. The e2e suite reads
// the real built file from the preview server instead.
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { buildPublishedTemplates, PUBLISHED_TEMPLATES_PATH, type PublishedTemplates, type TemplateEntry } from '../../supabase/functions/_shared/pure/published.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'content');
const LOCALES = ['ar', 'en'] as const;

export function templateEntries(): TemplateEntry[] {
  return LOCALES.flatMap((locale) =>
    readdirSync(join(contentDir, 'messages', locale))
      .filter((name) => name.endsWith('.yml'))
      .map((name) => ({ locale, ...(yaml.load(readFileSync(join(contentDir, 'messages', locale, name), 'utf8')) as Omit<TemplateEntry, 'locale'>) })),
  );
}

export const settingsPhone = (locale: 'ar' | 'en') =>
  String((yaml.load(readFileSync(join(contentDir, 'settings', locale, 'site.yml'), 'utf8')) as { phone: string }).phone);

export function publishedTemplates(origin = 'https://irtiqaa.org.sa'): PublishedTemplates {
  return buildPublishedTemplates(templateEntries(), { ar: settingsPhone('ar'), en: settingsPhone('en') }, origin);
}

/** Serves the published templates on 127.0.0.1:`port` until close(); `body` replaces them (a test of a broken file). */
export async function serveTemplates(port: number, body: () => string = () => JSON.stringify(publishedTemplates())) {
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0] !== PUBLISHED_TEMPLATES_PATH) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { close: () => new Promise<void>((r) => server.close(() => r())) };
}
