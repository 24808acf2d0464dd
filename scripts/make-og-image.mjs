// Renders public/og-image.png (1200×630), the picture shown when a page is shared, with the
// site's own font, in Chromium. Usage: node scripts/make-og-image.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/browser.mjs';

const font = (subset, weight) =>
  readFileSync(new URL(`../node_modules/@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-${subset}-${weight}-normal.woff2`, import.meta.url)).toString('base64');
const face = (subset, weight) =>
  `@font-face{font-family:Plex;font-weight:${weight};src:url(data:font/woff2;base64,${font(subset, weight)}) format('woff2')}`;

const html = `<!doctype html><html lang="ar" dir="rtl"><style>
${face('arabic', 400)}${face('arabic', 700)}${face('latin', 400)}${face('latin', 700)}
body{margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;gap:24px;
padding:0 96px;box-sizing:border-box;background:#074634;color:#fff;font-family:Plex}
h1{font-size:84px;margin:0}p{font-size:40px;margin:0;opacity:.92}p[lang=en]{direction:ltr;text-align:end}
</style><h1>جمعية ارتقاء التعليمية</h1><p>بوابة المستفيدين: طلب الدعم ومتابعته وتقييم الخدمة</p>
<p lang="en">Irtiqaa Educational Association · Beneficiary portal</p></html>`;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: new URL('../public/og-image.png', import.meta.url).pathname });
await browser.close();
