import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { gotoIsland } from './support/forms';
import { signIn } from './support/staff';
import { callFunction, pdfBytes, privatePage, requestAwaitingReply, storedFor, uploadForReply } from '../db/support/private-page';
import { LOCAL_SERVICE_ROLE_KEY, withDb } from '../db/support/clients';
import { privacyNoticeVersion } from '../../src/build/privacy-notice-version.mjs';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

// Issue 16: the beneficiary's rights from the private page, and the staff's data requests, in real Chromium.
const strings = { ar, en } as const;
type Locale = keyof typeof strings;
const say = (locale: Locale, key: string, params: Record<string, string | number> = {}) =>
  (strings[locale] as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
const pageOf = (locale: Locale, secret: string) => `${locale === 'ar' ? '' : '/en'}/r/#${secret}`;

async function requestWithDocument() {
  const request = await requestAwaitingReply();
  const { names } = await uploadForReply(request.secret, [{ name: 'شهادة القيد.pdf', type: 'application/pdf', bytes: pdfBytes(4000) }]);
  await privatePage('reply', { secret: request.secret, text: 'أرفقت شهادة القيد', object_names: names });
  return request;
}

async function ask(page: Page, locale: Locale, kind: string, details: string, field?: string) {
  await page.getByRole('radio', { name: say(locale, `private.data.kind.${kind}`) }).check();
  if (field) await page.getByLabel(say(locale, 'private.data.fieldLabel')).selectOption(field);
  await page.getByLabel(say(locale, kind === 'correction' ? 'private.data.detailsCorrection' : 'private.data.detailsOptional')).fill(details);
  await page.getByRole('button', { name: say(locale, 'private.data.askSubmit') }).click();
  await expect(page.getByTestId('data-asked')).toBeVisible();
}

const held = (id: string) =>
  withDb(async (db) => (await db.query('select full_name, mobile, anonymised_at from public.support_requests where id = $1', [id])).rows[0]);
const outboxMoments = (id: string) =>
  withDb(async (db) => (await db.query(`select moment::text from internal.outbox where request_id = $1 and moment::text like 'data_request_%' order by id`, [id])).rows.map((r) => r.moment));

test('a beneficiary saves a copy of their data, asks for a correction and a deletion; a supervisor handles both and the beneficiary is told', async ({ page, browser }) => {
  const request = await requestWithDocument();
  const before = await held(request.id);

  const beneficiary = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await gotoIsland(beneficiary, pageOf('ar', request.secret));
  await expect(beneficiary.getByRole('heading', { name: say('ar', 'private.data.heading') })).toBeVisible();
  await expectNoAxeViolations(beneficiary);

  const [json] = await Promise.all([beneficiary.waitForEvent('download'), beneficiary.getByRole('button', { name: say('ar', 'private.data.copyJson') }).click()]);
  const copy = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(copy).toMatchObject({ reference: request.reference, personal_data: { full_name: before.full_name, mobile: before.mobile } });
  expect(copy.documents).toEqual([expect.objectContaining({ name: 'شهادة القيد.pdf' })]);
  const [html] = await Promise.all([beneficiary.waitForEvent('download'), beneficiary.getByRole('button', { name: say('ar', 'private.data.copyHtml') }).click()]);
  expect(html.suggestedFilename()).toBe(`${request.reference}-my-data.html`);
  const page2 = await readFile((await html.path())!, 'utf8');
  expect(page2).toContain('<html lang="ar" dir="rtl">');
  expect(page2).toContain(before.full_name);
  await expect(beneficiary.getByTestId('copy-status')).toHaveText(say('ar', 'private.data.copySaved'));

  // A correction without what it should say is refused on the page, with the reason next to the field.
  await beneficiary.getByRole('radio', { name: say('ar', 'private.data.kind.correction') }).check();
  await beneficiary.getByLabel(say('ar', 'private.data.fieldLabel')).selectOption('mobile');
  await beneficiary.getByRole('button', { name: say('ar', 'private.data.askSubmit') }).click();
  await expect(beneficiary.getByText(say('ar', 'errors.dataRequest.correction_details_required'))).toBeVisible();
  await expectNoAxeViolations(beneficiary);
  await ask(beneficiary, 'ar', 'correction', 'رقمي الصحيح 0551239876', 'mobile');
  await ask(beneficiary, 'ar', 'deletion', 'لم أعد أحتاج الدعم');
  await expectNoAxeViolations(beneficiary);

  // Staff: a supervisor sees both with their deadlines, corrects the mobile, then deletes.
  await signIn(page, 'supervisor', '/staff/#/data');
  const list = page.getByTestId('data-requests');
  const entries = list.locator(`li:has(a:text("${request.reference}"))`);
  await expect(entries).toHaveCount(2);
  await expect(entries.first().getByTestId('data-request-due')).not.toBeEmpty();
  await expectNoAxeViolations(page);

  const correction = entries.filter({ hasText: say('ar', 'staff.dataRequests.kind.correction') });
  await correction.getByLabel(say('ar', 'staff.dataRequests.correctedValue')).fill('0551239876');
  await correction.getByRole('button', { name: say('ar', 'staff.dataRequests.decide') }).click();
  await expect(page.getByRole('status').filter({ hasText: say('ar', 'staff.dataRequests.decided', { reference: request.reference }) })).toBeVisible();
  expect((await held(request.id)).mobile).toBe('+966551239876');

  const deletion = list.locator(`li:has(a:text("${request.reference}"))`);
  await expect(deletion).toHaveCount(1);
  await deletion.getByRole('button', { name: say('ar', 'staff.dataRequests.decide') }).click();
  await expect(list.locator(`li:has(a:text("${request.reference}"))`)).toHaveCount(0);
  expect(await held(request.id)).toMatchObject({ full_name: '', mobile: '', anonymised_at: expect.any(Date) });
  expect(await outboxMoments(request.id)).toEqual(['data_request_done', 'data_request_done']);

  // The documents leave Storage with the retention run the deletion wakes.
  await callFunction('retention', 'run', { source: 'schedule' }, { token: LOCAL_SERVICE_ROLE_KEY });
  expect((await storedFor(request.id)).files).toEqual([]);
  await page.goto(`/staff/#/request/${request.id}`);
  await expect(page.getByTestId('anonymised')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('in English: the notice lists the data map and its version, a beneficiary withdraws consent, an admin extends the answer once and the beneficiary is told why', async ({ page, browser }) => {
  await page.goto('/en/privacy');
  await expect(page.getByTestId('privacy-map').locator('tbody tr')).toHaveCount(22); // every entry of the data map but staff names (noticeRows)
  await expect(page.getByTestId('privacy-version')).toContainText(privacyNoticeVersion());
  await expectNoAxeViolations(page);

  const request = await requestAwaitingReply();
  const beneficiary = await (await browser.newContext()).newPage();
  await gotoIsland(beneficiary, pageOf('en', request.secret));
  await ask(beneficiary, 'en', 'withdraw_consent', '');
  await expectNoAxeViolations(beneficiary);

  await signIn(page, 'admin', '/en/staff/#/data');
  await expect(page.getByRole('heading', { level: 2, name: 'Data requests' })).toBeVisible();
  const entry = page.getByTestId('data-requests').locator(`li:has(a:text("${request.reference}"))`);
  await entry.getByLabel(say('en', 'staff.dataRequests.extendReason')).fill('We are checking what the grant agreement requires us to keep');
  await entry.getByRole('button', { name: say('en', 'staff.dataRequests.extend') }).click();
  await expect(entry.getByText('We are checking what the grant agreement requires us to keep')).toBeVisible();
  await expect(entry.getByRole('button', { name: say('en', 'staff.dataRequests.extend') })).toHaveCount(0);
  expect(await outboxMoments(request.id)).toEqual(['data_request_extended']);
  await expectNoAxeViolations(page);
});
