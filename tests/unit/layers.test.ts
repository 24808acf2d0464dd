import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, repoRoot as root } from '../support/source-files';

// The site's code in layers (docs/ARCHITECTURE.md, "Parts and data flow"), each importing only
// from those below it: the pure modules the Edge Functions share (supabase/functions/_shared/pure,
// which deploy with the functions) < src/lib (pure helpers) < src/schemas (zod) and src/i18n
// (strings) < src/api (the client calls) < components, pages and layouts.
const PURE = 'supabase/functions/_shared/pure/';

const files = (dir: string) => filesUnder(dir, /\.(ts|tsx|mjs|astro)$/);

interface Import {
  from: string;
  /** The imported file relative to the project, or the package name. */
  target: string;
  typeOnly: boolean;
}

function importsOf(path: string): Import[] {
  const text = readFileSync(join(root, path), 'utf8');
  const found = [
    ...text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => {
    const specifier = m.length > 2 ? m[3]! : m[1]!;
    const target = specifier.startsWith('.') ? relative(root, normalize(join(root, dirname(path), specifier))) : specifier;
    return { from: path, target, typeOnly: m.length > 2 && !!m[2] };
  });
}

const layerOf = (path: string) =>
  path.startsWith(PURE) ? 'pure' : (/^src\/([^/]+)\//.exec(path)?.[1] ?? (path.startsWith('src/') ? 'src' : 'outside'));
const isCode = (target: string) => target.startsWith('src/') || target.startsWith(PURE);
const ALLOWED: Record<string, readonly string[]> = {
  lib: ['pure', 'lib'],
  schemas: ['pure', 'lib', 'schemas'],
  i18n: ['pure', 'lib', 'i18n'],
  api: ['pure', 'lib', 'schemas', 'api'],
};

describe('layers of the site’s code', () => {
  it.each(Object.entries(ALLOWED))('src/%s imports only from %j', (layer, allowed) => {
    const sources = files(`src/${layer}`);
    expect(sources.length).toBeGreaterThan(2);
    const crossing = sources
      .flatMap(importsOf)
      .filter((i) => isCode(i.target) && !allowed.includes(layerOf(i.target)))
      .map((i) => `${i.from} -> ${i.target}`);
    expect(crossing).toEqual([]);
  });

  it('keeps src/lib free of packages, so its helpers run anywhere (Node, browser, build)', () => {
    const packages = files('src/lib')
      .flatMap(importsOf)
      .filter((i) => !isCode(i.target) && !/^(node|astro):/.test(i.target))
      .map((i) => `${i.from} -> ${i.target}`);
    expect(packages).toEqual([]);
  });

  it('keeps the modules the site shares with the Edge Functions pure: no package, no Deno, nothing outside them', () => {
    const sources = filesUnder(PURE.slice(0, -1), /\.ts$/);
    expect(sources.length).toBeGreaterThan(2);
    const outside = sources.flatMap(importsOf).filter((i) => layerOf(i.target) !== 'pure').map((i) => `${i.from} -> ${i.target}`);
    expect(outside).toEqual([]);
    const runtimeBound = sources.filter((path) => /\bDeno\.|\bprocess\.|import\.meta\.env/.test(readFileSync(join(root, path), 'utf8')));
    expect(runtimeBound).toEqual([]);
  });

  it('never ships a whole locale file to the browser: islands and the API take strings from their page', () => {
    const browserCode = [...files('src/components').filter((path) => /\.tsx?$/.test(path)), ...files('src/api'), 'src/i18n/translate.ts', 'src/i18n/islands.ts'];
    const localeData = browserCode
      .flatMap(importsOf)
      .filter((i) => !i.typeOnly && (/^src\/i18n(\/index\.ts)?$/.test(i.target) || i.target.endsWith('.json')))
      .map((i) => `${i.from} -> ${i.target}`);
    expect(localeData).toEqual([]);
  });

  it('reads the imports it checks (the scan sees type-only and relative imports)', () => {
    const translate = importsOf('src/i18n/translate.ts');
    expect(translate).toEqual([{ from: 'src/i18n/translate.ts', target: 'src/i18n/ar.json', typeOnly: true }]);
    expect(importsOf('src/api/staff.ts').map((i) => i.target)).toContain('src/lib/workflow');
  });
});
