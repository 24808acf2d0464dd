// Editors change the site through the real Decap CMS (served at /admin/ by the site, local
// backend = decap-server), in a throw-away copy of the repository that is then built and served.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startCmsWorkspace, type CmsWorkspace } from './support/cms-workspace';
import { collectCspViolations } from './support/csp-violations';
import { staticHostUrl } from '../../config/ports.mjs';

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ actionTimeout: 15_000 });

const REPO = join(import.meta.dirname, '..', '..');
/** Every file name and byte under the repository's own content/ and public/uploads/. */
function repoContentFingerprint() {
  const hash = createHash('sha256');
  for (const root of ['content', join('public', 'uploads')]) {
    const dir = join(REPO, root);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())) {
      const path = join(file.parentPath, file.name);
      hash.update(path).update(readFileSync(path));
    }
  }
  return hash.digest('hex');
}

let workspace: CmsWorkspace;
let fingerprintBefore: string;
test.beforeAll(async () => {
  fingerprintBefore = repoContentFingerprint();
  workspace = await startCmsWorkspace();
});
test.afterAll(async () => {
  await workspace?.stop();
});

// The CMS runs from dist/ with the /admin/ policy of dist/_headers (src/security/static-host.mjs),
// and no journey may trip it.
test.use({ baseURL: staticHostUrl });
let cspViolations: () => Promise<string[]>;
test.beforeEach(async ({ page }) => {
  cspViolations = await collectCspViolations(page);
});
test.afterEach(async () => {
  expect(await cspViolations()).toEqual([]);
});

const FAQ = {
  ar: { question: 'هل أستطيع تعديل طلبي بعد إرساله؟', answer: 'نعم، تواصل مع مسؤول العلاقات وسيعدّله لك.' },
  en: { question: 'Can I change my request after sending it?', answer: 'Yes, contact the relations officer who will update it.' },
};
const NEW_PHONE = '+966118887777';

async function signIn(page: Page, route = '') {
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.getByRole('heading', { name: 'الأقسام' })).toBeVisible();
  if (route) await page.goto(`/admin/#${route}`);
}

/** The side-by-side editor: Arabic (the default locale) on the first pane, English on the second. */
const pane = (page: Page, locale: 'ar' | 'en') => page.locator(locale === 'ar' ? '.Pane1' : '.Pane2');

async function choose(page: Page, label: string, value: string) {
  await pane(page, 'ar').getByLabel(label).fill(value);
  await page.keyboard.press('Enter');
}

async function typeMarkdown(page: Page, locale: 'ar' | 'en', label: string, text: string) {
  await pane(page, locale).locator(`[contenteditable="true"]`).click();
  await page.keyboard.type(text);
  await expect(pane(page, locale).getByText(text)).toBeVisible();
  void label;
}

async function publishNow(page: Page) {
  await page.getByText('نشر', { exact: true }).click();
  await page.getByText('انشر الآن', { exact: true }).click();
}

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
const read = (...parts: string[]) => readFileSync(join(workspace.dir, ...parts), 'utf8');
function entryContaining(collection: string, locale: string, text: string) {
  return filesIn(join(workspace.dir, 'content', collection, locale)).find((f) => read('content', collection, locale, f).includes(text));
}

test('the admin page loads, in Arabic, with no request leaving the machine', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await signIn(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: 'الأسئلة الشائعة' })).toBeVisible();
  await page.getByRole('button', { name: 'الوسائط' }).click();
  await expect(page.getByRole('button', { name: 'رفع' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'قنوات التواصل' }).click();
  await page.locator('[class*="-ListCardLink"]').first().click();
  await expect(page.getByText('الكتابة بـ AR')).toBeVisible();

  // The CMS came from the site itself and talked to decap-server, and to nothing else.
  expect(requested).toContainEqual(expect.stringMatching(/\/admin\/decap\/decap-cms\.js$/));
  expect(requested).toContainEqual(expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/));
  const leaving = requested.filter((url) => !/^(data:|blob:|https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/)/.test(url));
  expect(leaving).toEqual([]);
});

test('an editor adds an FAQ in Arabic and English and publishes it: both files land in content/', async ({ page }) => {
  await signIn(page, '/collections/faqs/new');
  await pane(page, 'ar').getByLabel('السؤال').fill(FAQ.ar.question);
  await choose(page, 'التصنيف', 'الطلبات');
  await pane(page, 'ar').getByLabel('الترتيب').fill('9');
  await typeMarkdown(page, 'ar', 'الإجابة', FAQ.ar.answer);
  await pane(page, 'en').getByLabel('السؤال').fill(FAQ.en.question);
  await typeMarkdown(page, 'en', 'الإجابة', FAQ.en.answer);
  await publishNow(page);

  // Same file name in both locale folders, named after the question (identifier_field).
  await expect.poll(() => entryContaining('faqs', 'ar', FAQ.ar.question), { timeout: 15_000 }).toBeTruthy();
  const file = entryContaining('faqs', 'ar', FAQ.ar.question)!;
  expect(file).toMatch(/^هل-أستطيع-تعديل-طلبي/);
  const en = read('content', 'faqs', 'en', file);
  expect(en).toContain(FAQ.en.question);
  expect(en).toContain(FAQ.en.answer);
  expect(en).toMatch(/category: requests/);
  expect(read('content', 'faqs', 'ar', file)).toMatch(/order: 9/);
});

