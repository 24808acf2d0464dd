// Bytes a reader downloads for the policy page, in Arabic and English: HTML and CSS (gzip, as a
// server sends them), fonts (woff2, already compressed) and JavaScript, measured in real Chromium
// against the built site. Targets (issue 2): HTML + CSS gzip <= 30 KB, fonts <= 100 KB, JS 0.
// Usage: npx astro build && node bench/portal/policy-bytes.mjs   (writes policy-bytes.md)
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/browser.mjs';
import { kb, machine, serveStatic } from './lib.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const site = await serveStatic(dist);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

async function measure(path) {
  const page = await browser.newPage();
  const bytes = { html: 0, css: 0, font: 0, js: 0, other: 0 };
  const files = [];
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    const body = await response.body().catch(() => Buffer.alloc(0));
    const kind = { document: 'html', stylesheet: 'css', font: 'font', script: 'js' }[type] ?? 'other';
    // Text is sent gzip-compressed by any real server; fonts are woff2, already compressed.
    const size = ['html', 'css', 'js'].includes(kind) ? gzipSync(body, { level: 9 }).length : body.length;
    bytes[kind] += size;
    files.push(`${kind} ${new URL(response.url()).pathname} ${size}`);
  });
  await page.goto(`${site.url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.close();
  return { path, bytes, files };
}

const results = [await measure('/policy'), await measure('/en/policy')];
await browser.close();
await site.close();

const verdict = (ok) => (ok ? 'within target' : '**over target**');
const rows = results.map(({ path, bytes }) => {
  const htmlCss = bytes.html + bytes.css;
  return `| ${path} | ${kb(bytes.html)} | ${kb(bytes.css)} | ${kb(htmlCss)} (${verdict(htmlCss <= 30 * 1024)}) | ${kb(bytes.font)} (${verdict(bytes.font <= 100 * 1024)}) | ${bytes.js} B (${verdict(bytes.js === 0)}) |`;
});
const report = `# Bytes shipped by the policy page

Measured by \`bench/portal/policy-bytes.mjs\` on ${machine()}: the built site served locally,
loaded in Chromium, every response counted (HTML, CSS and JS gzip -9 as a server would send them;
fonts as served, woff2). Targets: HTML + CSS gzip <= 30 KB, fonts <= 100 KB, JavaScript 0.

| page | HTML (gzip) | CSS (gzip) | HTML + CSS | fonts (woff2) | JavaScript |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Files loaded:
${results.map(({ path, files }) => `- ${path}: ${files.map((f) => `\`${f}\``).join(', ')}`).join('\n')}
`;
writeFileSync(new URL('./policy-bytes.md', import.meta.url), report);
console.log(report);
