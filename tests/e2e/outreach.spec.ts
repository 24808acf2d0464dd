// Issue 13 as people meet it, in real Chromium against the built site and a fresh stack: the
// beneficiary chooses their updates and gets them in their language, stops them with the link,
// and staff write, see what was sent, change the choice, and send again what did not arrive.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { e164, existingRequest, gotoIsland, newMobile, newNationalId } from './support/forms';
import { openRequest, signIn, signOut } from './support/staff';
import { submitFreshRequest, serviceClient } from '../db/support/staff-clients';
import { requestsIn } from '../db/support/arrange';
import { withDb } from '../db/support/clients';
import { allowSweep, makeOverdue, outboxOf, runNotify } from '../db/support/outreach';
import { messagesTo, smsAddress, waitForMessage, type InboxMessage } from '../support/inbox';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

const strings = { ar, en } as const;
type Locale = keyof typeof strings;
const say = (locale: Locale, key: string, params: Record<string, string> = {}) =>
  (strings[locale] as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? `{${n}}`);
const WAIT = { timeoutMs: 40_000 };
const about = (reference: string) => (m: InboxMessage) => m.text.includes(reference) || m.subject.includes(reference);

async function act(page: Page, action: string, note?: string) {
  const form = page.locator('form.staff-action', { has: page.getByRole('button', { name: action, exact: true }) });
  if (note !== undefined) await form.getByRole('textbox').fill(note);
  await form.getByRole('button', { name: action, exact: true }).click();
}

async function requestIdOf(reference: string) {
  const { data } = await serviceClient().from('support_requests').select('id').eq('reference', reference).single();
  return data!.id as string;
}