test('a channel phone number the build would reject is refused; a good one is published', async ({ page }) => {
  const slug = filesIn(join(workspace.dir, 'content', 'channels', 'ar')).find((f) => /^channel: phone$/m.test(read('content', 'channels', 'ar', f)))!.replace(/\.md$/, '');
  await signIn(page, `/collections/channels/entries/${slug}`);
  const phone = pane(page, 'ar').getByLabel('رقم الهاتف');
  const before = read('content', 'channels', 'ar', `${slug}.md`);

  await phone.fill('اتصل بنا');
  await publishNow(page);
  await expect(page.getByText(/أدخل رقمًا سعوديًا/).first()).toBeVisible();
  expect(read('content', 'channels', 'ar', `${slug}.md`)).toBe(before);

  // Start again from the saved entry: leave the unsaved change, decline Decap's local backup of it.
  page.on('dialog', (dialog) => (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
  await page.reload();
  await phone.fill(NEW_PHONE);
  await expect(phone).toHaveValue(NEW_PHONE);
  await publishNow(page);
  await expect.poll(() => read('content', 'channels', 'ar', `${slug}.md`), { timeout: 15_000 }).toContain(NEW_PHONE);
  // The number is the same in both languages: written once, copied to English.
  expect(read('content', 'channels', 'en', `${slug}.md`)).toContain(NEW_PHONE);
});

const NEW_SMS = 'استلمنا {reference} تابعه: {link} للإيقاف: {stop_link}';

test('an editor rewords a message: a placeholder no message has is refused, a good SMS is published', async ({ page }) => {
  await signIn(page, '/collections/messages/entries/request_received');
  const sms = pane(page, 'ar').getByLabel('الرسالة النصية القصيرة (لا تزيد على رسالتين)');
  const before = read('content', 'messages', 'ar', 'request_received.yml');
  await expect(pane(page, 'ar').getByText(/المتغيرات المتاحة: .*\{reference\}/).first()).toBeVisible();

  await sms.fill('وصل طلبك {reference} ورقم هويتك {national_id} للإيقاف: {stop_link}');
  await publishNow(page);
  await expect(page.getByText(/أدخل المتغيرات بين قوسين معقوفين/).first()).toBeVisible();
  expect(read('content', 'messages', 'ar', 'request_received.yml')).toBe(before);

  page.on('dialog', (dialog) => (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
  await page.reload();
  await sms.fill(NEW_SMS);
  await expect(sms).toHaveValue(NEW_SMS);
  await publishNow(page);
  await expect.poll(() => read('content', 'messages', 'ar', 'request_received.yml'), { timeout: 15_000 }).toContain(NEW_SMS);
  // The English message stays as it was.
  expect(read('content', 'messages', 'en', 'request_received.yml')).toContain('Irtiqaa: we received your request {reference}');
});

test('an editor uploads a document to the staff tools', async ({ page }) => {
  await signIn(page, '/collections/documents/new');
  await choose(page, 'النوع', 'دليل سياسة الدعم');
  await pane(page, 'ar').getByLabel('العنوان').fill('دليل سياسة الدعم المحدّث');
  await pane(page, 'ar').getByLabel('الوصف').fill('النسخة المحدّثة من الدليل.');
  await pane(page, 'ar').getByLabel('الترتيب').fill('4');
  await pane(page, 'en').getByLabel('العنوان').fill('Updated support policy guide');
  await pane(page, 'en').getByLabel('الوصف').fill('The updated guide.');
  await pane(page, 'ar').getByText('اختر ملفًا').click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'support-guide-2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Irtiqaa test document\n%%EOF\n') });
  await expect(page.getByText('support-guide-2026.pdf').first()).toBeVisible();
  await page.getByText('اختر المحدد').click();
  await expect(pane(page, 'ar').getByText('/uploads/support-guide-2026.pdf')).toBeVisible();
  await publishNow(page);

  await expect.poll(() => entryContaining('documents', 'ar', 'دليل سياسة الدعم المحدّث'), { timeout: 15_000 }).toBeTruthy();
  const file = entryContaining('documents', 'ar', 'دليل سياسة الدعم المحدّث')!;
  expect(read('content', 'documents', 'ar', file)).toContain('file: /uploads/support-guide-2026.pdf');
  expect(read('public', 'uploads', 'support-guide-2026.pdf')).toContain('Irtiqaa test document');
  expect(read('content', 'documents', 'en', file)).toContain('Updated support policy guide');
});

test('the journeys leave the repository itself unchanged', () => {
  expect(repoContentFingerprint()).toBe(fingerprintBefore);
});

test('after a build the site shows the new FAQ (and search finds it) and the new phone number', async ({ page }) => {
  const site = await workspace.buildAndPreview();

  await page.goto(`${site}/faq`);
  await expect(page.getByText(FAQ.ar.question)).toBeVisible();
  await page.getByRole('searchbox').fill('تعديل طلبي');
  await expect(page.getByText(FAQ.ar.question)).toBeVisible();
  await page.goto(`${site}/en/faq`);
  await page.getByRole('searchbox').fill('change my request');
  await expect(page.getByText(FAQ.en.question)).toBeVisible();

  await page.goto(`${site}/channels`);
  const digits = (await page.locator('main').innerText()).replace(/\D/g, '');
  expect(digits).toContain('118887777');

  // The notify function reads the published templates: the reworded SMS is live, with no redeploy.
  const published = await (await page.request.get(`${site}/outreach/templates.json`)).json();
  expect(published.templates.request_received.ar.sms).toBe(NEW_SMS);
});
