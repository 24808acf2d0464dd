import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { gotoIsland } from './support/forms';
import { pdfText } from './support/pdf-text';
import { openRequest, signIn } from './support/staff';
import { decidedRequest, pdfBytes, pngWithHtml, privatePage, requestAwaitingReply, requestFrom, storedFor } from '../db/support/private-page';
import { requestId, submitRequest } from '../db/support/clients';
import { submitFreshRequest } from '../db/support/staff-clients';
import { serviceClient } from '../db/support/staff-clients';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

// Issue 14: each request's private page, reached by its secret link, in real Chromium.
const strings = { ar, en } as const;
type Locale = keyof typeof strings;
const say = (locale: Locale, key: string, params: Record<string, string | number> = {}) =>
  (strings[locale] as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
const pageOf = (locale: Locale, secret: string) => `${locale === 'ar' ? '' : '/en'}/r/#${secret}`;

async function act(page: Page, action: string, note?: string) {
  const form = page.locator('form.staff-action', { has: page.getByRole('button', { name: action, exact: true }) });
  if (note !== undefined) await form.getByRole('textbox').fill(note);
  await form.getByRole('button', { name: action, exact: true }).click();
}

test('the whole "needs information" loop in Arabic: staff ask, the beneficiary answers with a PDF named in Arabic, staff download exactly its bytes', async ({ page, browser }) => {
  const request = await submitFreshRequest();
  await signIn(page, 'officer');
  await openRequest(page, request.reference);
  await act(page, 'بدء الدراسة');
  const question = 'نحتاج صورة من شهادة القيد الدراسي لهذا العام';
  await act(page, 'طلب معلومات ناقصة من المستفيد', question);
  await expect(page.getByTestId('request-status')).toHaveText('بانتظار معلومات ناقصة');

  // The beneficiary, in a browser of their own, opens the link from their message.
  const beneficiary = await (await browser.newContext()).newPage();
  await gotoIsland(beneficiary, pageOf('ar', request.secret));
  await expect(beneficiary.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(beneficiary.getByRole('heading', { level: 2, name: `${say('ar', 'track.found.heading')} ${request.reference}` })).toBeVisible();
  await expect(beneficiary.locator('.status__now').first()).toHaveText(say('ar', 'track.status.needs_info'));
  await expect(beneficiary.getByRole('heading', { name: say('ar', 'private.asked.heading') })).toBeVisible();
  await expect(beneficiary.getByText(question)).toBeVisible();
  await expect(beneficiary.getByText(say('ar', 'private.documents.hint', { size: '10 ميغابايت', remaining: 10, max: 10 }).slice(0, 20))).toBeVisible();
  await expectNoAxeViolations(beneficiary);

  const bytes = pdfBytes(30_000);
  const answer = 'أرفقت شهادة القيد.\nشكرًا لكم';
  await beneficiary.getByRole('textbox', { name: say('ar', 'private.reply.label'), exact: true }).fill(answer);
  await beneficiary.getByLabel(say('ar', 'private.documents.label')).setInputFiles({ name: 'شهادة القيد الدراسي.pdf', mimeType: 'application/pdf', buffer: bytes });
  await expect(beneficiary.locator('.chosen-files')).toContainText('شهادة القيد الدراسي.pdf');
  await beneficiary.getByRole('button', { name: say('ar', 'private.send') }).click();
  await expect(beneficiary.getByTestId('replied')).toBeFocused();
  await expect(beneficiary.locator('.status__now').first()).toHaveText(say('ar', 'track.status.under_review'));
  await expect(beneficiary.getByRole('heading', { name: say('ar', 'private.replies.heading') })).toBeVisible();
  await expect(beneficiary.getByRole('heading', { name: say('ar', 'private.reply.heading') })).toHaveCount(0);
  await expectNoAxeViolations(beneficiary);

  // Staff see the answer and the document on the timeline, and download the very bytes.
  await page.reload();
  await expect(page.getByTestId('request-status')).toHaveText('قيد الدراسة');
  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('li[data-kind="reply"] .note')).toHaveText(answer);
  await expect(timeline.getByTestId('document-event')).toContainText('شهادة القيد الدراسي.pdf');
  await expect(timeline.getByTestId('document-event')).toContainText('PDF');
  await expect(timeline.locator('li[data-kind="status_changed"]').last()).toContainText('المستفيد');
  await expect(page.getByTestId('documents')).toContainText('من المستفيد');
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'تنزيل: شهادة القيد الدراسي.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${request.reference}-1.pdf`);
  expect((await readFile((await download.path())!)).equals(bytes)).toBe(true);

  // Policy steps 2 and 4: the officer checked them.
  await page.getByLabel('ملاحظة على المراجعة (اختيارية)').fill('طابقت الشهادة مع بيانات الطلب');
  await page.getByRole('button', { name: 'تأكيد مراجعة المستندات ومطابقتها للطلب' }).click();
  await expect(page.getByTestId('documents-checked')).toContainText('روجعت المستندات');
  await expect(timeline.locator('li[data-kind="documents_checked"]')).toContainText('طابقت الشهادة مع بيانات الطلب');
});

test('refusals in English, each said before anything is sent, and nothing stored', async ({ page }) => {
  const request = await requestAwaitingReply('Please send a copy of the school enrolment letter');
  await gotoIsland(page, pageOf('en', request.secret));
  const picker = page.getByLabel(say('en', 'private.documents.label'));
  const refusal = (name: string, key: string) => say('en', 'private.documents.refused', { name, reason: say('en', `errors.documents.${key}`) });

  await picker.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: pdfBytes(10 * 1024 * 1024) });
  await expect(page.getByText(refusal('scan.pdf', 'document_too_large'))).toBeVisible();
  await picker.setInputFiles({ name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(page.getByText(refusal('drawing.svg', 'document_type'))).toBeVisible();
  await picker.setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: pngWithHtml() });
  await expect(page.getByText(refusal('letter.pdf', 'document_content_mismatch'))).toBeVisible();
  await expect(page.locator('.chosen-files')).toHaveCount(0);
  await expectNoAxeViolations(page);

  const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `page-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(100) }));
  await picker.setInputFiles(eleven);
  await expect(page.getByText(refusal('page-11.pdf', 'documents_too_many'))).toBeVisible();
  await expect(page.locator('.chosen-files li')).toHaveCount(10);

  await page.getByRole('textbox', { name: say('en', 'private.reply.label'), exact: true }).fill('Enclosed \u202Efdp.exe\u202C as asked');
  await page.getByRole('button', { name: say('en', 'private.send') }).click();
  const summary = page.getByRole('alert').filter({ hasText: say('en', 'form.error.summaryTitle') });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([say('en', 'errors.reply.reply_characters')]);
  await expect(page).toHaveTitle(new RegExp(`^${say('en', 'form.error.titlePrefix')} `));
  await expectNoAxeViolations(page);
  expect(await storedFor(request.id)).toEqual({ status: 'needs_info', documents: [], files: [], reservations: [], replies: [] });
});

test('a wrong link, no link and a replaced link say the same and reveal nothing; the current link keeps working', async ({ page, browser }) => {
  const request = await submitFreshRequest();
  for (const [locale, url] of [['ar', '/r/#AAAAAAAAAAAAAAAAAAAAAAAA'], ['en', '/en/r/'], ['ar', '/r/#short']] as const) {
    await gotoIsland(page, url);
    await expect(page.getByRole('heading', { name: say(locale, 'private.notFound.title') })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('IRT-');
    await expectNoAxeViolations(page);
  }

  // The beneficiary asks by phone for a new link; the officer issues it and reads it out.
  const staffPage = await (await browser.newContext()).newPage();
  await signIn(staffPage, 'officer');
  await openRequest(staffPage, request.reference);
  await staffPage.getByRole('button', { name: 'إصدار رابط جديد' }).click();
  const newLink = (await staffPage.getByTestId('private-link').textContent())!.trim();
  expect(newLink).toMatch(/\/r\/#[A-Za-z0-9_-]{24}$/);
  await expect(staffPage.getByTestId('timeline').locator('li[data-kind="link_issued"]')).toBeVisible();
  await expectNoAxeViolations(staffPage);

  await gotoIsland(page, pageOf('ar', request.secret));
  await expect(page.getByRole('heading', { name: say('ar', 'private.notFound.title') })).toBeVisible();
  await page.goto('/track/');
  await gotoIsland(page, new URL(newLink).pathname + new URL(newLink).hash);
  await expect(page.getByRole('heading', { level: 2, name: `${say('ar', 'track.found.heading')} ${request.reference}` })).toBeVisible();
});

test('the decision letter prints (Chromium’s PDF) with both calendars, the reason and who decided', async ({ page }) => {
  const reason = 'الطلب خارج نطاق برامج الدعم المتاحة هذا الفصل';
  const request = await decidedRequest('rejected', reason);
  await gotoIsland(page, pageOf('ar', request.secret));
  await expect(page.getByRole('heading', { name: say('ar', 'private.decision.heading'), exact: true })).toBeVisible();
  await expect(page.getByText(say('ar', 'private.decision.rejected'))).toBeVisible();
  await expect(page.locator('.private-section').getByText(reason)).toBeVisible();
  await expect(page.getByTestId('decision-letter')).toBeHidden();
  await expectNoAxeViolations(page);

  await page.emulateMedia({ media: 'print' });
  const letter = page.getByTestId('decision-letter');
  await expect(letter).toBeVisible();
  await expect(page.locator('#decision-heading')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const { pages, text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  expect(pages).toBe(1);
  const flat = text.replace(/[،,]/g, '').replace(/\s+/g, ' ');
  expect(flat).toContain(request.reference);
  const year = String(new Date().getFullYear());
  expect(flat).toContain(year); // the Gregorian date
  expect(flat).toMatch(/14[4-9]\d/); // the Umm al-Qura year
  // pdf.js gives a right-to-left line's words in the order they stand on the page, right to left,
  // and the lam-alef ligature's two letters the other way round.
  const onPage = (phrase: string) => phrase.replace(/ل([اأإآ])/g, '$1ل').split(' ').reverse().join(' ');
  for (const phrase of [reason, 'جمعية ارتقاء التعليمية', say('ar', 'private.role.authority'), say('ar', 'private.letter.title')]) {
    expect(flat, phrase).toContain(onPage(phrase));
  }
  expect(flat).toContain('هـ');
});

test('rating through the link opens a follow-up on a low score; once rated, the page says so', async ({ page }) => {
  const request = await decidedRequest('accepted');
  await gotoIsland(page, pageOf('en', request.secret));
  await expect(page.getByText(say('en', 'private.survey.once'))).toBeVisible();
  await expectNoAxeViolations(page);
  for (const dimension of ['overall', 'courtesy', 'clarity', 'speed', 'ease']) {
    await page.getByRole('group', { name: say('en', `survey.${dimension}.legend`) }).getByRole('radio', { name: dimension === 'overall' ? /^1 / : /^3 / }).check();
  }
  await page.getByRole('button', { name: say('en', 'survey.submit') }).click();
  await expect(page.getByRole('heading', { name: say('en', 'survey.thanks.title') })).toBeFocused();
  const { data: events } = await serviceClient().from('request_events').select('kind, code').eq('request_id', request.id).eq('kind', 'follow_up');
  expect(events).toEqual([{ kind: 'follow_up', code: 'low_satisfaction_score' }]);
  await page.reload();
  await expect(page.getByText(/You rated our service for this request on/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('messages: the beneficiary changes the ways in English (a lost connection keeps the choice), stops them in Arabic', async ({ page }) => {
  const receipt = await submitRequest({ p_email: 'sara.page@example.com' });
  const id = await requestId(receipt.reference);
  const preferences = async () => (await serviceClient().from('contact_preferences').select('sms, email, stopped_at').eq('request_id', id).single()).data;
  const section = (locale: Locale) => page.getByRole('region', { name: say(locale, 'private.messages.heading') });
  const way = (locale: Locale, key: 'sms' | 'email') => section(locale).getByRole('checkbox', { name: say(locale, `private.messages.${key}`) });

  await gotoIsland(page, pageOf('en', receipt.private_link_secret));
  const messages = section('en');
  await expect(messages.getByTestId('messages-now')).toHaveText(say('en', 'private.messages.now.both'));
  await expect(messages.getByText(say('en', 'private.messages.decision'))).toBeVisible();
  await expect(way('en', 'sms')).toBeChecked();
  await expect(way('en', 'email')).toBeChecked();
  await expectNoAxeViolations(page);

  await way('en', 'sms').uncheck();
  await messages.getByRole('button', { name: say('en', 'private.messages.save') }).click();
  await expect(messages.getByRole('status')).toHaveText(say('en', 'private.messages.saved'));
  await expect(messages.getByTestId('messages-now')).toHaveText(say('en', 'private.messages.now.email'));
  expect(await preferences()).toEqual({ sms: false, email: true, stopped_at: null });

  // No way at all is a stop, with its own button: said at once, nothing sent.
  await way('en', 'email').uncheck();
  await messages.getByRole('button', { name: say('en', 'private.messages.save') }).click();
  await expect(messages.getByText(say('en', 'private.messages.error.messages_channel_required'))).toBeVisible();
  await expect(way('en', 'sms')).toHaveAttribute('aria-describedby', 'messages-error');
  await expectNoAxeViolations(page);
  expect(await preferences()).toEqual({ sms: false, email: true, stopped_at: null });

  // The connection drops as they save SMS instead: what they ticked stays, and the page says nothing changed.
  await way('en', 'sms').check();
  await page.route('**/functions/v1/private-page/messages', (route) => route.abort('connectionreset'));
  await messages.getByRole('button', { name: say('en', 'private.messages.save') }).click();
  await expect(messages.getByRole('heading', { name: say('en', 'private.messages.unavailable.title') })).toBeVisible();
  await expect(way('en', 'sms')).toBeChecked();
  await expect(way('en', 'email')).not.toBeChecked();
  await expect(messages.getByTestId('messages-now')).toHaveText(say('en', 'private.messages.now.email'));
  await expectNoAxeViolations(page);
  await page.unrouteAll();
  await messages.getByRole('button', { name: say('en', 'private.messages.save') }).click();
  await expect(messages.getByRole('status')).toHaveText(say('en', 'private.messages.saved'));
  await expect(messages.getByTestId('messages-now')).toHaveText(say('en', 'private.messages.now.sms'));
  await expect(messages.getByRole('heading', { name: say('en', 'private.messages.unavailable.title') })).toHaveCount(0);
  expect(await preferences()).toEqual({ sms: true, email: false, stopped_at: null });

  // Later, in Arabic: the page opens with that choice, and they stop the messages.
  await gotoIsland(page, pageOf('ar', receipt.private_link_secret));
  const arabic = section('ar');
  await expect(arabic.getByTestId('messages-now')).toHaveText(say('ar', 'private.messages.now.sms'));
  await expect(way('ar', 'sms')).toBeChecked();
  await expect(way('ar', 'email')).not.toBeChecked();
  await expect(arabic.getByText(say('ar', 'private.messages.stopHint'))).toBeVisible();
  await expectNoAxeViolations(page);
  const toggle = arabic.getByRole('button', { name: say('ar', 'private.messages.stop') });
  await toggle.click();
  await expect(arabic.getByRole('status')).toHaveText(say('ar', 'private.messages.stoppedNow'));
  await expect(arabic.getByTestId('messages-now')).toHaveText(say('ar', 'private.messages.now.stopped'));
  // The same button now turns them back on, and keeps the focus.
  await expect(arabic.getByRole('button', { name: say('ar', 'private.messages.resume') })).toBeFocused();
  await expectNoAxeViolations(page);
  expect(await preferences()).toMatchObject({ sms: true, email: false, stopped_at: expect.any(String) });
  const { data: events } = await serviceClient().from('request_events').select('code, actor_id').eq('request_id', id).eq('kind', 'contact_preferences').order('id');
  expect(events).toEqual([
    { code: 'contact_preferences_changed', actor_id: null },
    { code: 'contact_preferences_changed', actor_id: null },
    { code: 'messages_stopped', actor_id: null },
  ]);
  await page.reload();
  await expect(section('ar').getByTestId('messages-now')).toHaveText(say('ar', 'private.messages.now.stopped'));
});

test('a connection stopped for too many wrong links, and a lost connection, are explained in both languages', async ({ page }) => {
  const { secret } = await submitFreshRequest();
  // A connection of its own: the page's calls are sent on from a loopback address of their own (the
  // gateway counts the socket's address), so only this client is stopped, not the other tests' browser.
  const client = `stopped-${Math.floor(Math.random() * 1e9)}`;
  await page.route('**/functions/v1/private-page/**', async (route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.continue();
    const answer = await requestFrom(client, request.url(), { method: request.method(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? '' });
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });
  for (let i = 0; i < 20; i++) await privatePage('open', { secret: `${'B'.repeat(20)}${String(i).padStart(4, '0')}` }, client);
  for (const locale of ['ar', 'en'] as const) {
    await gotoIsland(page, pageOf(locale, secret));
    await expect(page.getByRole('heading', { name: say(locale, 'private.throttled.title') })).toBeVisible();
    await expect(page.getByText(new RegExp(say(locale, 'private.throttled.body', { minutes: '\\d+' })))).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.unrouteAll();
  await page.route('**/functions/v1/private-page/open', (route) => route.abort('connectionreset'));
  for (const locale of ['ar', 'en'] as const) {
    await gotoIsland(page, pageOf(locale, secret));
    await expect(page.getByRole('heading', { name: say(locale, 'private.unavailable.title') })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.unrouteAll();
  await page.getByRole('button', { name: say('en', 'private.retry') }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${say('en', 'track.found.heading')} IRT-`) })).toBeVisible();
});
