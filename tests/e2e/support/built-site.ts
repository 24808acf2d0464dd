import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The built site that `astro preview` serves to the e2e suite. */
export const distDir = join(import.meta.dirname, '..', '..', '..', 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The URL path of every page in dist/ (`/`, `/policy/`, `/en/faq/`, `/404.html`), sorted. */
export function builtPages(): string[] {
  if (!existsSync(distDir)) throw new Error('dist/ is missing: run `npx astro build` before the e2e suite');
  return htmlFiles(distDir)
    .map((file) => `/${relative(distDir, file).split(sep).join('/')}`)
    .map((path) => path.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** The file dist/ serves for a URL path, if any (directory index, exact file or `.html`). */
export function builtFileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = [join(distDir, decoded, 'index.html'), join(distDir, decoded), join(distDir, `${decoded.replace(/\/$/, '')}.html`)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

export function builtHtml(pathname: string): string | undefined {
  const file = builtFileFor(pathname);
  return file ? readFileSync(file, 'utf8') : undefined;
}

/** Pages under /en/ are English; every other page is Arabic. */
export function localeOfPath(pathname: string): 'ar' | 'en' {
  return /^\/en(\/|$)/.test(pathname) ? 'en' : 'ar';
}
