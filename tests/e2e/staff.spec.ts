import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { builtHtml } from './support/built-site';
import { STAFF, openRequest, signIn, signOut } from './support/staff';
import { anonClient, serviceClient, submitFreshRequest } from '../db/support/staff-clients';
import { apiUrl } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';
import { SIGN_IN_LIMITS } from '../../supabase/local/sign-in-throttle.mjs';

const require = createRequire(import.meta.url);

async function act(page: Page, action: string, note?: string) {
  const form = page.locator('form.staff-action', { has: page.getByRole('button', { name: action, exact: true }) });
  if (note !== undefined) await form.getByRole('textbox').fill(note);
  await form.getByRole('button', { name: action, exact: true }).click();
}

const statusShown = (page: Page) => page.getByTestId('request-status');

test.describe('signing in', () => {
  test('wrong credentials get a clear message; a session survives a reload; sign out ends it', async ({ page }) => {
    await page.goto('/staff/');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expectNoAxeViolations(page);
    await page.getByLabel('البريد الإلكتروني').fill(STAFF.officer.email);
    await page.getByLabel('كلمة المرور').fill('not-the-password');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(page.getByRole('alert')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقق منهما وحاول مرة أخرى.');
    await expectNoAxeViolations(page);

    await signIn(page, 'officer');
    await expect(page.getByText(`${STAFF.officer.name} — مسؤول علاقات المستفيدين`)).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'قائمة الطلبات', level: 2 })).toBeVisible();
    // An expired access token is refreshed with the refresh token, without signing in again.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('irtiqaa-staff-auth')!);
      localStorage.setItem('irtiqaa-staff-auth', JSON.stringify({ ...session, expires_at: Math.floor(Date.now() / 1000) - 60 }));
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'قائمة الطلبات', level: 2 })).toBeVisible();
    await expect(page.getByTestId('queue')).toBeVisible();
    const expiresAt = await page.evaluate(() => JSON.parse(localStorage.getItem('irtiqaa-staff-auth')!).expires_at as number);
    expect(expiresAt).toBeGreaterThan(Date.now() / 1000);
    await signOut(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'تسجيل دخول الموظفين' })).toBeVisible();
  });

  test('a deactivated member sees only a polite refusal, in English too', async ({ page }) => {
    await page.goto('/en/staff/');
    await expect(page.getByRole('heading', { name: 'Staff sign in' })).toBeVisible();
    await expectNoAxeViolations(page);
    await signIn(page, 'former', '/en/staff/');
    await expect(page.getByRole('heading', { name: 'This workspace is for Irtiqaa staff' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expectNoAxeViolations(page);
  });

  test('repeated wrong passwords for one email are slowed, with a message in English and Arabic', async ({ page }) => {
    const email = `guesser-${Date.now()}-${test.info().parallelIndex}@irtiqaa.local`;
    const attempt = async (password: string, emailLabel: string, passwordLabel: string, submit: string) => {
      await page.getByLabel(emailLabel).fill(email);
      await page.getByLabel(passwordLabel).fill(password);
      await page.getByRole('button', { name: submit }).click();
    };
    await page.goto('/en/staff/');
    for (let i = 0; i < SIGN_IN_LIMITS.maxFailures; i++) {
      await attempt(`guess-${i}`, 'Email address', 'Password', 'Sign in');
      await expect(page.getByRole('alert')).toHaveText('The email address or password is not right. Check them and try again.');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    await attempt('one-more-guess', 'Email address', 'Password', 'Sign in');
    await expect(page.getByRole('alert')).toHaveText('Too many wrong attempts for this account. Wait a few minutes, then try again.');
    await expectNoAxeViolations(page);

    await page.goto('/staff/');
    await attempt('one-more-guess', 'البريد الإلكتروني', 'كلمة المرور', 'تسجيل الدخول');
    await expect(page.getByRole('alert')).toHaveText('محاولات دخول كثيرة غير صحيحة لهذا الحساب. انتظر بضع دقائق ثم حاول مرة أخرى.');
  });
});

test('a request goes through the policy workflow, one role at a time, and the timeline records each step', async ({ page }) => {
  const { reference } = await submitFreshRequest();

  await signIn(page, 'officer');
  await openRequest(page, reference);
  await expect(page.getByTestId('declaration')).toContainText('أقرّ المستفيد بصحة البيانات');
  await expect(page.getByText('سارة أحمد القحطاني')).toBeVisible();
  await expectNoAxeViolations(page);
  await act(page, 'بدء الدراسة');
  await expect(statusShown(page)).toHaveText('قيد الدراسة');
  await act(page, 'طلب معلومات ناقصة من المستفيد', 'صورة شهادة الدرجات للفصل الماضي');
  await expect(statusShown(page)).toHaveText('بانتظار معلومات ناقصة');
  await act(page, 'إعادة إلى الدراسة');
  await act(page, 'إحالة إلى المشرف');
  await expect(statusShown(page)).toHaveText('محال إلى المشرف');
  // A referred case is the supervisor's: the officer is offered nothing.
  await expect(page.getByText('لا توجد إجراءات متاحة لدورك في هذه المرحلة.')).toBeVisible();
  await page.getByRole('button', { name: 'إسناد إليّ' }).click();
  await expect(page.getByTestId('assignee')).toHaveText(`مسند إلى: ${STAFF.officer.name}`);
  await page.getByLabel('ملاحظة جديدة').fill('اتصلت بولي الأمر وأكد البيانات');
  await page.getByRole('button', { name: 'إضافة الملاحظة' }).click();
  await expect(page.getByTestId('timeline')).toContainText('اتصلت بولي الأمر وأكد البيانات');
  await signOut(page);

  await signIn(page, 'supervisor');
  await openRequest(page, reference);
  await page.getByLabel('إسناد إلى زميل').selectOption({ label: `${STAFF.supervisor.name} (المشرف)` });
  await page.getByRole('button', { name: 'إسناد', exact: true }).click();
  await expect(page.getByTestId('assignee')).toHaveText(`مسند إلى: ${STAFF.supervisor.name}`);
  await act(page, 'إرسال لاتخاذ القرار');
  await expect(statusShown(page)).toHaveText('بانتظار القرار');
  await signOut(page);

  await signIn(page, 'authority');
  await openRequest(page, reference);
  await expect(page.getByRole('button', { name: 'بدء الدراسة' })).toHaveCount(0);
  await act(page, 'رفض الطلب');
  await expect(page.getByRole('alert')).toHaveText('اكتب سبب الرفض قبل رفض الطلب.');
  await expect(statusShown(page)).toHaveText('بانتظار القرار');
  await act(page, 'قبول الطلب');
  await expect(statusShown(page)).toHaveText('مقبول');
  await signOut(page);

  await signIn(page, 'officer');
  await openRequest(page, reference);
  await act(page, 'إكمال التسجيل');
  await expect(statusShown(page)).toHaveText('مسجَّل');
  await act(page, 'تسجيل تقديم الخدمة');
  await expect(statusShown(page)).toHaveText('قُدّمت الخدمة');

  const steps = page.getByTestId('timeline').locator('li');
  const expected: [string, string][] = [
    [STAFF.officer.name, 'من «مقدَّم» إلى «قيد الدراسة»'],
    [STAFF.officer.name, 'من «قيد الدراسة» إلى «بانتظار معلومات ناقصة»'],
    [STAFF.officer.name, 'من «بانتظار معلومات ناقصة» إلى «قيد الدراسة»'],
    [STAFF.officer.name, 'من «قيد الدراسة» إلى «محال إلى المشرف»'],
    [STAFF.supervisor.name, 'من «محال إلى المشرف» إلى «بانتظار القرار»'],
    [STAFF.authority.name, 'من «بانتظار القرار» إلى «مقبول»'],
    [STAFF.officer.name, 'من «مقبول» إلى «مسجَّل»'],
    [STAFF.officer.name, 'من «مسجَّل» إلى «قُدّمت الخدمة»'],
  ];
  for (const [actor, move] of expected) await expect(steps.filter({ hasText: move }).filter({ hasText: actor })).toHaveCount(1);
  await expect(steps.filter({ hasText: 'صورة شهادة الدرجات للفصل الماضي' })).toHaveCount(1);
  await expect(steps.filter({ hasText: `أُسند إلى ${STAFF.officer.name}` })).toHaveCount(1);
  await expect(steps.filter({ hasText: `أُسند إلى ${STAFF.supervisor.name}` }).filter({ hasText: '(المشرف)' })).toHaveCount(1);
  // Nothing records the refused rejection.
  await expect(steps.filter({ hasText: '«مرفوض»' })).toHaveCount(0);
});

test('an action the interface hides, forced through supabase-js in the page, is refused by the database', async ({ page }) => {
  const { reference, id } = await submitFreshRequest();
  await signIn(page, 'officer');
  await openRequest(page, reference);
  await expect(page.getByRole('button', { name: 'قبول الطلب' })).toHaveCount(0);
  await page.addScriptTag({ path: require.resolve('@supabase/supabase-js/dist/umd/supabase.js') });
  const result = await page.evaluate(
    async ({ url, key, requestId }) => {
      const stored = JSON.parse(localStorage.getItem('irtiqaa-staff-auth') ?? '{}');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const client = (window as any).supabase.createClient(url, key, {
        auth: { persistSession: false },
        global: { headers: { Authorization: `Bearer ${stored.access_token}` } },
      });
      const skip = await client.rpc('transition_request', { p_request_id: requestId, p_to: 'accepted', p_note: null });
      const patch = await client.from('support_requests').update({ status: 'under_review' }).eq('id', requestId).select('id, status');
      const edit = await client.from('support_requests').update({ full_name: 'اسم مزور تماما' }).eq('id', requestId).select('id, full_name');
      return { skip: skip.error?.message, patch: patch.error?.message ?? 'allowed', edit: edit.error?.message ?? 'allowed' };
    },
    { url: apiUrl, key: LOCAL_ANON_KEY, requestId: id },
  );
  expect(result.skip).toBe('transition_not_allowed');
  // A PATCH goes through the same trigger: from submitted, under_review is allowed for an officer,
  // so force a move the officer may never make instead.
  expect(result.patch).toBe('allowed');
  expect(result.edit).toMatch(/field_not_editable|permission denied/);
  const forced = await page.evaluate(
    async ({ url, key, requestId }) => {
      const stored = JSON.parse(localStorage.getItem('irtiqaa-staff-auth') ?? '{}');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const client = (window as any).supabase.createClient(url, key, { auth: { persistSession: false }, global: { headers: { Authorization: `Bearer ${stored.access_token}` } } });
      await client.rpc('transition_request', { p_request_id: requestId, p_to: 'pending_decision' });
      const { error } = await client.rpc('transition_request', { p_request_id: requestId, p_to: 'accepted' });
      return error?.message;
    },
    { url: apiUrl, key: LOCAL_ANON_KEY, requestId: id },
  );
  expect(forced).toBe('role_not_allowed');
  const { data } = await serviceClient().from('support_requests').select('status, full_name').eq('id', id).single();
  expect(data).toEqual({ status: 'pending_decision', full_name: 'سارة أحمد القحطاني' });
});

test.describe('the queue', () => {
  test('counts per status, the overdue filter finds the seeded overdue requests, and search finds by reference, name and mobile', async ({ page }) => {
    const db = serviceClient();
    const { count: submittedCount } = await db.from('support_requests').select('id', { count: 'exact', head: true }).eq('status', 'submitted');
    const { data: overdue } = await db
      .from('support_requests')
      .select('reference')
      .lt('decision_due_by', new Date().toISOString())
      .is('decided_at', null)
      .in('status', ['submitted', 'under_review', 'needs_info', 'escalated', 'pending_decision']);
    expect(overdue!.length).toBeGreaterThan(0);

    // The queue opens on the open requests (not closed or rejected), soonest decision first.
    const { data: soonest } = await db
      .from('support_requests')
      .select('reference')
      .not('status', 'in', '(closed,rejected)')
      .order('decision_due_by', { ascending: true })
      .order('id', { ascending: true })
      .limit(25);

    await signIn(page, 'officer');
    // Sorted by decision deadline by default, 25 to a page.
    await expect(page.getByTestId('queue').locator('tbody tr')).toHaveCount(Math.min(25, soonest!.length));
    expect(await page.getByTestId('queue').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference')))).toEqual(
      soonest!.map((r) => r.reference),
    );
    // As a count of the table does, at the moment the page read it: the other worker's specs submit
    // requests meanwhile, so the table is counted again once the figure is shown.
    const submittedShown = page.getByTestId('status-counts').locator('[data-status="submitted"] strong');
    await expect(submittedShown).toHaveText(/^\d+$/);
    const { count: submittedAfter } = await db.from('support_requests').select('id', { count: 'exact', head: true }).eq('status', 'submitted');
    expect([String(submittedCount), String(submittedAfter)]).toContain(await submittedShown.textContent());
    await expectNoAxeViolations(page);

    await page.getByLabel('الموعد').selectOption('overdue');
    await page.getByRole('button', { name: 'تطبيق' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'عدد النتائج' })).toHaveText(`عدد النتائج: ${overdue!.length}`);
    const rows = page.getByTestId('queue').locator('tbody tr');
    await expect(rows).toHaveCount(Math.min(overdue!.length, 25));
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference')));
    for (const ref of shown) expect(overdue!.map((r) => r.reference)).toContain(ref);
    // The state is in words (and an icon), not colour alone.
    for (const row of await rows.all()) await expect(row.locator('[data-deadline]')).toHaveText(/متأخر/);

    const { data: one } = await db.from('support_requests').select('reference, full_name, mobile, status').eq('status', 'under_review').limit(1).single();
    await page.getByLabel('الموعد').selectOption('');
    for (const term of [one!.reference.toLowerCase(), one!.full_name, `0${one!.mobile.slice(4)}`]) {
      await page.getByRole('searchbox', { name: 'بحث' }).fill(term);
      await page.getByRole('button', { name: 'تطبيق' }).click();
      await expect(rows.filter({ has: page.getByRole('link', { name: one!.reference }) })).toHaveCount(1);
    }
    await page.getByRole('searchbox', { name: 'بحث' }).fill('');
    await page.getByLabel('الحالة', { exact: true }).selectOption('escalated');
    await page.getByRole('button', { name: 'تطبيق' }).click();
    const { count: escalated } = await db.from('support_requests').select('id', { count: 'exact', head: true }).eq('status', 'escalated');
    await expect(page.getByRole('status').filter({ hasText: 'عدد النتائج' })).toHaveText(`عدد النتائج: ${escalated}`);
    for (const row of await rows.all()) await expect(row).toContainText('محال إلى المشرف');
  });
});

test('an officer registers a phone request on the beneficiary’s behalf; it gets a reference from the same series', async ({ page }) => {
  await signIn(page, 'officer');
  await page.goto('/staff/#/register');
  await expect(page.getByRole('heading', { name: 'تسجيل طلب نيابة عن مستفيد', level: 2 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'تسجيل الطلب' }).click();
  await expect(page.getByRole('alert')).toContainText('توجد مشكلة');
  await expect(page.getByRole('alert')).toContainText('اختر قناة استلام الطلب.');
  await expectNoAxeViolations(page);

  await page.getByLabel('كيف وصل الطلب؟').selectOption('phone');
  await page.getByLabel('اسم المستفيد').fill('فهد سعد المطيري');
  // Typed in Arabic-Indic digits, as many beneficiaries dictate them.
  await page.getByLabel('رقم الهوية أو الإقامة').fill('١٠٤٧٢٩٣٥١٧');
  await page.getByLabel('رقم الجوال').fill('0551239876');
  await page.getByLabel('المدينة').fill('جدة');
  await page.getByLabel('فئة المستفيد').selectOption('parent');
  await page.getByLabel('نوع الطلب').selectOption('educational_supplies');
  await page.getByLabel('قناة التواصل المفضلة').selectOption('phone');
  await page.getByLabel('وصف الطلب').fill('طلب حقيبة مدرسية وأدوات لطفلين في المرحلة الابتدائية.');
  await page.getByLabel('أقرّ المستفيد بصحة البيانات وبمسؤوليته عنها').check();
  await page.getByLabel('وافق المستفيد على سياسة الخصوصية').check();
  await page.getByRole('button', { name: 'تسجيل الطلب' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^الطلب IRT-/ });
  await expect(heading).toBeVisible();
  const reference = (await heading.textContent())!.replace('الطلب ', '');
  expect(reference).toMatch(/^IRT-[0-9A-HJKMNP-TV-Z]{8}$/);
  await expect(page.getByTestId('timeline')).toContainText('سُجّل نيابة عن المستفيد (قناة الاستلام: الهاتف)');
  const { data } = await serviceClient().from('support_requests').select('intake_channel, registered_by, status').eq('reference', reference).single();
  expect(data).toMatchObject({ intake_channel: 'phone', status: 'submitted' });
  // Issue 14: the beneficiary's private link, shown this once to give them, kept nowhere after.
  await expect(page.getByText('رابط الصفحة الخاصة بهذا الطلب (يُعرض مرة واحدة): أعطه للمستفيد.')).toBeVisible();
  await expect(page.getByTestId('private-link')).toHaveText(/\/r\/#[A-Za-z0-9_-]{24}$/);
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(heading).toBeVisible();
  await expect(page.getByTestId('private-link')).toHaveCount(0);
});

test('reports: the satisfaction chart has its data table, and the CSV opens with every request and Arabic intact', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.goto('/staff/#/reports');
  const table = page.getByTestId('satisfaction-table');
  await expect(table).toBeVisible();
  await expect(page.getByRole('img', { name: 'متوسط الرضا لكل بُعد حسب الشهر' })).toBeVisible();
  const { data: surveys } = await serviceClient().from('satisfaction_surveys').select('id').gte('created_at', new Date(Date.now() - 365 * 86_400_000).toISOString());
  await expect(page.getByTestId('response-count')).toHaveText(String(surveys!.length));
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('overdue-count')).not.toHaveText('0');
  await expectNoAxeViolations(page);

  // A low score waits for follow-up until staff write a note on its request.
  const { data: low } = await serviceClient()
    .from('satisfaction_surveys')
    .select('request_id, support_requests(reference)')
    .lte('overall', 2)
    .not('request_id', 'is', null)
    .limit(1)
    .single();
  const lowReference = (low!.support_requests as unknown as { reference: string }).reference;
  const lowList = page.getByTestId('low-scores');
  await expect(lowList.getByRole('link', { name: lowReference })).toBeVisible();
  await lowList.getByRole('link', { name: lowReference }).click();
  await page.getByLabel('ملاحظة جديدة').fill('اتصلت بالمستفيد واعتذرت، وحددنا موعدًا جديدًا');
  await page.getByRole('button', { name: 'إضافة الملاحظة' }).click();
  await expect(page.getByTestId('timeline')).toContainText('اتصلت بالمستفيد واعتذرت');
  await page.goto('/staff/#/reports');
  await expect(page.getByTestId('satisfaction-table')).toBeVisible();
  await expect(page.getByRole('link', { name: lowReference })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تصدير الطلبات' }).click();
  const file = await (await download).path();
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const { data: requests } = await serviceClient().from('support_requests').select('reference, full_name');
  expect(text.startsWith('reference,created_at,status,full_name')).toBe(true);
  for (const r of requests!) expect(text).toContain(`${r.reference},`);
  expect(text).toContain(requests![0]!.full_name);
  expect(text).toMatch(/[\u0621-\u064A]{3,}/);
});

test('the admin changes a member’s role and deactivates them; the database keeps the change', async ({ page }) => {
  await signIn(page, 'admin');
  const row = page.getByTestId('staff-list').locator(`tr[data-member="${STAFF.former.name}"]`);
  await expect(row).toContainText('موقوف');
  await expectNoAxeViolations(page);
  await row.getByRole('button', { name: `إعادة تفعيل ${STAFF.former.name}` }).click();
  await expect(row).toContainText('نشط');
  await row.getByLabel(`دور ${STAFF.former.name}`).selectOption('supervisor');
  await expect(page.getByRole('status').filter({ hasText: 'حُفظ التغيير' })).toBeVisible();
  const stored = async () => (await serviceClient().from('staff').select('role, active').eq('full_name', STAFF.former.name).single()).data;
  expect(await stored()).toEqual({ role: 'supervisor', active: true });
  await row.getByLabel(`دور ${STAFF.former.name}`).selectOption('officer');
  await expect(page.getByRole('status').filter({ hasText: 'حُفظ التغيير' })).toBeVisible();
  await row.getByRole('button', { name: `إيقاف ${STAFF.former.name}` }).click();
  await expect(row).toContainText('موقوف');
  expect(await stored()).toEqual({ role: 'officer', active: false });
});

test.describe('staff pages in English pass axe', () => {
  for (const view of ['queue', 'register', 'reports']) {
    test(`/en/staff/#/${view}`, async ({ page }) => {
      await signIn(page, 'supervisor', '/en/staff/');
      await page.goto(`/en/staff/#/${view}`);
      await expect(page.locator('[data-staff-view] h2').first()).toBeVisible();
      await expect(page.getByText('Loading…')).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  }
  test('/en/staff/ request view and admin view', async ({ page }) => {
    const { reference } = await submitFreshRequest();
    await signIn(page, 'officer', '/en/staff/');
    await page.getByRole('searchbox', { name: 'Search' }).fill(reference);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { name: `Request ${reference}` })).toBeVisible();
    await expectNoAxeViolations(page);
    await signOut(page);
    await signIn(page, 'admin', '/en/staff/');
    await expect(page.getByRole('heading', { name: 'Manage staff', level: 2 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('public service figures', () => {
  for (const [path, hidden] of [['/service-figures/', 'مخفي (أقل من 5)'], ['/en/service-figures/', 'Hidden (fewer than 5)']] as const) {
    test(`${path} shows the aggregates of service_stats() and hides small groups`, async ({ page }) => {
      const { data: stats } = await anonClient().rpc('service_stats');
      await page.goto(path);
      const months = page.getByTestId('figures-months').locator('tbody tr');
      await expect(months).toHaveCount(stats.months.length);
      for (const [i, m] of stats.months.entries()) {
        await expect(months.nth(i).locator('td').first()).toHaveText(m.submitted === null ? hidden : String(m.submitted));
      }
      expect(stats.months.some((m: { submitted: number | null }) => m.submitted === null)).toBe(true);
      await expect(page.getByTestId('figures-total')).toHaveText(String(stats.requests_total));
      await expect(page.getByTestId('figures-satisfaction')).toBeVisible();
      await expect(page.getByTestId('improvements').locator('li').first()).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: path.startsWith('/en/') ? 'computed on' : 'حُسبت' })).toContainText(
        new Date(stats.generated_at).getUTCFullYear().toString(),
      );
      await expectNoAxeViolations(page);
    });
  }

  test('when the API cannot be reached the page says so, and the page itself logs nothing', async ({ page }) => {
    const logged: string[] = [];
    page.on('console', (message) => {
      // The browser reports the refused request itself; the page's own code must stay quiet.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) logged.push(message.text());
    });
    page.on('pageerror', (error) => logged.push(error.message));
    await page.route('**/rest/v1/rpc/service_stats', (route) => route.abort('connectionrefused'));
    await page.goto('/en/service-figures/');
    // A build that reached the API wrote its figures into the page: they stay, marked as the last
    // published ones. One that did not (npm test builds before its stack starts) has none to show.
    const published = /data-published="[^"]+"/.test(builtHtml('/en/service-figures/')!);
    if (published) {
      await expect(page.getByRole('status').filter({ hasText: 'the last published ones' })).toBeVisible();
      await expect(page.getByTestId('figures-months')).toBeVisible();
    } else {
      await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toBeVisible();
      await expect(page.getByTestId('figures-months')).toBeHidden();
    }
    await expect(page.getByTestId('improvements').locator('li').first()).toBeVisible();
    expect(logged).toEqual([]);
    await expectNoAxeViolations(page);
  });
});
