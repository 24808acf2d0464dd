// The built site under the real dist/_headers policy, enforced by Chromium: no island or the CMS
// may trip it (tests/e2e/crawl.spec.ts visits every built page under it, and cms.spec.ts runs the
// editing journeys under it).
import { expect, test } from '@playwright/test';
import { collectCspViolations } from './support/csp-violations';
import { staticHostUrl } from '../../config/ports.mjs';

// dist/ served by src/security/static-host.mjs, which applies dist/_headers like a static host.
test.use({ baseURL: staticHostUrl });
test('islands still hydrate and work under the CSP: the track form validates', async ({ page }) => {
  const collect = await collectCspViolations(page);
  for (const path of ['/track/', '/en/track/']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
    await page.getByRole('button').filter({ hasText: /track|تتبع|عرض|check|ابحث|search|status|الحالة/i }).first().click();
    await expect(page.getByRole('alert').first()).toBeVisible();
  }
  expect(await collect()).toEqual([]);
});

test('the CMS loads its login under its own /admin/ policy', async ({ page }) => {
  const collect = await collectCspViolations(page);
  const response = await page.goto('/admin/');
  expect(response!.headers()['content-security-policy']).toContain('https://api.github.com');
  // The collections behind the login need decap-server (cms.spec.ts drives that); here the CMS
  // app itself must boot, read its config and render its login under the /admin/ policy.
  await expect(page.getByRole('button', { name: 'تسجيل الدخول' })).toBeVisible();
  await expect(page.getByText('Error loading the CMS configuration')).toHaveCount(0);
  expect(await collect()).toEqual([]);
});
