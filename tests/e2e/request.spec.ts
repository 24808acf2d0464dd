import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { arabicDigits, e164, existingRequest, expectNoHorizontalScroll, gotoIsland, newMobile, newNationalId, pathFor, requestRowsFor } from './support/forms';
import { ACCURACY_DECLARATION_VERSION } from '../../src/schemas/support-request';
import { UNAVAILABLE, unavailableHeaders } from '../../supabase/local/unavailable.mjs';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

const strings = { ar, en } as const;
type Locale = keyof typeof strings;
const say = (locale: Locale, key: string) => (strings[locale] as Record<string, string>)[key]!;

interface Answers {
  fullName: string;
  nationalId: string;
  mobile: string;
  email?: string;
  city: string;
  description: string;
}

const answersFor = (locale: Locale): Answers =>
  locale === 'ar'
    ? { fullName: 'سارة أحمد الغامدي', nationalId: newNationalId(), mobile: newMobile(), city: 'جدة', description: 'أحتاج دروس تقوية في الرياضيات لابني في الصف الخامس مرتين في الأسبوع.' }
    : { fullName: 'Sara Ahmed', nationalId: newNationalId(), mobile: newMobile(), email: 'Sara@Example.com', city: 'Jeddah', description: 'Tutoring in mathematics for my son in grade 5, twice a week please.' };

async function fillRequest(page: Page, locale: Locale, answers: Answers, typed: (s: string) => string = (s) => s) {
  await page.getByLabel(say(locale, 'request.fullName.label')).fill(answers.fullName);
  await page.getByLabel(say(locale, 'request.nationalId.label')).fill(typed(answers.nationalId));
  await page.getByLabel(say(locale, 'request.mobile.label')).fill(typed(answers.mobile));
  if (answers.email) await page.getByLabel(say(locale, 'request.email.label')).fill(answers.email);
  await page.getByLabel(say(locale, 'request.city.label'), { exact: true }).fill(answers.city);
  await page.getByLabel(say(locale, 'request.category.parent')).check();
  await page.getByLabel(say(locale, 'request.requestType.label')).selectOption('tutoring');
  await page.getByLabel(say(locale, 'request.description.label')).fill(answers.description);
  await page.getByRole('radio', { name: locale === 'ar' ? 'الاتصال الهاتفي' : /phone/i }).check();
  await page.getByLabel(say(locale, 'request.accuracy.label')).check();
  await page.getByLabel(say(locale, 'request.privacy.label')).check();
}

async function continueToReview(page: Page, locale: Locale) {
  // The database refuses a form filled in under 3 seconds (a bot's speed).
  await page.waitForTimeout(3100);
  await page.getByRole('button', { name: say(locale, 'request.continue') }).click();
  await expect(page.getByRole('heading', { level: 1, name: say(locale, 'request.review.title') })).toBeFocused();
}

