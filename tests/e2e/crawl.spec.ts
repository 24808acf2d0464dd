import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { apiUrl, staticHostUrl } from '../../config/ports.mjs';
import { builtFileFor, builtHtml, builtPages, localeOfPath } from './support/built-site';
import { collectCspViolations } from './support/csp-violations';

// Every page the build produced, in both languages: right language and direction, no console
// error, nothing loaded from outside the site, no broken internal link or anchor, no WCAG 2.2 AA
// violation, and served as a static host serves dist/ (src/security/static-host.mjs applies
// dist/_headers): under the real Content-Security-Policy, enforced by Chromium, without a violation.
test.use({ baseURL: staticHostUrl });

// Islands (forms, public figures) talk to the Supabase API the site was built against; nothing else
// may load from another origin.
const apiOrigin = new URL(process.env.PUBLIC_SUPABASE_URL ?? apiUrl).origin;

// /admin/ is Decap CMS's own interface (one page app, no h1 of ours); tests/e2e/cms.spec.ts covers it.
const portalPages = builtPages().filter((path) => !path.startsWith('/admin/'));

for (const path of portalPages) {
  test(`${path} is a sound page`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const problems: string[] = [];
    const cspViolations = await collectCspViolations(page);
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && url.origin !== apiOrigin) problems.push(`loaded from outside the site: ${url.href}`);
    });

    const response = await page.goto(path);
    expect(response?.status(), 'page answers').toBeLessThan(path.includes('404') ? 500 : 400);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain(`connect-src 'self' ${apiOrigin}`);
    expect(headers['x-frame-options']).toBe('DENY');

    const locale = localeOfPath(path);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\S/);

    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of new Set(hrefs)) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const html = builtHtml(url.pathname);
      if (!html) {
        problems.push(`broken link: ${url.pathname}`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !html.includes(`id="${anchor}"`)) problems.push(`link to a missing anchor: ${url.pathname}#${anchor}`);
    }

    // The canonical and hreflang addresses name the production origin; their paths must exist here.
    const alternates = await page.locator('link[rel="canonical"], link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((l) => (l as HTMLLinkElement).href),
    );
    for (const href of alternates) {
      if (!builtFileFor(new URL(href).pathname)) problems.push(`canonical or alternate to a missing page: ${href}`);
    }

    await page.waitForLoadState('networkidle');
    expect.soft(problems).toEqual([]);
    expect.soft(await cspViolations()).toEqual([]);
    await expectNoAxeViolations(page);
  });
}
