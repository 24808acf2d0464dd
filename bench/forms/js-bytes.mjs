// JavaScript each page of the built site ships (dist/, `npx astro build` first): every script the
// HTML loads, inline or external, and every module those import, statically or dynamically,
// counted once per page, raw and gzip (level 6, what servers and CDNs use by default); and, apart,
// what runs before the page is usable: the modules reached by static imports alone (issue 18: the
// later steps load with `import()` when needed).
// Writes bench/forms/RESULTS.md. Targets: /request <= 110 KB gzip in all, the private page /r/ <= 130 KB
// gzip (issue 14, React included); pages without islands: 0 bytes.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const BUDGET_GZIP = 110 * 1024;
const PRIVATE_BUDGET_GZIP = 130 * 1024;
// The pages with an island or a script of their own, each in both languages.
const ISLAND_PAGES = ['request', 'track', 'survey', 'service-figures', 'staff', 'r'].flatMap((p) => [`/${p}/`, `/en/${p}/`]);

if (!existsSync(dist)) throw new Error('dist/ is missing: run `npx astro build` first');

const gzip = (text) => gzipSync(text, { level: 6 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function pages(dir = dist) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.html') ? [`/${relative(dist, path).split(sep).join('/')}`.replace(/index\.html$/, '')] : [];
  });
}

const htmlOf = (page) => readFileSync(join(dist, page.endsWith('/') ? `${page}index.html` : page), 'utf8');

const STATIC_IMPORT = /(?:import|export)\s*(?:[^'"`;(]*?from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g;

/** Every module a file pulls in, following `import`/`export from` (and `import()` unless `staticOnly`) with relative paths. */
function closure(entry, { staticOnly = false } = {}, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(dist, entry), 'utf8');
  for (const match of [...code.matchAll(STATIC_IMPORT), ...(staticOnly ? [] : code.matchAll(DYNAMIC_IMPORT))]) {
    const target = match[1];
    const resolved = target.startsWith('/') ? target : join(dirname(entry), target).split(sep).join('/');
    closure(resolved, { staticOnly }, seen);
  }
  return seen;
}

function jsOf(page) {
  const html = htmlOf(page);
  const inline = [...html.matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.trim());
  const entries = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]),
  ];
  const modules = (options) => {
    const files = new Set();
    for (const entry of entries) for (const file of closure(entry, options)) files.add(file);
    return [...files].map((file) => readFileSync(join(dist, file), 'utf8'));
  };
  const all = [...inline, ...modules()];
  const initial = [...inline, ...modules({ staticOnly: true })];
  return {
    page,
    files: all.length - inline.length,
    inlineScripts: inline.length,
    raw: all.reduce((n, code) => n + Buffer.byteLength(code), 0),
    gzip: all.reduce((n, code) => n + gzip(code), 0),
    initialGzip: initial.reduce((n, code) => n + gzip(code), 0),
    islands: (html.match(/<astro-island/g) ?? []).length,
  };
}

const results = pages().sort().map(jsOf);
const islandRows = results.filter((r) => ISLAND_PAGES.includes(r.page));
const staticRows = results.filter((r) => !ISLAND_PAGES.includes(r.page));
const request = results.find((r) => r.page === '/request/');
const privatePage = results.find((r) => r.page === '/r/');
const withJs = staticRows.filter((r) => r.raw > 0);

const lines = [
  '# JavaScript shipped by the form pages',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`node bench/forms/js-bytes.mjs\` on the output of \`npx astro build\`.`,
  'Counts every script the page loads (inline, external, and all modules they import), each file once, gzip level 6.',
  '',
  `Budget for /request: ${kb(BUDGET_GZIP)} gzip in all. Result: **${kb(request.gzip)} gzip** (${kb(request.raw)} raw) — ${request.gzip <= BUDGET_GZIP ? 'within budget' : 'OVER BUDGET'};`,
  `${kb(request.initialGzip)} gzip of it runs before the page is usable, the rest loads when needed.`,
  `Budget for the private page /r/: ${kb(PRIVATE_BUDGET_GZIP)} gzip. Result: **${kb(privatePage.gzip)} gzip** (${kb(privatePage.raw)} raw) — ${privatePage.gzip <= PRIVATE_BUDGET_GZIP ? 'within budget' : 'OVER BUDGET'}.`,
  '',
  '| Page | Islands | Files | Raw | Gzip | Gzip before usable |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...islandRows.map((r) => `| ${r.page} | ${r.islands} | ${r.files + r.inlineScripts} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.initialGzip)} |`),
  '',
  `Other pages: ${staticRows.length}; ${withJs.length === 0 ? 'none ships any JavaScript' : `${withJs.length} ship JavaScript (the FAQ's search script, the CMS)`}:`,
  '',
  '| Page | Raw JS | Gzip JS |',
  '| --- | ---: | ---: |',
  ...staticRows.map((r) => `| ${r.page} | ${r.raw} B | ${r.gzip} B |`),
  '',
];
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), lines.join('\n'));
console.log(lines.join('\n'));
if (request.gzip > BUDGET_GZIP || privatePage.gzip > PRIVATE_BUDGET_GZIP) process.exitCode = 1;
