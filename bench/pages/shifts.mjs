// What moves after first paint, element by element. Lighthouse 12.2.3's own layout-shifts audit
// errors in this Chromium (its trace engine cannot read the screenshots), so `--explain` loads
// the page once more in the same browser, with a fresh cache, and lists each layout shift the
// page reports (the Layout Instability API) and the elements it moved.
import { chromium } from '@playwright/test';

export async function layoutShifts(chromePort, url) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chromePort}`);
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const describe = (node) => {
        if (!node || node.nodeType !== 1) return node ? `#text "${node.textContent.trim().slice(0, 30)}"` : '?';
        const classes = [...node.classList].slice(0, 2).map((c) => `.${c}`).join('');
        return `${node.localName}${node.id ? `#${node.id}` : ''}${classes}`;
      };
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          window.__shifts.push({
            at: Math.round(entry.startTime),
            value: entry.value,
            moved: entry.sources.map((s) => `${describe(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    const shifts = await page.evaluate(() => window.__shifts);
    return shifts.map((s) => `  shift ${s.value.toFixed(3)} at ${s.at} ms: ${s.moved.join(', ')}`);
  } finally {
    await context.close();
  }
}
