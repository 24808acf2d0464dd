// How the build grows with the FAQ: builds a temporary copy of the site (never touching
// content/) with N generated FAQ entries per language added to the real ones, and records the
// build time and the size of the FAQ page. Usage: node bench/portal/faq-build-time.mjs [N ...]
// (default 0 250 1000 4000; each built 3 times, the median kept; writes faq-build-time.md)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, machine } from './lib.mjs';

const repo = new URL('../../', import.meta.url).pathname;
const sizes = process.argv.slice(2).map(Number);
const counts = sizes.length ? sizes : [0, 250, 1000, 4000];
const RUNS = 3;
const CATEGORIES = ['general', 'requests', 'status', 'survey', 'privacy'];
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', '.stack', 'test-results', 'playwright-report']);

function generateFaqs(dir, n) {
  for (let i = 1; i <= n; i++) {
    const category = CATEGORIES[i % CATEGORIES.length];
    writeFileSync(
      join(dir, 'content', 'faqs', 'ar', `generated-${i}.md`),
      `---\nquestion: "سؤال تجريبي رقم ${i} عن الطلبات والخدمات؟"\ncategory: ${category}\norder: ${100 + i}\n---\nإجابة تجريبية رقم ${i}: يمكنك [متابعة طلبك](/track) بالرقم المرجعي، ونرد على الطلب خلال مدة لا تقل عن أسبوعين ولا تزيد على ستة أسابيع.\n`,
    );
    writeFileSync(
      join(dir, 'content', 'faqs', 'en', `generated-${i}.md`),
      `---\nquestion: "Sample question number ${i} about requests and services?"\ncategory: ${category}\norder: ${100 + i}\n---\nSample answer ${i}: you can [follow your request](/en/track) with its reference number; we answer no sooner than two weeks and no later than six weeks.\n`,
    );
  }
}

// Each package is linked, not the folder itself: Astro keeps its content cache in
// node_modules/.astro, and each build here must start cold and leave the repo's cache alone.
function linkPackages(dir) {
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(repo, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

const rows = [];
for (const n of counts) {
  const dir = mkdtempSync(join(tmpdir(), 'irtiqaa-faq-bench-'));
  try {
    cpSync(repo, dir, { recursive: true, filter: (src) => !SKIP.has(src.slice(repo.length).split('/')[0]) });
    linkPackages(dir);
    mkdirSync(join(dir, 'content', 'faqs', 'ar'), { recursive: true });
    generateFaqs(dir, n);
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
      const started = performance.now();
      execFileSync(join(repo, 'node_modules', '.bin', 'astro'), ['build'], {
        cwd: dir,
        stdio: 'ignore',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      times.push((performance.now() - started) / 1000);
    }
    const seconds = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const faqHtml = readFileSync(join(dir, 'dist', 'faq', 'index.html'));
    rows.push({ n, seconds, faqHtml: faqHtml.length, faqGzip: gzipSync(faqHtml, { level: 9 }).length });
    console.log(`${n} generated FAQs per language: ${seconds.toFixed(1)} s, /faq ${kb(faqHtml.length)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const report = `# Build time with many FAQ entries

Measured by \`bench/portal/faq-build-time.mjs\` on ${machine()}: \`astro build\` of a temporary
copy of the site with N generated FAQ entries per language added to the real ones (so 2N more
content files, each also rendered on /faq and /en/faq). Median of 3 builds each, cold content cache every
time; the machine's 2 cores are shared with other work, so read the trend, not the last decimal.

| generated FAQs per language | build time | /faq HTML | /faq HTML gzip |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.n} | ${r.seconds.toFixed(1)} s | ${kb(r.faqHtml)} | ${kb(r.faqGzip)} |`).join('\n')}
`;
writeFileSync(new URL('./faq-build-time.md', import.meta.url), report);
console.log(report);
