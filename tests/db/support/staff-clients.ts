import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { Secret } from 'otpauth';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../../supabase/local/keys.mjs';
import { apiUrl } from '../../../config/ports.mjs';
import { addAmrClaim, createSession } from '../../../supabase/local/auth/sessions.mjs';
import { generateAccessToken } from '../../../supabase/local/auth/tokens.mjs';
import { findUserById } from '../../../supabase/local/auth/users.mjs';
import { hasValidCheckDigit } from '../../../src/lib/national-id';
import type { StaffRole } from '../../../src/lib/workflow';
import { withDb } from './clients';
import { slotStaff } from '../../support/staff-accounts';

const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

export const serviceClient = () => createClient(apiUrl, LOCAL_SERVICE_ROLE_KEY, noSession);
export const anonClient = () => createClient(apiUrl, LOCAL_ANON_KEY, noSession);

export type Assurance = 'aal1' | 'aal2';

/**
 * A real session of this auth user, as the local auth makes one: a row in auth.sessions (aal2:
 * upgraded with a verified TOTP factor of the user, created if they have none, and its `totp`
 * claim), and the access token GoTrue would issue for it (`session_id`, `aal`, `amr`, ...).
 * Signing out (`POST /auth/v1/logout`) or deleting the row ends it, as for a browser's session.
 */
export async function mintSession(userId: string, { aal = 'aal2' }: { aal?: Assurance } = {}) {
  return withDb(async (db) => {
    const user = await findUserById(db, userId);
    if (!user) throw new Error(`no auth user ${userId}`);
    const session = await createSession(db, userId, { userAgent: 'tests/db/support/staff-clients.ts', ip: '127.0.0.1' });
    await addAmrClaim(db, session.id, 'password');
    if (aal === 'aal2') {
      const { rows } = await db.query(
        `select id from auth.mfa_factors where user_id = $1 and factor_type = 'totp' and status = 'verified' order by created_at limit 1`,
        [userId],
      );
      const factorId = rows[0]?.id ?? (await db.query(
        `insert into auth.mfa_factors (id, user_id, factor_type, status, created_at, updated_at, secret)
         values (gen_random_uuid(), $1, 'totp', 'verified', now(), now(), $2) returning id`,
        [userId, new Secret({ size: 20 }).base32],
      )).rows[0].id;
      await addAmrClaim(db, session.id, 'totp');
      await db.query(`update auth.sessions set aal = 'aal2', factor_id = $2 where id = $1`, [session.id, factorId]);
    }
    const { accessToken } = await generateAccessToken(db, { user, sessionId: session.id, issuer: `${apiUrl}/auth/v1` });
    return { sessionId: session.id as string, accessToken: accessToken as string };
  });
}

/**
 * A client acting as this auth user through a real session of its own (see mintSession),
 * `aal2` unless asked for `aal1` (a password-only session). The session is made on the first call.
 */
export function clientAs(userId: string, { aal = 'aal2' }: { aal?: Assurance } = {}): SupabaseClient {
  let token: Promise<string> | null = null;
  return createClient(apiUrl, LOCAL_ANON_KEY, {
    ...noSession,
    accessToken: () => (token ??= mintSession(userId, { aal }).then((s) => s.accessToken)),
  });
}

/**
 * The active demo member of each role (supabase/seed.sql), or in an e2e worker its own copies of
 * them (tests/support/staff-accounts.ts), so that helpers never act as another worker's accounts.
 */
export async function seededStaffByRole(): Promise<Record<StaffRole, string>> {
  const rows = await withDb(async (db) =>
    (await db.query(
      `select s.user_id, s.role::text from public.staff s join auth.users u on u.id = s.user_id where u.email = any($1) and s.active`,
      [Object.values(slotStaff()).map((account) => account.email)],
    )).rows as { user_id: string; role: StaffRole }[]);
  const byRole = {} as Record<StaffRole, string>;
  for (const row of rows) byRole[row.role] ??= row.user_id;
  return byRole;
}

let serial = 0;
function validNationalId(seed: number): string {
  const body = `1${String(seed).padStart(8, '0').slice(-8)}`;
  for (let d = 0; d <= 9; d++) if (hasValidCheckDigit(body + d)) return body + d;
  throw new Error('no check digit');
}

/** Submits a fresh, valid request as the public would, and returns its id, reference and private link's secret. */
export async function submitFreshRequest(): Promise<{ id: string; reference: string; secret: string }> {
  serial += 1;
  const n = (Date.now() % 1_000_000) * 100 + serial;
  const { data, error } = await anonClient().rpc('submit_support_request', {
    p_full_name: 'سارة أحمد القحطاني',
    p_national_id: validNationalId(n),
    p_mobile: `05${String(n).padStart(8, '0').slice(-8)}`,
    p_email: '',
    p_city: 'الرياض',
    p_category: 'student',
    p_request_type: 'tutoring',
    p_description: 'أحتاج إلى دروس تقوية في الرياضيات للفصل الدراسي القادم.',
    p_preferred_channel: 'phone',
    p_locale: 'ar',
    p_accuracy_confirmed: true,
    p_privacy_consent: true,
    p_declaration_version: '2026-11-policy-step-4',
    p_idempotency_key: crypto.randomUUID(),
    p_honeypot: '',
    p_form_started_at: new Date(Date.now() - 60_000).toISOString(),
  });
  if (error) throw error;
  const { reference, private_link_secret: secret } = data as { reference: string; private_link_secret: string };
  const { data: row, error: readError } = await serviceClient().from('support_requests').select('id').eq('reference', reference).single();
  if (readError) throw readError;
  return { id: row.id as string, reference, secret };
}
