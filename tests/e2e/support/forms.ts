import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { expect, type Page } from '@playwright/test';
import { apiUrl, ports } from '../../../config/ports.mjs';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../../supabase/local/keys.mjs';
import { ACCURACY_DECLARATION_VERSION } from '../../../src/schemas/support-request';

/** The database as staff tooling sees it (service role): what the tests assert against. */
export const serviceDb = createClient(apiUrl, LOCAL_SERVICE_ROLE_KEY, { auth: { persistSession: false } });
/** The public API as any visitor's browser reaches it. */
export const anonApi = createClient(apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false } });

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
export const arabicDigits = (latin: string) => latin.replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]!);

/** A national ID (starts with 1) with a valid check digit, different on every call. */
export function newNationalId(): string {
  const body = `1${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  for (let check = 0; check <= 9; check++) {
    const id = body + check;
    const sum = [...id].reduce((total, ch, i) => {
      const d = Number(ch);
      return total + (i % 2 === 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d);
    }, 0);
    if (sum % 10 === 0) return id;
  }
  throw new Error('unreachable');
}

/** A Saudi mobile (05XXXXXXXX) no other test uses, so the daily limit never interferes. */
export const newMobile = () => `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
export const e164 = (mobile: string) => `+966${mobile.slice(1)}`;

export async function requestRowsFor(mobile: string) {
  const { data, error } = await serviceDb.from('support_requests').select('*').eq('mobile', e164(mobile));
  if (error) throw error;
  return data;
}

/** A request sent straight to the API, as if it came from an earlier visit. */
export async function existingRequest(
  mobile = newMobile(),
  overrides: Record<string, unknown> = {},
): Promise<{ reference: string; mobile: string }> {
  const { data, error } = await anonApi.rpc('submit_support_request', {
    p_full_name: 'Sara Ahmed',
    p_national_id: newNationalId(),
    p_mobile: mobile,
    p_email: '',
    p_city: 'Jeddah',
    p_category: 'parent',
    p_request_type: 'tutoring',
    p_description: 'Tutoring in mathematics for my son in grade 5, twice a week.',
    p_preferred_channel: 'phone',
    p_locale: 'en',
    p_accuracy_confirmed: true,
    p_privacy_consent: true,
    p_declaration_version: ACCURACY_DECLARATION_VERSION,
    p_idempotency_key: randomUUID(),
    p_honeypot: '',
    p_form_started_at: new Date(Date.now() - 60_000).toISOString(),
    ...overrides,
  });
  if (error) throw new Error(JSON.stringify(error));
  return { reference: data.reference as string, mobile };
}

export const pathFor = (locale: 'ar' | 'en', path: string) => (locale === 'ar' ? path : `/en${path}`);

/** Waits until the island has hydrated (the server-rendered form does nothing before that). */
export async function gotoIsland(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}

/** Nothing scrolls sideways: the page fits the viewport (320 px is the WCAG reflow width). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * Moves a request's decision window into the past, as if six weeks had gone by without a
 * decision (arranged directly in the database, the workflow triggers off for that statement).
 */
export async function makeOverdue(reference: string) {
  const db = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${ports.db}/postgres` });
  await db.connect();
  try {
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    await db.query(
      `update public.support_requests
          set decision_due_from = now() - interval '30 days', decision_due_by = now() - interval '2 days'
        where reference = $1`,
      [reference],
    );
    await db.query('commit');
  } finally {
    await db.end();
  }
}
