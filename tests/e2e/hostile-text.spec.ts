import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { existingRequest, gotoIsland } from './support/forms';
import { openRequest, signIn } from './support/staff';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

const strings = { ar, en } as const;
const say = (locale: 'ar' | 'en', key: string) => (strings[locale] as Record<string, string>)[key]!;

// What a hostile applicant can store, shown to staff: it must read as text and never run.
const HOSTILE_DESCRIPTION =
  '<script>window.__pwned = "script"</script><img src="x" onerror="window.__pwned = \'img\'">' +
  '"><svg onload="window.__pwned = \'svg\'"></svg> \'; drop table support_requests; -- \u200F';
const HOSTILE_CITY = '<b onmouseover="window.__pwned=1">جدة</b>';

/** Fails the test if anything the page shows tries to run: a flag, a dialog, a stray element. */
async function watchForExecution(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect(page.locator('main img[src="x"], main svg[onload], main b[onmouseover]')).toHaveCount(0);
  };
}

test('a request full of markup and SQL reads as plain text in the staff workspace and runs nothing', async ({ page }) => {
  const { reference } = await existingRequest(undefined, { p_description: HOSTILE_DESCRIPTION, p_city: HOSTILE_CITY, p_full_name: "Sara O'Brien-Ahmed" });
  const nothingRan = await watchForExecution(page);
  await signIn(page, 'officer');
  await openRequest(page, reference);

  // The description is in "what was asked", the rest in the applicant's data (the workspace's panels).
  const description = page.locator('.request-page p.description[dir="auto"]');
  await expect(description).toHaveText(HOSTILE_DESCRIPTION.trim());
  const details = page.locator('.staff-dl');
  await expect(details.getByText(HOSTILE_CITY, { exact: true })).toBeVisible();
  await details.getByText(HOSTILE_CITY, { exact: true }).hover();
  // Typed text is isolated with its own direction; the reference stays left-to-right as issued.
  const typed = details.locator('dd[dir="auto"]');
  await expect(typed).toHaveCount(2);
  const referenceShown = details.locator('dd[dir="ltr"]').first();
  await expect(referenceShown).toHaveText(reference);
  expect(await referenceShown.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  await nothingRan();
  await expectNoAxeViolations(page);

  // In the queue the name sits in its own isolate beside the reference link.
  await page.goto('/staff/#/queue');
  await page.getByRole('searchbox', { name: 'بحث' }).fill(reference);
  await page.getByRole('button', { name: 'تطبيق' }).click();
  const row = page.locator(`tr[data-reference="${reference}"]`);
  await expect(row.getByRole('link', { name: reference })).toHaveText(reference);
  await expect(row.locator('bdi')).toHaveText("Sara O'Brien-Ahmed");
  await nothingRan();
});

test('a name or city carrying a bidi override is refused, so it can never disguise a reference', async () => {
  for (const overrides of [
    { p_full_name: 'Sara \u202EDCBA-IRT' },
    { p_city: 'Jeddah \u202E1234-TRI' },
    { p_description: 'Please look at request \u202E8765-TRI quickly, thank you.' },
  ]) {
    await expect(existingRequest(undefined, overrides)).rejects.toThrow(/full_name_script|city_characters|description_characters/);
  }
});

for (const locale of ['ar', 'en'] as const) {
  test(`markup typed as a reference on the track page (${locale}) is refused as text and runs nothing`, async ({ page }) => {
    const nothingRan = await watchForExecution(page);
    await gotoIsland(page, locale === 'ar' ? '/track' : '/en/track');
    const markup = '<img src=x onerror="window.__pwned=1">';
    await page.getByLabel(say(locale, 'track.reference.label')).fill(markup);
    await page.getByLabel(say(locale, 'track.phoneLast4.label')).fill('1234');
    await page.getByRole('button', { name: say(locale, 'track.submit') }).click();
    await expect(page.getByText(say(locale, 'errors.track.reference_format')).first()).toBeVisible();
    await expect(page.getByLabel(say(locale, 'track.reference.label'))).toHaveValue(markup);
    await nothingRan();
  });
}
