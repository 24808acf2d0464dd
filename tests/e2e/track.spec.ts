import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { existingRequest, expectNoHorizontalScroll, gotoIsland, makeOverdue, pathFor } from './support/forms';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

const strings = { ar, en } as const;
type Locale = keyof typeof strings;
const say = (locale: Locale, key: string) => (strings[locale] as Record<string, string>)[key]!;

async function lookUp(page: import('@playwright/test').Page, locale: Locale, reference: string, last4: string) {
  await page.getByLabel(say(locale, 'track.reference.label')).fill(reference);
  await page.getByLabel(say(locale, 'track.phoneLast4.label')).fill(last4);
  await page.getByRole('button', { name: say(locale, 'track.submit') }).click();
}

test.describe('Following a request', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`found (${locale}): the status in plain words, the timeline, what comes next and the days left`, async ({ page }) => {
      const { reference, mobile } = await existingRequest();
      await page.setViewportSize({ width: 320, height: 700 });
      await gotoIsland(page, pathFor(locale, '/track'));
      await expectNoAxeViolations(page);
      // Typed as people read it aloud: lower case, no dash.
      await lookUp(page, locale, reference.replace('IRT-', 'irt').toLowerCase(), mobile.slice(-4));
      const result = page.locator('[data-outcome="found"]');
      await expect(result).toContainText(reference);
      await expect(result).toContainText(say(locale, 'track.status.submitted'));
      await expect(result).toContainText(say(locale, 'track.explain.submitted'));
      await expect(result).toContainText(say(locale, 'track.window.daysLeft').replace('{days}', '42'));
      await expect(result.locator('.timeline__done')).toHaveCount(1);
      await expect(result.locator('.timeline--ahead li').first()).toHaveText(say(locale, 'track.next.under_review'));
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    });
  }

  for (const locale of ['ar', 'en'] as const) {
    test(`overdue (${locale}): an apology and a way to contact us instead of days left`, async ({ page }) => {
      const { reference, mobile } = await existingRequest();
      await makeOverdue(reference);
      await gotoIsland(page, pathFor(locale, '/track'));
      await lookUp(page, locale, reference, mobile.slice(-4));
      const result = page.locator('[data-outcome="found"]');
      await expect(result).toContainText(say(locale, 'track.window.overdue'));
      await expect(result.getByRole('link', { name: say(locale, 'track.contactUs') })).toHaveAttribute('href', pathFor(locale, '/channels'));
      await expect(result).not.toContainText(say(locale, 'track.window.daysLeft').replace(': {days}', ''));
      await expectNoAxeViolations(page);
    });
  }

  test('a lost connection says so, and asking again works', async ({ page }) => {
    const { reference, mobile } = await existingRequest();
    await gotoIsland(page, '/track');
    await page.route('**/rest/v1/rpc/get_request_status', (route) => route.abort('internetdisconnected'));
    await lookUp(page, 'ar', reference, mobile.slice(-4));
    await expect(page.locator('[data-outcome="unavailable"]')).toContainText(say('ar', 'track.unavailable.title'));
    await expect(page.getByLabel(say('ar', 'track.reference.label'))).toHaveValue(reference);
    await expectNoAxeViolations(page);
    await page.unrouteAll();
    await page.getByRole('button', { name: say('ar', 'track.submit') }).click();
    await expect(page.locator('[data-outcome="found"]')).toContainText(say('ar', 'track.status.submitted'));
  });

  test('the confirmation link fills in the reference', async ({ page }) => {
    const { reference } = await existingRequest();
    await gotoIsland(page, `/en/track?ref=${reference}`);
    await expect(page.getByLabel(say('en', 'track.reference.label'))).toHaveValue(reference);
  });

  for (const locale of ['ar', 'en'] as const) {
    test(`not found, then throttled (${locale}): neither says which part was wrong`, async ({ page }) => {
      const { reference, mobile } = await existingRequest();
      const wrong = String((Number(mobile.slice(-4)) + 1) % 10000).padStart(4, '0');
      await gotoIsland(page, pathFor(locale, '/track'));
      await lookUp(page, locale, reference, wrong);
      const notFound = page.locator('[data-outcome="not_found"]');
      await expect(notFound).toContainText(say(locale, 'track.notFound.title'));
      await expect(notFound).toContainText(say(locale, 'track.notFound.body'));
      await expectNoAxeViolations(page);

      for (let i = 0; i < 4; i++) {
        await page.getByRole('button', { name: say(locale, 'track.submit') }).click();
        await expect(page.locator('[data-outcome]')).toBeVisible();
      }
      // Even the right digits are refused now, with the same lack of detail.
      await lookUp(page, locale, reference, mobile.slice(-4));
      const throttled = page.locator('[data-outcome="throttled"]');
      await expect(throttled).toContainText(say(locale, 'track.throttled.title'));
      await expect(throttled).not.toContainText(say(locale, 'track.reference.label'));
      await expect(throttled).not.toContainText(say(locale, 'track.phoneLast4.label'));
      await expect(page.locator('[data-outcome="found"]')).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  }

  test('errors in the lookup form are explained and linked (both languages)', async ({ page }) => {
    for (const locale of ['ar', 'en'] as const) {
      await gotoIsland(page, pathFor(locale, '/track'));
      await page.getByRole('button', { name: say(locale, 'track.submit') }).click();
      const summary = page.getByRole('alert').filter({ hasText: say(locale, 'form.error.summaryTitle') });
      await expect(summary).toBeFocused();
      await expect(page).toHaveTitle(new RegExp(`^${say(locale, 'form.error.titlePrefix')} `));
      await expect(summary.getByRole('link')).toHaveText([say(locale, 'errors.track.reference_required'), say(locale, 'errors.track.phone_last4_required')]);
      await summary.getByRole('link', { name: say(locale, 'errors.track.phone_last4_required') }).click();
      await expect(page.locator('#phone_last4')).toBeFocused();
      await lookUp(page, locale, 'IRT-12', '12');
      await expect(summary.getByRole('link')).toHaveText([say(locale, 'errors.track.reference_format'), say(locale, 'errors.track.phone_last4_format')]);
      await expectNoAxeViolations(page);
    }
  });
});
