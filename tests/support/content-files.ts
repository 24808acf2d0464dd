import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml'; // the YAML parser Astro itself uses for frontmatter and data files

export const repoRoot = join(import.meta.dirname, '..', '..');
export const contentDir = join(repoRoot, 'content');

export type ContentFile = { locale: 'ar' | 'en'; slug: string; path: string; data: Record<string, unknown>; body: string };

/** Every Markdown entry of a collection (content/<collection>/<locale>/<slug>.md), parsed. */
export function readCollection(collection: string): ContentFile[] {
  return (['ar', 'en'] as const).flatMap((locale) => {
    const dir = join(contentDir, collection, locale);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => {
        const path = join(dir, name);
        const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(path, 'utf8'));
        if (!match) throw new Error(`${path} has no frontmatter`);
        return { locale, slug: name.replace(/\.md$/, ''), path, data: yaml.load(match[1]!) as Record<string, unknown>, body: match[2]!.trim() };
      });
  });
}

export function readSettings(locale: 'ar' | 'en'): Record<string, unknown> {
  return yaml.load(readFileSync(join(contentDir, 'settings', locale, 'site.yml'), 'utf8')) as Record<string, unknown>;
}
