import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { STAFF, signIn, signOut } from './support/staff';
import { anonClient, application } from '../db/support/clients';
import { clientAs, seededStaffByRole, serviceClient, submitFreshRequest } from '../db/support/staff-clients';
import { uniqueNationalId } from '../db/support/workspace-fixtures';

// The staff workspace of issue 17: its own layout, every view in both languages, the keyboard,
// possible duplicates, a stale change refused, bulk assignment.

const VIEWS = {
  ar: { queue: 'قائمة الطلبات', mine: 'أعمالي', team: 'أعباء الفريق', register: 'تسجيل طلب نيابة عن مستفيد', reports: 'التقارير' },
  en: { queue: 'Request queue', mine: 'My work', team: 'Team load', register: 'Register a request on a beneficiary’s behalf', reports: 'Reports' },
} as const;

/** Two requests from one applicant (same national ID, different mobiles), submitted as the public would. */
async function twoFromOneApplicant(): Promise<{ nationalId: string; references: string[]; ids: string[] }> {
  const nationalId = uniqueNationalId();
  const references: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { data, error } = await anonClient().rpc('submit_support_request', application({ p_national_id: nationalId, p_full_name: 'هند سالم الحربي' }));
    if (error) throw error;
    references.push((data as { reference: string }).reference);
  }
  const { data } = await serviceClient().from('support_requests').select('id, reference').in('reference', references);
  const ids = references.map((ref) => (data as { id: string; reference: string }[]).find((r) => r.reference === ref)!.id);
  return { nationalId, references, ids };
}

const viewLoaded = async (page: Page) => {
  await expect(page.locator('[data-staff-view] h2').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^(جارٍ التحميل…|Loading…)$/ })).toHaveCount(0);
};

const hasVisibleFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });

for (const locale of ['ar', 'en'] as const) {
  test(`every workspace view passes axe (${locale})`, async ({ page }) => {
    // Two sign-ins and eight axe runs: on a busy machine more than the default minute.
    test.setTimeout(120_000);
    const base = locale === 'ar' ? '/staff/' : '/en/staff/';
    const { references, ids } = await twoFromOneApplicant();
    await signIn(page, 'supervisor', base);
    for (const [view, heading] of Object.entries(VIEWS[locale])) {
      await page.goto(`${base}#/${view}`);
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      await viewLoaded(page);
      await expectNoAxeViolations(page);
    }
    // A request with a possible duplicate, its panel and its flag.
    await page.goto(`${base}#/request/${ids[0]}`);
    await expect(page.getByTestId('same-applicant').getByRole('link', { name: references[1] })).toBeVisible();
    await expectNoAxeViolations(page);
    // The shortcuts panel.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await signOut(page);
    await signIn(page, 'admin', base);
    await viewLoaded(page);
    await expectNoAxeViolations(page);
  });
}

