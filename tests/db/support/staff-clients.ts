import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, signJwt } from '../../../supabase/local/keys.mjs';
import { apiUrl } from '../../../config/ports.mjs';
import { hasValidCheckDigit } from '../../../src/lib/national-id';
import type { StaffRole } from '../../../src/lib/workflow';

const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

export const serviceClient = () => createClient(apiUrl, LOCAL_SERVICE_ROLE_KEY, noSession);
export const anonClient = () => createClient(apiUrl, LOCAL_ANON_KEY, noSession);

/** A client acting as this auth user, with the kind of JWT the gateway issues at sign-in. */
export function clientAs(userId: string): SupabaseClient {
  const now = Math.floor(Date.now() / 1000);
  const token = signJwt({ sub: userId, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 });
  return createClient(apiUrl, LOCAL_ANON_KEY, { ...noSession, global: { headers: { Authorization: `Bearer ${token}` } } });
}

/** One active seeded staff member per role (supabase/seed.sql). */
export async function seededStaffByRole(): Promise<Record<StaffRole, string>> {
  const { data, error } = await serviceClient().from('staff').select('user_id, role, active').eq('active', true);
  if (error) throw error;
  const byRole = {} as Record<StaffRole, string>;
  for (const row of data ?? []) byRole[row.role as StaffRole] ??= row.user_id as string;
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