test.describe('the beneficiary', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`submits in ${locale === 'ar' ? 'Arabic' : 'English'}, keeps the default updates, and gets the SMS and the email in that language`, async ({ page }) => {
      const mobile = newMobile();
      const email = `${locale}-${Date.now()}@example.com`;
      await gotoIsland(page, locale === 'ar' ? '/request' : '/en/request');
      await expect(page.getByRole('group', { name: say(locale, 'request.messages.legend') })).toBeVisible();
      await expect(page.getByLabel(say(locale, 'request.messages.sms'))).toBeChecked();
      await expect(page.getByLabel(say(locale, 'request.messages.email'))).toBeChecked();
      await page.getByLabel(say(locale, 'request.fullName.label')).fill(locale === 'ar' ? 'ريم خالد العتيبي' : 'Reem Khalid');
      await page.getByLabel(say(locale, 'request.nationalId.label')).fill(newNationalId());
      await page.getByLabel(say(locale, 'request.mobile.label')).fill(mobile);
      await page.getByLabel(say(locale, 'request.email.label')).fill(email);
      await page.getByLabel(say(locale, 'request.city.label'), { exact: true }).fill(locale === 'ar' ? 'الرياض' : 'Riyadh');
      await page.getByLabel(say(locale, 'request.category.student')).check();
      await page.getByLabel(say(locale, 'request.requestType.label')).selectOption('tutoring');
      await page.getByLabel(say(locale, 'request.description.label')).fill(locale === 'ar' ? 'أحتاج إلى دروس تقوية في الفيزياء قبل الاختبارات النهائية.' : 'I need physics tutoring before the final exams, please.');
      await page.getByRole('radio', { name: locale === 'ar' ? 'الاتصال الهاتفي' : /phone/i }).check();
      await page.getByLabel(say(locale, 'request.accuracy.label')).check();
      await page.getByLabel(say(locale, 'request.privacy.label')).check();
      await expectNoAxeViolations(page);
      await page.waitForTimeout(3100);
      await page.getByRole('button', { name: say(locale, 'request.continue') }).click();
      const review = page.locator('.summary-list');
      await expect(review).toContainText(`${say(locale, 'request.messages.sms')} · ${say(locale, 'request.messages.email')}`);
      await page.getByRole('button', { name: say(locale, 'request.review.send') }).click();
      const reference = (await page.locator('#reference-number').textContent())!.trim();

      const sms = await waitForMessage(smsAddress(e164(mobile)), { ...WAIT, predicate: about(reference) });
      const mail = await waitForMessage(email, { ...WAIT, predicate: about(reference) });
      if (locale === 'ar') {
        expect(sms.text).toContain(`وصل طلبك ${reference} تابعه:`);
        expect(mail.subject).toBe(`استلمنا طلبك ${reference}`);
        expect(mail.text).toContain('مرحبًا ريم،');
      } else {
        expect(sms.text).toContain(`we received your request ${reference}`);
        expect(sms.text).toMatch(/\/en\/r\/#[A-Za-z0-9_-]{24} /);
        expect(mail.subject).toBe(`We received your request ${reference}`);
        expect(mail.text).toContain('Dear Reem,');
      }
    });
  }

  test('stops every message but the decision with the link, in one click, and can undo it', async ({ page }) => {
    const { reference, mobile } = await existingRequest();
    const sms = await waitForMessage(smsAddress(e164(mobile)), { ...WAIT, predicate: about(reference) });
    const link = /(http:\/\/\S+\/en\/stop#[0-9A-Z]{15})/.exec(sms.text)![1]!;
    await gotoIsland(page, link);
    await expect(page.getByRole('heading', { level: 1, name: 'Stop messages' })).toBeVisible();
    await expect(page.getByText(say('en', 'stop.question', { reference }))).toBeVisible();
    await expectNoAxeViolations(page);
    // Opening the link stopped nothing: the click does.
    const stoppedAt = async () => (await serviceClient().from('contact_preferences').select('stopped_at').eq('request_id', await requestIdOf(reference)).single()).data!.stopped_at;
    expect(await stoppedAt()).toBeNull();
    await page.getByRole('button', { name: say('en', 'stop.stopAgain') }).click();
    await expect(page.getByText(say('en', 'stop.stopped', { reference }))).toBeVisible();
    expect(await stoppedAt()).not.toBeNull();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: say('en', 'stop.undo') }).click();
    await expect(page.getByText(say('en', 'stop.resumed', { reference }))).toBeVisible();
    await page.getByRole('button', { name: say('en', 'stop.stopAgain') }).click();
    await expect(page.getByText(say('en', 'stop.stopped', { reference }))).toBeVisible();

    // Staff see the choice; nothing they write reaches the beneficiary now, but the decision does.
    await signIn(page, 'officer');
    await openRequest(page, reference);
    await expect(page.getByTestId('contact-preferences')).toContainText('أوقف الرسائل في');
    await expect(page.getByTestId('compose-stopped')).toBeVisible();
    await act(page, 'بدء الدراسة');
    await act(page, 'إرسال لاتخاذ القرار');
    await signOut(page);
    await signIn(page, 'authority');
    await openRequest(page, reference);
    await act(page, 'قبول الطلب');
    await waitForMessage(smsAddress(e164(mobile)), { ...WAIT, predicate: (m) => m.text.includes(`request ${reference} is accepted`) });
    expect((await messagesTo(smsAddress(e164(mobile)))).filter(about(reference))).toHaveLength(2);
  });
});