test('the workspace has its own layout: its header, no public navigation or footer, usable from 1024 px down to a tablet', async ({ page }) => {
  const { id } = await submitFreshRequest();
  await signIn(page, 'officer');
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('heading', { level: 1, name: 'مساحة عمل الموظفين' })).toBeVisible();
  await expect(banner).toContainText(`${STAFF.officer.name} — مسؤول علاقات المستفيدين`);
  await expect(banner.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'القائمة الرئيسية' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'أقسام مساحة العمل' })).toBeVisible();
  // The language switch keeps the view and its filters.
  await page.goto('/staff/#/queue?status=escalated');
  await expect(banner.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/staff/#/queue?status=escalated');

  for (const [width, columns] of [[1280, 2], [1024, 2], [768, 1]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/staff/#/request/${id}`);
    await expect(page.getByTestId('request-status')).toBeVisible();
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      columns: getComputedStyle(document.querySelector('.request-grid')!).gridTemplateColumns.split(' ').length,
    }));
    expect(layout, `${width} px`).toEqual({ overflow: 0, columns });
    await page.goto('/staff/#/queue');
    await expect(page.getByTestId('queue')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px queue`).toBe(0);
  }
});

test('keyboard only: filter the queue, open a request, act on it, and come back to the same filtered view', async ({ page }) => {
  const { reference, id } = await submitFreshRequest();
  const { data } = await serviceClient().from('support_requests').select('mobile').eq('id', id).single();
  const mobile = `0${(data as { mobile: string }).mobile.slice(4)}`;
  await signIn(page, 'officer');
  await expect(page.getByRole('heading', { level: 2, name: 'قائمة الطلبات' })).toBeFocused();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'بحث' })).toBeFocused();
  await page.keyboard.type(mobile);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/queue\\?q=${mobile}$`));
  await expect(page.getByTestId('queue').locator('tbody tr')).toHaveCount(1);

  await page.keyboard.press('j');
  const link = page.getByRole('link', { name: reference });
  await expect(link).toBeFocused();
  expect(await hasVisibleFocus(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: `الطلب ${reference}` })).toBeFocused();

  // Focus order: the next step comes first after the heading (its note, then its button).
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('ملاحظة (اختيارية)').first()).toBeFocused();
  await page.keyboard.press('Tab');
  const start = page.getByRole('button', { name: 'بدء الدراسة' });
  await expect(start).toBeFocused();
  expect(await hasVisibleFocus(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-status')).toHaveText('قيد الدراسة');

  await page.keyboard.press('q');
  await expect(page).toHaveURL(new RegExp(`#/queue\\?q=${mobile}$`));
  await expect(page.getByRole('searchbox', { name: 'بحث' })).toHaveValue(mobile);
  await expect(link).toBeFocused();
  await expect(page.getByTestId('queue').locator('tbody tr')).toContainText('قيد الدراسة');

  // Back and Forward move between views with their filters.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: `الطلب ${reference}` })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('searchbox', { name: 'بحث' })).toHaveValue(mobile);

  // The help panel lists the shortcuts and gives the focus back.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
  await expect(help).toBeVisible();
  await expect(help.locator('dt')).toHaveCount(10);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('a possible duplicate is flagged in the queue and on the request; dismissing it clears the flag and is recorded', async ({ page }) => {
  const { nationalId, references } = await twoFromOneApplicant();
  await signIn(page, 'officer');
  await page.goto(`/staff/#/queue?q=${nationalId}`);
  const rows = page.getByTestId('queue').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row.locator('[data-flag="possible_duplicate"]')).toHaveText(/تكرار محتمل/);

  await page.getByRole('link', { name: references[0] }).click();
  await expect(page.locator('.request-facts [data-flag="possible_duplicate"]')).toBeVisible();
  const panel = page.getByTestId('same-applicant');
  await expect(panel).toContainText('رقم الهوية نفسه');
  await panel.getByRole('button', { name: `ليس تكرارًا للطلب ${references[1]}` }).click();
  await expect(panel.getByRole('button')).toHaveCount(0);
  await expect(panel.locator(`li[data-reference="${references[1]}"] strong`)).toHaveText('ليس تكرارًا');
  await expect(page.locator('.request-facts [data-flag="possible_duplicate"]')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toContainText(`حُدّد أنه ليس تكرارًا للطلب ${references[1]}`);

  await page.getByRole('link', { name: 'العودة إلى قائمة الطلبات' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.locator('[data-flag="possible_duplicate"]')).toHaveCount(0);
});

test('a change a colleague made meanwhile is not overwritten: the database refuses it and the page says so', async ({ page }) => {
  const { id, reference } = await submitFreshRequest();
  const staff = await seededStaffByRole();
  await signIn(page, 'officer');
  await page.goto(`/staff/#/request/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: `الطلب ${reference}` })).toBeVisible();
  // Meanwhile the supervisor takes the request and starts reviewing it.
  await clientAs(staff.supervisor).rpc('assign_request', { p_request_id: id, p_assignee: staff.supervisor });

  await page.getByRole('button', { name: 'بدء الدراسة' }).click();
  await expect(page.getByTestId('action-error')).toHaveText(
    'غيّر زميل هذا الطلب وأنت تعمل عليه، فلم يُحفظ تغييرك. تعرض الصفحة الآن حالته الحالية؛ راجعها ثم أعد المحاولة.',
  );
  await expect(page.getByTestId('assignee')).toHaveText(`مسند إلى: ${STAFF.supervisor.name}`);
  await expect(page.getByTestId('request-status')).toHaveText('مقدَّم');
  const { data } = await serviceClient().from('support_requests').select('status').eq('id', id).single();
  expect(data).toEqual({ status: 'submitted' });
  // Now it shows the request as it is, the same move goes through.
  await page.getByRole('button', { name: 'بدء الدراسة' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('قيد الدراسة');
});

test('a supervisor assigns selected requests in bulk; each request’s history records its own assignment', async ({ page }) => {
  const { nationalId, ids } = await twoFromOneApplicant();
  const staff = await seededStaffByRole();
  await signIn(page, 'supervisor');
  await page.goto(`/staff/#/queue?q=${nationalId}`);
  await expect(page.getByTestId('queue').locator('tbody tr')).toHaveCount(2);
  for (const row of await page.getByTestId('queue').locator('tbody tr').all()) await row.getByRole('checkbox').check();
  await expect(page.getByText('المحدد: 2')).toBeVisible();
  await page.getByLabel('إسناد المحدد إلى').selectOption({ label: `${STAFF.officer.name} (مسؤول علاقات المستفيدين)` });
  await page.getByRole('button', { name: 'إسناد المحدد' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'أُسند 2 من الطلبات' })).toBeVisible();
  await expect(page.getByTestId('queue').locator('tbody tr').filter({ hasText: STAFF.officer.name })).toHaveCount(2);
  const { data: events } = await serviceClient().from('request_events').select('request_id, kind, actor_id, assigned_to').in('request_id', ids).eq('kind', 'assigned');
  expect(events).toHaveLength(2);
  for (const id of ids) expect(events).toContainEqual({ request_id: id, kind: 'assigned', actor_id: staff.supervisor, assigned_to: staff.officer });

  // The officer finds them in "my work", the supervisor sees them in the team load.
  await page.goto('/staff/#/team');
  await expect(page.getByTestId('team-load').locator(`tr[data-member="${STAFF.officer.name}"]`)).toBeVisible();
  await signOut(page);
  await signIn(page, 'officer');
  await page.goto('/staff/#/mine');
  const due = page.locator('[data-section="due"]');
  for (const id of ids) await expect(due.locator(`tr[data-id="${id}"]`)).toBeVisible();
});
