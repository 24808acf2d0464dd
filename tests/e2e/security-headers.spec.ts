// The built site under the real dist/_headers policy: astro preview ignores _headers, so every
// document response is re-served with the headers a static host would add for its path, and
// Chromium enforces them. No page, island or the CMS may trip the policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, distDir } from './support/built-site';
import { headersForPath, parseHeadersFile } from '../../supabase/local/security-headers.mjs';
import { apiUrl } from '../../supabase/local/ports.mjs';

const rules = parseHeadersFile(readFileSync(join(distDir, '_headers'), 'utf8'));

async function enforceHeaders(page: Page) {
  const violations: string[] = [];
  await page.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.resourceType() !== 'document' || !url.href.startsWith(test.info().project.use.baseURL!)) return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headersForPath(rules, url.pathname) } });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  return async () => [...violations, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])))];
}

test('every built page in both languages loads under the CSP without a violation', async ({ page }) => {
  test.setTimeout(120_000);
  const collect = await enforceHeaders(page);
  for (const path of builtPages().filter((p) => !p.startsWith('/admin'))) {
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    const headers = response!.headers();
    expect(headers['content-security-policy'], path).toContain(`connect-src 'self' ${new URL(apiUrl).origin}`);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(await collect(), path).toEqual([]);
  }
});

test('islands still hydrate and work under the CSP: the track form validates', async ({ page }) => {
  const collect = await enforceHeaders(page);
  for (const path of ['/track/', '/en/track/']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
    await page.getByRole('button').filter({ hasText: /track|تتبع|عرض|check|ابحث|search|status|الحالة/i }).first().click();
    await expect(page.getByRole('alert').first()).toBeVisible();
  }
  expect(await collect()).toEqual([]);
});

test('the CMS loads its login under its own /admin/ policy', async ({ page }) => {
  const collect = await enforceHeaders(page);
  const response = await page.goto('/admin/');
  expect(response!.headers()['content-security-policy']).toContain('https://api.github.com');
  // The collections behind the login need decap-server (cms.spec.ts drives that); here the CMS
  // app itself must boot, read its config and render its login under the /admin/ policy.
  await expect(page.getByRole('button', { name: 'تسجيل الدخول' })).toBeVisible();
  await expect(page.getByText('Error loading the CMS configuration')).toHaveCount(0);
  expect(await collect()).toEqual([]);
});
