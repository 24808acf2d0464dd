import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { signIn, signOut, STAFF } from './support/staff';
import { anonClient, application, serviceClient } from '../db/support/clients';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

// Issue 16, "Who looked at what", in real Chromium: an officer sees national IDs and mobiles masked
// in the queue and on the request page (the browser never receives them), shows one in full, and an
// admin finds that reveal in the access log, on the request page and in the access log view.
const strings = { ar, en } as const;
type Locale = keyof typeof strings;
const say = (locale: Locale, key: string, params: Record<string, string | number> = {}) =>
  (strings[locale] as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
const staffPath = (locale: Locale, hash: string) => `${locale === 'ar' ? '' : '/en'}/staff/#${hash}`;
const masked = (value: string) => `••••••${value.slice(-4)}`;

async function submittedRequest() {
  const { data, error } = await anonClient().rpc('submit_support_request', application({ p_full_name: 'ريم خالد الزهراني' }));
  if (error) throw error;
  const { reference } = data as { reference: string };
  const { data: row } = await serviceClient().from('support_requests').select('id, national_id, mobile').eq('reference', reference).single();
  return { reference, ...(row as { id: string; national_id: string; mobile: string }) };
}

/** Everything the API answers the page from now on, to look for the full values in: `all()` waits for every body. */
function answers(page: Page): { all: () => Promise<string> } {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/rest/v1/')) bodies.push(response.text().catch(() => ''));
  });
  return { all: async () => (await Promise.all(bodies)).join('\n') };
}

for (const locale of ['ar', 'en'] as const) {
  test(`${locale}: the officer sees masked values, shows the national ID in full, and the admin finds the reveal in the access log`, async ({ page }) => {
    const request = await submittedRequest();
    const received = answers(page);
    const full = [request.national_id, request.mobile, `0${request.mobile.slice(4)}`];

    await signIn(page, 'officer', staffPath(locale, `/queue?q=${request.reference}`));
    const row = page.getByTestId('queue').locator(`tr[data-reference="${request.reference}"]`);
    await expect(row).toBeVisible();
    await row.getByRole('link', { name: request.reference }).click();
    await expect(page.getByRole('heading', { level: 2, name: say(locale, 'staff.request.title', { reference: request.reference }) })).toBeVisible();
    await expect(page.getByTestId('national_id-value')).toHaveText(masked(request.national_id));
    await expect(page.getByTestId('mobile-value')).toHaveText(masked(request.mobile));
    const seen = await received.all();
    for (const value of full) expect(seen).not.toContain(value);
    await expectNoAxeViolations(page);

    const field = say(locale, 'staff.field.national_id');
    await page.getByRole('button', { name: say(locale, 'staff.reveal.showField', { field }) }).click();
    await expect(page.getByTestId('national_id-value')).toHaveText(request.national_id);
    await expect(page.getByText(say(locale, 'staff.reveal.recorded'))).toBeVisible();
    await expect(page.getByTestId('mobile-value')).toHaveText(masked(request.mobile));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: say(locale, 'staff.reveal.hideField', { field }) }).click();
    await expect(page.getByTestId('national_id-value')).toHaveText(masked(request.national_id));
    await signOut(page);

    await signIn(page, 'admin', staffPath(locale, `/request/${request.id}`));
    const panel = page.locator('section[aria-labelledby="request-access-log-title"]');
    const reveal = panel.getByTestId('access-log').locator('tbody tr');
    await expect(reveal).toHaveCount(1);
    await expect(reveal).toContainText(STAFF.officer.name);
    await expect(reveal).toContainText(say(locale, 'staff.accessLog.revealed', { field }));
    await expectNoAxeViolations(page);
    // The admin's own reveal is in the panel at once, without leaving the page.
    const mobileField = say(locale, 'staff.field.mobile');
    await page.getByRole('button', { name: say(locale, 'staff.reveal.showField', { field: mobileField }) }).click();
    await expect(page.getByTestId('mobile-value')).toHaveText(request.mobile);
    await expect(reveal).toHaveCount(2);
    await expect(reveal.filter({ hasText: say(locale, 'staff.accessLog.revealed', { field: mobileField }) })).toContainText(STAFF.admin.name);

    await page.goto(staffPath(locale, '/access'));
    await page.getByLabel(say(locale, 'staff.accessLog.member')).selectOption({ label: `${STAFF.officer.name} (${say(locale, 'staff.role.officer')})` });
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel(say(locale, 'staff.accessLog.from')).fill(today);
    await page.getByRole('button', { name: say(locale, 'staff.accessLog.show') }).click();
    const mine = page.getByTestId('access-log').locator('tbody tr', { has: page.getByRole('link', { name: request.reference }) });
    await expect(mine).toHaveCount(1);
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: say(locale, 'staff.accessLog.download') }).click()]);
    expect(download.suggestedFilename()).toMatch(/^irtiqaa-access-log-.*\.csv$/);
  });
}
