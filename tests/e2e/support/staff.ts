import { expect, type Page } from '@playwright/test';

/** Demo accounts of supabase/seed.sql (local stack only). */
export const STAFF = {
  officer: { email: 'officer@irtiqaa.local', password: 'demo-officer-2026', name: 'نورة القحطاني' },
  supervisor: { email: 'supervisor@irtiqaa.local', password: 'demo-supervisor-2026', name: 'خالد العتيبي' },
  authority: { email: 'authority@irtiqaa.local', password: 'demo-authority-2026', name: 'د. سارة الشهري' },
  admin: { email: 'admin@irtiqaa.local', password: 'demo-admin-2026', name: 'عبدالله الحربي' },
  former: { email: 'former@irtiqaa.local', password: 'demo-former-2026', name: 'ريم الدوسري' },
} as const;
export type DemoStaff = keyof typeof STAFF;

export async function signIn(page: Page, who: DemoStaff, path = '/staff/') {
  await page.goto(path);
  await page.getByLabel(/البريد الإلكتروني|Email address/).fill(STAFF[who].email);
  await page.getByLabel(/كلمة المرور|Password/).fill(STAFF[who].password);
  await page.getByRole('button', { name: /^(تسجيل الدخول|Sign in)$/ }).click();
  await expect(page.getByRole('button', { name: /تسجيل الخروج|Sign out/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /تسجيل الخروج|Sign out/ }).click();
  await expect(page.getByRole('button', { name: /^(تسجيل الدخول|Sign in)$/ })).toBeVisible();
}

/** Opens a request from the queue by searching its reference, as a staff member would. */
export async function openRequest(page: Page, reference: string) {
  await page.goto('/staff/#/queue');
  await page.getByRole('searchbox', { name: 'بحث' }).fill(reference);
  await page.getByRole('button', { name: 'تطبيق' }).click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 2, name: `الطلب ${reference}` })).toBeVisible();
}