test.describe('staff', () => {
  test('ask for information and the authority rejects with a reason: the beneficiary reads the words staff wrote', async ({ page }) => {
    const { reference } = await submitFreshRequest();
    const [request] = (await serviceClient().from('support_requests').select('mobile').eq('reference', reference)).data!;
    const smsTo = smsAddress(request!.mobile);
    await signIn(page, 'officer');
    await openRequest(page, reference);
    await act(page, 'بدء الدراسة');
    await expect(page.getByLabel(say('ar', 'staff.actions.noteRequired.needs_info'))).toBeVisible();
    await act(page, 'طلب معلومات ناقصة من المستفيد', 'نرجو إرسال صورة من آخر شهادة دراسية');
    const asked = await waitForMessage(smsTo, { ...WAIT, predicate: (m) => m.text.includes('يحتاج منك') });
    expect(asked.text).toContain(`طلبك ${reference} يحتاج منك: نرجو إرسال صورة من آخر شهادة دراسية`);
    await page.reload();
    await expect(page.getByTestId('timeline')).toContainText('أُرسلت: طلب معلومات (رسالة نصية)');
    await expectNoAxeViolations(page);
    await act(page, 'إعادة إلى الدراسة');
    await act(page, 'إرسال لاتخاذ القرار');
    await signOut(page);

    await signIn(page, 'authority');
    await openRequest(page, reference);
    await expect(page.getByLabel(say('ar', 'staff.actions.noteRequired.rejected'))).toBeVisible();
    await act(page, 'رفض الطلب', 'الدعم المطلوب خارج برامج الجمعية لهذا العام');
    const decision = await waitForMessage(smsTo, { ...WAIT, predicate: (m) => m.text.includes('لم يُقبل') });
    expect(decision.text).toContain(`نعتذر، لم يُقبل طلبك ${reference}: الدعم المطلوب خارج برامج الجمعية لهذا العام`);
    // The authority decides; writing to the beneficiary and changing their choice are for those who handle requests.
    await expect(page.getByRole('heading', { name: 'رسالة إلى المستفيد' })).toHaveCount(0);
  });

  test('write from a saved reply in the request’s language, and change the beneficiary’s choice when they ask by phone', async ({ page }) => {
    const { reference, mobile } = await existingRequest(newMobile(), { p_email: `choice-${Date.now()}@example.com` });
    await waitForMessage(smsAddress(e164(mobile)), { ...WAIT, predicate: about(reference) });
    await signIn(page, 'officer');
    await openRequest(page, reference);
    await expect(page.getByTestId('contact-preferences')).toContainText('تصله الرسائل النصية');
    await expect(page.getByTestId('contact-preferences')).toContainText('يصله البريد الإلكتروني');
    await expectNoAxeViolations(page);
    // The request is in English: the saved replies offered are the English ones.
    await page.getByLabel('ابدأ من رد جاهز (اختياري)').selectOption({ label: 'Documents received' });
    await expect(page.getByLabel('نص الرسالة')).toHaveValue(/^We have received the documents you sent/);
    await page.getByRole('button', { name: 'أرسل الرسالة' }).click();
    await expect(page.getByText('رسالتك في الطريق إلى المستفيد: رسالة نصية · بريد إلكتروني')).toBeVisible();
    const sent = await waitForMessage(smsAddress(e164(mobile)), { ...WAIT, predicate: (m) => m.text.includes('We have received the documents') });
    expect(sent.text).toMatch(new RegExp(`^About ${reference}: We have received the documents`));

    // The beneficiary called: SMS only from now on.
    await page.getByLabel('بريد إلكتروني (إن ذُكر بريده)').uncheck();
    await page.getByRole('button', { name: 'احفظ اختياره' }).click();
    await expect(page.getByTestId('contact-preferences')).toContainText('لا يصله البريد الإلكتروني');
    const { data } = await serviceClient().from('contact_preferences').select('sms, email').eq('request_id', await requestIdOf(reference)).single();
    expect(data).toEqual({ sms: true, email: false });
    await expect(page.getByTestId('timeline')).toContainText('تغيّر اختيار المستفيد للرسائل (منه في صفحته، أو من الموظف بطلب منه).');
  });

  test('recording the service delivered invites the beneficiary to rate it; an overdue request gets one apology and is flagged in the queue', async ({ page }) => {
    const [registered] = await requestsIn('registered');
    const [late] = await requestsIn('under_review');
    const references = (await serviceClient().from('support_requests').select('id, reference, mobile').in('id', [registered!, late!])).data!;
    const ref = (id: string) => references.find((r) => r.id === id)!.reference as string;
    const smsTo = smsAddress(references[0]!.mobile);

    await signIn(page, 'officer');
    await openRequest(page, ref(registered!));
    await act(page, 'تسجيل تقديم الخدمة');
    await signOut(page);
    const invitation = await waitForMessage(smsTo, { ...WAIT, predicate: (m) => m.text.includes(ref(registered!)) });
    // The invitation carries the request's own link (issue 14), which opens the page at its survey.
    const surveyLink = /(http:\/\/\S+\/r\/#[A-Za-z0-9_-]{24})/.exec(invitation.text)![1]!;
    await gotoIsland(page, surveyLink);
    await expect(page.getByRole('heading', { name: say('ar', 'private.survey.heading') })).toBeFocused();

    await makeOverdue(late!);
    for (let sweep = 0; sweep < 2; sweep++) {
      await allowSweep();
      await runNotify();
    }
    await waitForMessage(smsTo, { ...WAIT, predicate: (m) => m.text.includes(ref(late!)) && m.text.includes('تأخر القرار') });
    await runNotify();
    expect((await messagesTo(smsTo)).filter((m) => m.text.includes(ref(late!)))).toHaveLength(1);

    await signIn(page, 'supervisor');
    await page.goto('/staff/#/queue');
    await page.getByLabel('الموعد').selectOption({ label: 'أُحيل إلى المشرف لتأخر القرار' });
    await page.getByRole('button', { name: 'تطبيق' }).click();
    const row = page.getByTestId('queue').locator('tr', { has: page.getByRole('link', { name: ref(late!) }) });
    await expect(row).toContainText('أُحيل إلى المشرف');
    await expectNoAxeViolations(page);
  });

  test('a message the provider refused is listed as not delivered, with the reason; sending it again delivers it once', async ({ page }) => {
    const address = `refused-${Date.now()}@example.com`;
    const { reference } = await existingRequest(newMobile(), { p_email: address, p_messages_by_sms: true, p_messages_by_email: false });
    const id = await requestIdOf(reference);
    // What the provider answered, arranged as the database keeps it (the fault tests make a provider refuse for real).
    await withDb((db) => db.query(
      `insert into internal.outbox (request_id, event_id, moment, channel, locale, recipient, state, attempts, failed_at, last_error)
       select r.id, e.id, 'request_received', 'email', r.locale, r.email, 'failed', 1, now(), 'SMTP 550: mailbox unavailable'
         from public.support_requests r join public.request_events e on e.request_id = r.id and e.kind = 'submitted' where r.id = $1`, [id]));
    await signIn(page, 'officer');
    await page.getByRole('link', { name: 'رسائل لم تصل' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'رسائل لم تصل' })).toBeVisible();
    const row = page.getByTestId('undelivered').locator('tr', { has: page.getByRole('link', { name: reference }) });
    await expect(row).toContainText('SMTP 550: mailbox unavailable');
    await expect(row).toContainText('استلام الطلب (بريد إلكتروني)');
    await expectNoAxeViolations(page);
    await row.getByRole('button', { name: /أعد الإرسال/ }).click();
    await expect(page.getByText(`يُعاد الآن إرسال رسالة الطلب ${reference}.`)).toBeVisible();
    await expect(page.getByTestId('undelivered').getByRole('link', { name: reference })).toHaveCount(0);
    await waitForMessage(address, { ...WAIT, predicate: about(reference) });
    await runNotify();
    expect(await messagesTo(address)).toHaveLength(1);
    expect((await outboxOf(id)).find((m) => m.channel === 'email')).toMatchObject({ state: 'sent', retries: 1 });
  });
});

test('the staff views of outreach pass axe in English', async ({ page }) => {
  const { reference } = await existingRequest();
  await signIn(page, 'supervisor', '/en/staff/');
  await page.goto('/en/staff/#/messages');
  await expect(page.getByRole('heading', { level: 2, name: 'Messages not delivered' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/en/staff/#/queue');
  await page.getByRole('searchbox', { name: 'Search' }).fill(reference);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: 'Write to the beneficiary' })).toBeVisible();
  await expectNoAxeViolations(page);
});