test.describe('Submitting a support request', () => {
  test('before the form’s code runs, Enter sends nothing: no answer lands in the address', async ({ page }) => {
    // The island's code never arrives: the server HTML is all there is.
    let withheld = false;
    await page.route(/\/_astro\/SupportRequestForm\.[^/]+\.js$/, (route) => {
      withheld = true;
      return route.abort();
    });
    await page.goto(pathFor('en', '/request'));
    await page.locator('#full_name').fill('Sara Ahmed');
    await page.locator('#full_name').press('Enter');
    // A browser-sent form would have navigated to /en/request/?full_name=... by now.
    await page.waitForTimeout(1000);
    expect(new URL(page.url()).search).toBe('');
    expect(withheld).toBe(true);
  });

  test('in Arabic with Arabic-Indic digits: check answers, send, and the request is stored normalised', async ({ page }) => {
    const answers = answersFor('ar');
    await gotoIsland(page, '/request');
    await expectNoAxeViolations(page);
    await fillRequest(page, 'ar', answers, arabicDigits);
    // Digits are shown as Latin digits as soon as they are typed.
    await expect(page.getByLabel(say('ar', 'request.nationalId.label'))).toHaveValue(answers.nationalId);
    await expect(page.locator('#description-count')).toHaveText(`${[...answers.description].length} من 4000 حرف`);
    await continueToReview(page, 'ar');

    const review = page.locator('.summary-list');
    await expect(review).toContainText(answers.fullName);
    await expect(review).toContainText(e164(answers.mobile));
    await expect(review).toContainText('الاتصال الهاتفي');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: say('ar', 'request.review.send') }).click();
    await expect(page.getByRole('heading', { level: 1, name: say('ar', 'request.confirmation.title') })).toBeFocused();
    const reference = (await page.locator('#reference-number').textContent())!.trim();
    expect(reference).toMatch(/^IRT-[0-9A-Z]{8}$/);
    await expect(page.getByText('أسبوعين').first()).toBeVisible();
    await expect(page.locator('.confirmation time').first()).toContainText(/هـ/); // the Umm al-Qura date
    await expect(page.getByRole('link', { name: say('ar', 'request.confirmation.trackLink') })).toHaveAttribute('href', `/track?ref=${reference}`);
    await expect(page.getByRole('button', { name: say('ar', 'request.confirmation.print') })).toBeVisible();
    await expect(page.locator('.steps li')).toHaveCount(3);
    await expectNoAxeViolations(page);

    const [row] = await requestRowsFor(answers.mobile);
    expect(row).toMatchObject({
      reference,
      full_name: answers.fullName,
      national_id: answers.nationalId,
      mobile: e164(answers.mobile),
      status: 'submitted',
      locale: 'ar',
      accuracy_confirmed: true,
      privacy_consent: true,
      accuracy_declaration_version: ACCURACY_DECLARATION_VERSION,
      preferred_channel: 'phone',
    });
    // The draft is gone once the request is sent.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  test('in English: every step passes axe, and the reference can be copied', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const answers = answersFor('en');
    await gotoIsland(page, '/en/request');
    await expectNoAxeViolations(page);
    await fillRequest(page, 'en', answers);
    await continueToReview(page, 'en');
    await expect(page.locator('.summary-list')).toContainText('sara@example.com');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: say('en', 'request.review.send') }).click();
    await expect(page.locator('.confirmation time').first()).toContainText(/AH/);
    await expectNoAxeViolations(page);
    const reference = (await page.locator('#reference-number').textContent())!.trim();
    expect((await requestRowsFor(answers.mobile))[0]).toMatchObject({ reference, email: 'sara@example.com', locale: 'en' });
    await page.getByRole('button', { name: say('en', 'request.confirmation.copy') }).click();
    await expect(page.getByText(say('en', 'request.confirmation.copied'))).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference);

    // Issue 14: the private link, given this once, copied as it is shown; it opens the request's own page.
    const link = (await page.locator('#private-link').textContent())!.trim();
    expect(link).toMatch(/\/en\/r\/#[A-Za-z0-9_-]{24}$/);
    await page.getByRole('button', { name: say('en', 'request.confirmation.copyLink') }).click();
    await expect(page.getByText(say('en', 'request.confirmation.linkCopied'))).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 2, name: `${say('en', 'track.found.heading')} ${reference}` })).toBeVisible();
  });

  for (const locale of ['ar', 'en'] as const) {
    test(`every field explains its error in ${locale}, and the summary links move focus to the field`, async ({ page }) => {
      await gotoIsland(page, pathFor(locale, '/request'));
      const title = await page.title();
      await page.getByRole('button', { name: say(locale, 'request.continue') }).click();

      const summary = page.getByRole('alert').filter({ hasText: say(locale, 'form.error.summaryTitle') });
      await expect(summary).toBeFocused();
      await expect(page).toHaveTitle(`${say(locale, 'form.error.titlePrefix')} ${title}`);
      const required = [
        ['full_name', 'errors.full_name_required'],
        ['national_id', 'errors.national_id_required'],
        ['mobile', 'errors.mobile_required'],
        ['city', 'errors.city_required'],
        ['category-0', 'errors.category_required'],
        ['request_type', 'errors.request_type_required'],
        ['description', 'errors.description_required'],
        ['preferred_channel-0', 'errors.preferred_channel_required'],
        ['accuracy_confirmed', 'errors.accuracy_confirmed_required'],
        ['privacy_consent', 'errors.privacy_consent_required'],
      ] as const;
      await expect(summary.getByRole('link')).toHaveText(required.map(([, key]) => say(locale, key)));
      for (const [id, key] of required) {
        await summary.getByRole('link', { name: say(locale, key) }).click();
        await expect(page.locator(`#${id}`)).toBeFocused();
        await expect(page.locator(`#${id}`)).toHaveAttribute('aria-invalid', 'true');
      }
      // Inline messages are tied to their fields, prefixed for screen readers.
      await expect(page.getByLabel(say(locale, 'request.fullName.label'))).toHaveAccessibleDescription(
        new RegExp(`${say(locale, 'form.error.prefix')} ${say(locale, 'errors.full_name_required')}`),
      );
      await expectNoAxeViolations(page);

      // Wrong formats, each with its own instruction.
      await page.getByLabel(say(locale, 'request.fullName.label')).fill('Sara2');
      await page.getByLabel(say(locale, 'request.nationalId.label')).fill('1234567890');
      await page.getByLabel(say(locale, 'request.mobile.label')).fill('0123');
      await page.getByLabel(say(locale, 'request.email.label')).fill('sara@');
      await page.getByLabel(say(locale, 'request.city.label'), { exact: true }).fill('J');
      await page.getByLabel(say(locale, 'request.description.label')).fill('Too short');
      await page.getByRole('button', { name: say(locale, 'request.continue') }).click();
      for (const key of ['full_name_script', 'national_id_checksum', 'mobile_format', 'email_format', 'city_length', 'description_length']) {
        await expect(summary.getByRole('link', { name: say(locale, `errors.${key}`) })).toBeVisible();
      }
      await page.getByLabel(say(locale, 'request.fullName.label')).fill('Sara');
      await page.getByRole('button', { name: say(locale, 'request.continue') }).click();
      await expect(summary.getByRole('link', { name: say(locale, 'errors.full_name_parts') })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('the national ID check digit is checked when leaving the field', async ({ page }) => {
    await gotoIsland(page, '/en/request');
    const nationalId = page.getByLabel(say('en', 'request.nationalId.label'));
    await nationalId.fill('1234567890');
    await expect(page.getByText(say('en', 'errors.national_id_checksum'))).toHaveCount(0);
    await nationalId.press('Tab');
    await expect(page.locator('#national_id-error')).toContainText(say('en', 'errors.national_id_checksum'));
    await expect(nationalId).toHaveAttribute('inputmode', 'numeric');
    await expect(nationalId).toHaveAttribute('dir', 'ltr');
  });

  test('a rule only the database checks is shown on the right field', async ({ page }) => {
    const answers = answersFor('en');
    await gotoIsland(page, '/en/request');
    await fillRequest(page, 'en', answers);
    await continueToReview(page, 'en');
    // Bypass the browser's checks: the call reaches the database with a wrong check digit.
    await page.route('**/rest/v1/rpc/submit_support_request', async (route) => {
      const body = route.request().postDataJSON();
      await route.continue({ postData: JSON.stringify({ ...body, p_national_id: '1234567890' }) });
    });
    await page.getByRole('button', { name: say('en', 'request.review.send') }).click();
    const summary = page.getByRole('alert').filter({ hasText: say('en', 'form.error.summaryTitle') });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([say('en', 'errors.national_id_checksum')]);
    await expect(page.locator('#national_id-error')).toContainText(say('en', 'errors.national_id_checksum'));
    await expect(page.getByLabel(say('en', 'request.fullName.label'))).toHaveValue(answers.fullName);
    expect(await requestRowsFor(answers.mobile)).toHaveLength(0);
    await expectNoAxeViolations(page);
  });

  test('a network failure keeps every answer; retrying after a lost reply and a double click creates one request', async ({ page }) => {
    const answers = answersFor('ar');
    await gotoIsland(page, '/request');
    await fillRequest(page, 'ar', answers);
    await continueToReview(page, 'ar');

    // 1. The connection drops before the request leaves the browser.
    await page.route('**/rest/v1/rpc/submit_support_request', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: say('ar', 'request.review.send') }).click();
    await expect(page.getByRole('alert')).toContainText(say('ar', 'request.unavailable.title'));
    await expect(page.locator('.summary-list')).toContainText(answers.description);
    await expectNoAxeViolations(page);
    await page.unrouteAll();

    // 2. The request reaches the database but the reply is lost.
    await page.route('**/rest/v1/rpc/submit_support_request', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: say('ar', 'request.review.retry') }).click();
    await expect(page.getByRole('alert')).toContainText(say('ar', 'request.unavailable.title'));
    expect(await requestRowsFor(answers.mobile)).toHaveLength(1);
    await page.unrouteAll();

    // 3. The applicant, impatient, double-clicks "try again".
    await page.getByRole('button', { name: say('ar', 'request.review.retry') }).dblclick();
    await expect(page.getByRole('heading', { level: 1, name: say('ar', 'request.confirmation.title') })).toBeVisible();
    const reference = (await page.locator('#reference-number').textContent())!.trim();
    const rows = await requestRowsFor(answers.mobile);
    expect(rows.map((r) => r.reference)).toEqual([reference]);
  });

  test('in English, while the service is down (the gateway\'s own 503), every answer is kept and it succeeds once when back', async ({ page }) => {
    const answers = answersFor('en');
    await gotoIsland(page, '/en/request');
    await fillRequest(page, 'en', answers);
    await continueToReview(page, 'en');

    // The real outage (PostgREST or PostgreSQL killed) is tests/db/recovery.test.ts; here the
    // browser gets exactly what the gateway answers then, without stopping the shared stack.
    await page.route('**/rest/v1/rpc/submit_support_request', (route) =>
      route.fulfill({
        status: 503,
        headers: { ...unavailableHeaders, 'access-control-allow-origin': new URL(page.url()).origin, 'access-control-allow-credentials': 'true' },
        body: JSON.stringify(UNAVAILABLE),
      }),
    );
    await page.getByRole('button', { name: say('en', 'request.review.send') }).click();
    await expect(page.getByRole('alert')).toContainText(say('en', 'request.unavailable.title'));
    for (const answer of [answers.fullName, answers.city, answers.description]) await expect(page.locator('.summary-list')).toContainText(answer);
    expect(await requestRowsFor(answers.mobile)).toHaveLength(0);
    await expectNoAxeViolations(page);
    await page.unrouteAll();

    await page.getByRole('button', { name: say('en', 'request.review.retry') }).click();
    await expect(page.getByRole('heading', { level: 1, name: say('en', 'request.confirmation.title') })).toBeVisible();
    const reference = (await page.locator('#reference-number').textContent())!.trim();
    expect((await requestRowsFor(answers.mobile)).map((r) => r.reference)).toEqual([reference]);
  });

  test('a reload restores the draft, but never the declarations', async ({ page }) => {
    const answers = answersFor('en');
    await gotoIsland(page, '/en/request');
    await fillRequest(page, 'en', answers);
    await page.reload();
    await gotoIsland(page, '/en/request');
    await expect(page.getByRole('status').filter({ hasText: say('en', 'request.draft.restored') })).toBeVisible();
    await expect(page.getByLabel(say('en', 'request.fullName.label'))).toHaveValue(answers.fullName);
    await expect(page.getByLabel(say('en', 'request.mobile.label'))).toHaveValue(answers.mobile);
    await expect(page.getByLabel(say('en', 'request.description.label'))).toHaveValue(answers.description);
    await expect(page.getByLabel(say('en', 'request.category.parent'))).toBeChecked();
    await expect(page.getByLabel(say('en', 'request.accuracy.label'))).not.toBeChecked();
    await expect(page.getByLabel(say('en', 'request.privacy.label'))).not.toBeChecked();
    const stored = await page.evaluate(() => Object.values({ ...localStorage }).join());
    expect(stored).toContain(answers.fullName);
    expect(stored).not.toContain('accuracy_confirmed');
    expect(stored).not.toContain('privacy_consent');
    await expectNoAxeViolations(page);
  });

  test('the fourth request of the day from one mobile explains which channels to use instead', async ({ page }) => {
    const mobile = newMobile();
    for (let i = 0; i < 3; i++) await existingRequest(mobile);
    await gotoIsland(page, '/en/request');
    await fillRequest(page, 'en', { ...answersFor('en'), mobile });
    await continueToReview(page, 'en');
    await page.getByRole('button', { name: say('en', 'request.review.send') }).click();
    await expect(page.locator('#mobile-error')).toContainText(say('en', 'errors.mobile_daily_limit'));
    await expect(page.getByRole('link', { name: say('en', 'request.mobileLimit.channelsLink') })).toHaveAttribute('href', '/en/channels');
    expect(await requestRowsFor(mobile)).toHaveLength(3);
    await expectNoAxeViolations(page);
  });

  test('the spam checks run in the database: a filled honeypot is refused and nothing is saved', async ({ page }) => {
    const answers = answersFor('en');
    await gotoIsland(page, '/en/request');
    await fillRequest(page, 'en', answers);
    await page.locator('#website').fill('https://spam.example', { force: true }); // what a bot does
    await continueToReview(page, 'en');
    const sent = page.waitForRequest('**/rest/v1/rpc/submit_support_request');
    await page.getByRole('button', { name: say('en', 'request.review.send') }).click();
    const body = (await sent).postDataJSON();
    expect(body.p_honeypot).toBe('https://spam.example');
    expect(Date.now() - Date.parse(body.p_form_started_at)).toBeGreaterThan(3000);
    await expect(page.getByRole('alert')).toContainText(say('en', 'errors.honeypot_filled'));
    expect(await requestRowsFor(answers.mobile)).toHaveLength(0);
  });

  test('the receipt prints the reference and dates without the buttons', async ({ page }) => {
    await gotoIsland(page, '/en/request');
    await fillRequest(page, 'en', answersFor('en'));
    await continueToReview(page, 'en');
    await page.getByRole('button', { name: say('en', 'request.review.send') }).click();
    await expect(page.locator('#reference-number')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#reference-number')).toBeVisible();
    await expect(page.locator('.confirmation time').first()).toBeVisible();
    await expect(page.getByRole('button', { name: say('en', 'request.confirmation.print') })).toBeHidden();
    await expect(page.locator('header').first()).toBeHidden();
  });

  test('works at 320 px with the keyboard alone', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const answers = answersFor('ar');
    await gotoIsland(page, '/request');
    await expectNoHorizontalScroll(page);
    await page.locator('#full_name').focus();
    await page.keyboard.type(answers.fullName);
    await page.keyboard.press('Tab');
    await page.keyboard.type(answers.nationalId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(answers.mobile);
    await page.keyboard.press('Tab'); // email (optional)
    await page.keyboard.press('Tab');
    await page.keyboard.type(answers.city);
    await page.keyboard.press('Tab'); // the first category
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the first request type
    await page.keyboard.press('Tab');
    await page.keyboard.type(answers.description);
    await page.keyboard.press('Tab'); // the first channel
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // updates by SMS (kept, as by default)
    await page.keyboard.press('Tab'); // updates by email (kept)
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // accuracy
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // privacy consent
    await page.keyboard.press('Tab'); // the privacy notice link
    await page.waitForTimeout(3100);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: say('ar', 'request.continue') })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: say('ar', 'request.review.title') })).toBeFocused();
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: say('ar', 'request.review.send') }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: say('ar', 'request.confirmation.title') })).toBeVisible();
    await expectNoHorizontalScroll(page);
    expect(await requestRowsFor(answers.mobile)).toHaveLength(1);
  });
});
