import { expect, type Page } from '@playwright/test';
import { totpCode } from '../../../supabase/local/demo-staff.mjs';
import { slotStaff, type DemoStaff } from '../../support/staff-accounts';

export type { DemoStaff };
/** This worker's staff accounts, with their authenticators' secrets (tests/support/staff-accounts.ts). */
export const STAFF = slotStaff();

/** The first step: e-mail and password. The workspace then asks for the authenticator's code. */
export async function signInWithPassword(page: Page, email: string, password: string, path = '/staff/') {
  await page.goto(path);
  await page.getByLabel(/البريد الإلكتروني|Email address/).fill(email);
  await page.getByLabel(/كلمة المرور|Password/).fill(password);
  await page.getByRole('button', { name: /^(تسجيل الدخول|Sign in)$/ }).click();
}

/** The second step: the code an authenticator app with this secret shows now. */
export async function enterCode(page: Page, secret: string) {
  await page.getByLabel(/رمز التحقق|Verification code/).fill(totpCode(secret));
  await page.getByRole('button', { name: /^(تحقق|Verify)$/ }).click();
}

/** Signs a demo member in as they would: password, then their authenticator's code. */
export async function signIn(page: Page, who: DemoStaff, path = '/staff/') {
  await signInWithPassword(page, STAFF[who].email, STAFF[who].password, path);
  await enterCode(page, STAFF[who].totpSecret);
  await expect(page.getByRole('button', { name: /تسجيل الخروج|Sign out/ })).toBeVisible();
  await expect(page.getByLabel(/رمز التحقق|Verification code/)).toHaveCount(0);
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
