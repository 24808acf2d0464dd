// Page speed on a phone: builds the site against a stack of its own, serves dist/ compressed with
// its _headers (src/security/static-host.mjs, as Netlify or Cloudflare Pages would), and runs
// Lighthouse in its default mobile mode (simulated slow 4G, 4x CPU slowdown) on every page type in
// both languages. Writes bench/pages/RESULTS.md; exits 1 if a page misses the targets.
//   npm run bench:pages               every page, one Lighthouse run each
//   npm run bench:pages -- --runs 3   the median of three runs per page (by performance score)
//   npm run bench:pages -- --only /faq/,/en/faq/
//   npm run bench:pages -- --explain   also print what shifted, the long tasks and script time
//   npm run bench:pages -- --reports /tmp/lh   also keep each full report (open in the Lighthouse viewer)
//   npm run bench:pages -- --max-load 2        before each run, wait (up to 10 min) for a quieter machine
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { portsFor } from '../../config/ports.mjs';
import { createStaticHost } from '../../src/security/static-host.mjs';
import { chromiumArgs, chromiumPath } from '../../tests/browser.mjs';
import { startOwnStack } from '../lib/stack.mjs';
import { NOINDEX_ACCEPTED_AUDITS, TARGETS, acceptedAudits, meetsTargets, missedTargets, pagesOf } from './pages.mjs';
import { layoutShifts } from './shifts.mjs';
import { explanation, summary } from './summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 1);
const only = option('--only')?.split(',');
const explain = argv.includes('--explain');
const reports = option('--reports');
const maxLoad = option('--max-load') === undefined ? null : Number(option('--max-load'));
const OFFSET = 7000;

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));

const pages = pagesOf().filter((page) => !only || only.includes(page.path));

const loadBefore = os.loadavg();
// The site's origin must be allowed by the stack's CORS, like the real site's.
const siteOrigin = `http://127.0.0.1:${portsFor(OFFSET).staticHost}`;
console.log(`Starting a stack on offset ${OFFSET} and building the site against it...`);
const stack = await startOwnStack({ offset: OFFSET, durable: false, env: { IRTIQAA_CORS_ORIGINS: siteOrigin } });
execFileSync('npx', ['astro', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PUBLIC_SUPABASE_URL: stack.apiUrl } });
const host = await createStaticHost(path.join(root, 'dist'));
await new Promise((resolve) => host.listen(portsFor(OFFSET).staticHost, '127.0.0.1', resolve));
// A static host's edge has every file compressed already: ask for each once before measuring.
for (const file of filesUnder(path.join(root, 'dist')).filter((f) => !f.startsWith('admin/'))) {
  await fetch(`${siteOrigin}/${file}`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
}

const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

// A noindex page's SEO as measured, and what it is with its accepted audits passed.
const seoText = (page, r) => (r.seo === r.seoWithoutAccepted ? `${r.seo}` : `${r.seo} (${r.seoWithoutAccepted} with ${acceptedAudits(page).join(', ')} accepted)`);

/** Waits until the 1-minute load average is below --max-load (at most 10 minutes); returns it. */
async function quietEnough() {
  const until = Date.now() + 10 * 60_000;
  while (maxLoad !== null && os.loadavg()[0] >= maxLoad && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
  return os.loadavg()[0];
}

// Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART, NO_FCP): try again, twice.
async function audited(url, attempts = 3) {
  const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
  if (!lhr.runtimeError) return lhr;
  if (attempts <= 1) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  console.log(`${url}: ${lhr.runtimeError.code}, running it again`);
  return audited(url, attempts - 1);
}

const results = [];
try {
  for (const page of pages) {
    const url = `${siteOrigin}${page.path}`;
    const measured = [];
    for (let i = 0; i < runs; i++) {
      const load = await quietEnough();
      const lhr = await audited(url);
      if (reports) {
        await mkdir(reports, { recursive: true });
        await writeFile(path.join(reports, `${page.path.replaceAll('/', '_') || 'home'}${i}.json`), JSON.stringify(lhr));
      }
      measured.push({ ...summary(lhr, acceptedAudits(page)), load, explained: explain ? explanation(lhr) : [] });
    }
    measured.sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs);
    const median = measured[Math.floor(measured.length / 2)];
    results.push({ ...page, ...median });
    const ok = meetsTargets(median) ? 'ok' : 'MISSES TARGET';
    console.log(`${page.path.padEnd(22)} ${median.performance}/${median.accessibility}/${median.bestPractices}/${seoText(page, median)}` +
      `  load ${median.load.toFixed(1)}  FCP ${median.fcpMs} ms  LCP ${median.lcpMs} ms  TBT ${median.tbtMs} ms  CLS ${median.cls}  ${(median.bytes / 1024).toFixed(1)} KB  ${ok}` +
      (median.failing.length ? `  [${median.failing.join(', ')}]` : ''));
    for (const line of median.explained) console.log(line);
    if (explain) for (const line of await layoutShifts(chrome.port, url)) console.log(line);
  }
} finally {
  await chrome.kill();
  host.close();
  await stack.stop();
}

const loadAfter = os.loadavg();
const { version: lighthouseVersion } = JSON.parse(execFileSync('npm', ['ls', 'lighthouse', '--json'], { cwd: root, encoding: 'utf8' })).dependencies.lighthouse;
const chromiumVersion = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
const row = (r) => `| ${r.path} | ${r.name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${seoText(r, r)} | ${r.fcpMs} | ${r.lcpMs} | ${r.tbtMs} | ${r.cls} | ${(r.bytes / 1024).toFixed(1)} | ${r.load.toFixed(1)} | ${meetsTargets(r) ? 'yes' : `no: ${missedTargets(r).join(', ')}${r.failing.length ? ` (audits below 0.9: ${r.failing.join(', ')})` : ''}`} |`;
const all = results.every(meetsTargets);
const text = `# Page speed on a phone (Lighthouse, mobile)

Written by \`npm run bench:pages\` (bench/pages/lighthouse.mjs) on ${new Date().toISOString()}.
Lighthouse ${lighthouseVersion}, default mobile settings (simulated slow 4G, 4x CPU slowdown), ${chromiumVersion},
${runs === 1 ? 'one run per page' : `median of ${runs} runs per page`}. The built site is served compressed (brotli) with its
\`_headers\` by src/security/static-host.mjs; the islands talk to a local stack of the bench's own.
Machine: ${os.cpus().length} cores; load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before,
${loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (1 / 5 / 15 min)${maxLoad === null ? '' : `; each run waited for a 1-minute load below ${maxLoad} (at most 10 minutes)`}.
TBT grows with the load (the \`load\` column: the 1-minute load average when the page's reported run began): compare runs side by side.

Targets: every category ${TARGETS.score}, TBT at most ${TARGETS.tbtMs} ms, CLS at most ${TARGETS.cls}. ${all ? 'Every page meets them.' : '**Some pages miss them.**'}
Pages kept out of search engines (\`noindex\`: ${[...new Set(results.filter((r) => r.noindex).map((r) => r.name))].join(', ') || 'none measured'}) fail
Lighthouse's ${NOINDEX_ACCEPTED_AUDITS.join(', ')} by design: their SEO score is shown as measured, then with that audit accepted; the target applies to the second.

| page | type | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | bytes KB | load | meets targets |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${results.map(row).join('\n')}
`;
if (!only) await writeFile(path.join(root, 'bench/pages/RESULTS.md'), text);
console.log(all ? '\nEvery page meets the targets.' : '\nSome pages miss the targets.');
process.exitCode = all ? 0 : 1;
