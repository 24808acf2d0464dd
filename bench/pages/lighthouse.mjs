// Page speed on a phone: builds the site against a stack of its own, serves dist/ compressed with
// its _headers (src/security/static-host.mjs, as Netlify or Cloudflare Pages would), and runs
// Lighthouse in its default mobile mode (simulated slow 4G, 4x CPU slowdown) on every page type in
// both languages. Writes bench/pages/RESULTS.md; exits 1 if a page misses the targets.
//   npm run bench:pages               every page, one Lighthouse run each
//   npm run bench:pages -- --runs 3   the median of three runs per page (by performance score)
//   npm run bench:pages -- --only /faq,/en/faq
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { portsFor } from '../../config/ports.mjs';
import { createStaticHost } from '../../src/security/static-host.mjs';
import { chromiumArgs, chromiumPath } from '../../tests/browser.mjs';
import { startOwnStack } from '../lib/stack.mjs';
import { PAGE_TYPES, TARGETS, meetsTargets } from './pages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 1);
const only = option('--only')?.split(',');
const OFFSET = 7000;

const pages = PAGE_TYPES.flatMap(({ name, path: p }) => [
  { name, locale: 'ar', path: p },
  { name, locale: 'en', path: p === '/' ? '/en/' : `/en${p}` },
]).filter((page) => !only || only.includes(page.path));

const loadBefore = os.loadavg();
// The site's origin must be allowed by the stack's CORS, like the real site's.
const siteOrigin = `http://127.0.0.1:${portsFor(OFFSET).staticHost}`;
console.log(`Starting a stack on offset ${OFFSET} and building the site against it...`);
const stack = await startOwnStack({ offset: OFFSET, durable: false, env: { IRTIQAA_CORS_ORIGINS: siteOrigin } });
execFileSync('npx', ['astro', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PUBLIC_SUPABASE_URL: stack.apiUrl } });
const host = await createStaticHost(path.join(root, 'dist'));
await new Promise((resolve) => host.listen(portsFor(OFFSET).staticHost, '127.0.0.1', resolve));

const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

function summary(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
    seo: Math.round(lhr.categories.seo.score * 100),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    cls: Number(audit('cumulative-layout-shift').toFixed(3)),
    bytes: audit('total-byte-weight'),
    // What pulled a category down: every scored audit below 1, by id.
    failing: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => a.id),
  };
}

const results = [];
try {
  for (const page of pages) {
    const url = `${siteOrigin}${page.path}`;
    const measured = [];
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      measured.push(summary(lhr));
    }
    measured.sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs);
    const median = measured[Math.floor(measured.length / 2)];
    results.push({ ...page, ...median });
    const ok = meetsTargets(median) ? 'ok' : 'MISSES TARGET';
    console.log(`${page.path.padEnd(22)} ${median.performance}/${median.accessibility}/${median.bestPractices}/${median.seo}` +
      `  LCP ${median.lcpMs} ms  TBT ${median.tbtMs} ms  CLS ${median.cls}  ${(median.bytes / 1024).toFixed(1)} KB  ${ok}` +
      (median.failing.length ? `  [${median.failing.join(', ')}]` : ''));
  }
} finally {
  await chrome.kill();
  host.close();
  await stack.stop();
}

const loadAfter = os.loadavg();
const { version: lighthouseVersion } = JSON.parse(execFileSync('npm', ['ls', 'lighthouse', '--json'], { cwd: root, encoding: 'utf8' })).dependencies.lighthouse;
const chromiumVersion = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
const row = (r) => `| ${r.path} | ${r.name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.lcpMs} | ${r.tbtMs} | ${r.cls} | ${(r.bytes / 1024).toFixed(1)} | ${meetsTargets(r) ? 'yes' : `no: ${r.failing.join(', ') || 'scores'}`} |`;
const all = results.every(meetsTargets);
const text = `# Page speed on a phone (Lighthouse, mobile)

Written by \`npm run bench:pages\` (bench/pages/lighthouse.mjs) on ${new Date().toISOString()}.
Lighthouse ${lighthouseVersion}, default mobile settings (simulated slow 4G, 4x CPU slowdown), ${chromiumVersion},
${runs === 1 ? 'one run per page' : `median of ${runs} runs per page`}. The built site is served compressed (brotli) with its
\`_headers\` by src/security/static-host.mjs; the islands talk to a local stack of the bench's own.
Machine: ${os.cpus().length} cores; load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before,
${loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (1 / 5 / 15 min). TBT grows with the load: compare runs side by side.

Targets: every category ${TARGETS.score}, TBT at most ${TARGETS.tbtMs} ms, CLS at most ${TARGETS.cls}. ${all ? 'Every page meets them.' : '**Some pages miss them.**'}

| page | type | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | bytes KB | meets targets |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${results.map(row).join('\n')}
`;
if (!only) await writeFile(path.join(root, 'bench/pages/RESULTS.md'), text);
console.log(all ? '\nEvery page meets the targets.' : '\nSome pages miss the targets.');
process.exitCode = all ? 0 : 1;
