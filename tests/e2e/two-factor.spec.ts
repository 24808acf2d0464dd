// Issue 15: the second step of signing in, as a member does it. A password alone shows the code
// page and nothing else (the database refuses the rest: tests/db/staff-sessions.test.ts); the
// first sign-in sets up an authenticator from the QR code GoTrue draws, shown on the page; an
// admin resets a member who lost theirs.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { STAFF, enterCode, signIn, signInWithPassword, signOut } from './support/staff';
import { createUser, signIn as signInThroughApi, withDb } from '../db/support/clients';
import { apiUrl, siteUrl } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';

const codePage = (page: Page, name: RegExp) => page.getByRole('heading', { level: 2, name });

/** Every origin the page asked anything of while `during` ran. */
async function originsContacted(page: Page, during: () => Promise<void>): Promise<string[]> {
  const origins = new Set<string>();
  const note = (request: { url: () => string }) => {
    const url = request.url();
    if (!url.startsWith('data:')) origins.add(new URL(url).origin);
  };
  page.on('request', note);
  await during();
  page.off('request', note);
  return [...origins].sort();
}

test('a password alone opens only the code page; a wrong code is refused; the right one opens the workspace', async ({ page }) => {
  await signInWithPassword(page, STAFF.officer.email, STAFF.officer.password);
  await expect(codePage(page, /^التحقق بخطوتين$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Nothing else opens while the second step is missing, whatever the address says.
  await page.goto('/staff/#/queue');
  await expect(codePage(page, /^التحقق بخطوتين$/)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByTestId('queue')).toHaveCount(0);

  await page.getByLabel('رمز التحقق').fill('12');
  await page.getByRole('button', { name: 'تحقق', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('أدخل رمز التحقق المكوّن من ستة أرقام، مثل 123456.');
  await page.getByLabel('رمز التحقق').fill('000000');
  await page.getByRole('button', { name: 'تحقق', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('الرمز غير صحيح أو انتهت صلاحيته. أدخل الرمز الذي يظهر الآن في التطبيق.');
  await expectNoAxeViolations(page);

  await enterCode(page, STAFF.officer.totpSecret);
  await expect(page.getByRole('heading', { name: 'قائمة الطلبات', level: 2 })).toBeVisible();
  await expect(page.getByTestId('queue')).toBeVisible();
});

test('the code page in English', async ({ page }) => {
  await signInWithPassword(page, STAFF.supervisor.email, STAFF.supervisor.password, '/en/staff/');
  await expect(codePage(page, /^Two-step sign-in$/)).toBeVisible();
  await expect(page.getByText('Enter the six-digit code your authenticator app shows now.')).toBeVisible();
  await expectNoAxeViolations(page);
  await enterCode(page, STAFF.supervisor.totpSecret);
  await expect(page.getByRole('heading', { name: 'Request queue', level: 2 })).toBeVisible();
});

for (const [locale, path, title] of [['ar', '/staff/', /^إعداد التحقق بخطوتين$/], ['en', '/en/staff/', /^Set up two-step sign-in$/]] as const) {
  test(`the first sign-in sets up an authenticator from a QR code drawn on the page, asking nothing of any other server (${locale})`, async ({ page }) => {
    const member = await createUser({ role: 'officer' });
    let key = '';
    const origins = await originsContacted(page, async () => {
      await signInWithPassword(page, member.email, member.password, path);
      await expect(codePage(page, title)).toBeVisible();
      const qr = page.getByRole('img', { name: /QR/ });
      await expect(qr).toBeVisible();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      key = (await page.getByTestId('authenticator-key').textContent())!.replace(/\s/g, '');
      expect(key).toMatch(/^[A-Z2-7]{32}$/);
      await expectNoAxeViolations(page);
      await enterCode(page, key);
      await expect(page.getByRole('button', { name: /^(تسجيل الخروج|Sign out)$/ })).toBeVisible();
      await expect(page.getByTestId('queue')).toBeVisible();
    });
    expect(origins).toEqual([new URL(apiUrl).origin, new URL(siteUrl).origin].sort());
    const stored = await withDb(async (db) => (await db.query(
      `select secret, status::text from auth.mfa_factors where user_id = $1`, [member.id])).rows);
    expect(stored).toEqual([{ secret: key, status: 'verified' }]);
  });
}

test('an admin resets the two-step sign-in of a member who lost their phone; the member sets up a new one', async ({ page }) => {
  const member = await createUser({ role: 'officer' });
  const name = `Reset Member ${member.id.slice(0, 6)}`;
  await withDb((db) => db.query('update public.staff set full_name = $2 where user_id = $1', [member.id, name]));
  await signInThroughApi(member.email, member.password);

  await signIn(page, 'admin');
  await page.goto('/staff/#/admin');
  const row = page.locator('tr', { hasText: name });
  await row.getByRole('button', { name: `إعادة ضبط التحقق بخطوتين لـ ${name}` }).click();
  await expect(row.getByText(`سيُعِدّ ${name} تطبيق مصادقة جديدًا عند دخوله التالي`)).toBeVisible();
  await expectNoAxeViolations(page);
  await row.getByRole('button', { name: 'نعم، أعد الضبط' }).click();
  await expect(page.getByRole('status').filter({ hasText: `أُعيد ضبط التحقق بخطوتين لـ ${name}` })).toBeVisible();
  await expectNoAxeViolations(page);
  const after = await withDb(async (db) => (await db.query(
    `select (select count(*)::int from auth.mfa_factors where user_id = $1) as factors,
            (select count(*)::int from public.staff_events e join auth.users u on u.id = e.actor_id
              where e.user_id = $1 and e.kind = 'factors_reset' and u.email = $2) as resets`,
    [member.id, STAFF.admin.email])).rows[0]);
  expect(after).toEqual({ factors: 0, resets: 1 });

  await signOut(page);
  await signInWithPassword(page, member.email, member.password);
  await expect(codePage(page, /^إعداد التحقق بخطوتين$/)).toBeVisible();
});

test('a session signed out on another device is over here too: the next load shows the sign-in form', async ({ page }) => {
  await signIn(page, 'authority');
  await expect(page.getByTestId('queue')).toBeVisible();
  const status = await page.evaluate(async ({ url, key }) => {
    const { access_token: token } = JSON.parse(localStorage.getItem('irtiqaa-staff-auth')!);
    const signedOut = await fetch(`${url}/auth/v1/logout?scope=global`, { method: 'POST', headers: { apikey: key, authorization: `Bearer ${token}` } });
    return signedOut.status;
  }, { url: apiUrl, key: LOCAL_ANON_KEY });
  expect(status).toBe(204);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'تسجيل دخول الموظفين' })).toBeVisible();
  await expect(page.getByTestId('queue')).toHaveCount(0);
});
