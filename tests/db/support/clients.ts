// Clients for database tests: unmodified supabase-js through the gateway, signed in as each kind
// of user, plus a direct superuser connection for arranging what no API may do (creating users).
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { apiUrl, ports } from '../../../config/ports.mjs';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../../supabase/local/keys.mjs';
import { DEMO_STAFF as DEMO_ACCOUNTS, totpCode } from '../../../supabase/local/demo-staff.mjs';
import { submissionArgs } from '../../fixtures/support-request-samples';

export { apiUrl, LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY };

const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export const anonClient = (): SupabaseClient => createClient(apiUrl, LOCAL_ANON_KEY, options);
export const serviceClient = (): SupabaseClient => createClient(apiUrl, LOCAL_SERVICE_ROLE_KEY, options);

/** A client that sends `token` as its bearer token (forged or otherwise), like a tampered browser. */
export const clientWithToken = (token: string): SupabaseClient =>
  createClient(apiUrl, LOCAL_ANON_KEY, { ...options, global: { headers: { Authorization: `Bearer ${token}` } } });

/** The demo accounts of supabase/seed.sql, each with its authenticator's secret (supabase/local/demo-staff.mjs). */
export const DEMO_STAFF = DEMO_ACCOUNTS;
export type DemoStaff = keyof typeof DEMO_STAFF;

/** Signs in with the password only: an `aal1` session, which the database lets read nothing but the member's own staff row. */
export async function signInWithPasswordOnly(email: string, password: string): Promise<SupabaseClient> {
  const client = createClient(apiUrl, LOCAL_ANON_KEY, options);
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}

/** The secret of the user's verified TOTP factor: what their authenticator app holds. */
export const factorSecret = (factorId: string) =>
  withDb(async (db) => (await db.query('select secret from auth.mfa_factors where id = $1', [factorId])).rows[0].secret as string);

/**
 * The second step, as a member does it in the workspace: the code of their authenticator for the
 * verified factor, or, the first time, a new authenticator enrolled and verified. Returns the
 * factor's secret. The session becomes `aal2`.
 */
export async function completeTwoFactor(client: SupabaseClient): Promise<{ factorId: string; secret: string }> {
  const { data: factors, error: listError } = await client.auth.mfa.listFactors();
  if (listError) throw listError;
  let factorId = factors.totp[0]?.id;
  let secret: string;
  if (factorId) {
    secret = await factorSecret(factorId);
  } else {
    const { data, error } = await client.auth.mfa.enroll({ factorType: 'totp' });
    if (error) throw error;
    factorId = data.id;
    secret = data.totp.secret;
  }
  const { error } = await client.auth.mfa.challengeAndVerify({ factorId, code: totpCode(secret) });
  if (error) throw new Error(`the second step failed: ${error.message}`);
  return { factorId, secret };
}

/** Signs in as a member does: password, then the authenticator's code (an `aal2` session). */
export async function signIn(email: string, password: string): Promise<SupabaseClient> {
  const client = await signInWithPasswordOnly(email, password);
  await completeTwoFactor(client);
  return client;
}

const signedIn = new Map<DemoStaff, Promise<SupabaseClient>>();
/** The demo staff member of that role, signed in once per test file. */
export function staff(who: DemoStaff): Promise<SupabaseClient> {
  if (!signedIn.has(who)) signedIn.set(who, signIn(DEMO_STAFF[who].email, DEMO_STAFF[who].password));
  return signedIn.get(who)!;
}

export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${ports.db}/postgres` });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** Creates a Supabase user (as the Auth admin API would) and, optionally, their staff row. */
export async function createUser(opts: { role?: 'officer' | 'supervisor' | 'authority' | 'admin'; active?: boolean } = {}) {
  const id = randomUUID();
  const email = `staff-${id.slice(0, 8)}@test.irtiqaa.local`;
  const password = `pw-${id}`;
  await withDb(async (db) => {
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                               raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
               extensions.crypt($3, extensions.gen_salt('bf', 4)), now(),
               '{"provider":"email","providers":["email"]}', '{"full_name":"Test Staff"}', now(), now())`,
      [id, email, password],
    );
    if (opts.role) {
      await db.query('insert into public.staff (user_id, full_name, role, active) values ($1, $2, $3, $4)', [
        id,
        'Test Staff',
        opts.role,
        opts.active ?? true,
      ]);
    }
  });
  return { id, email, password };
}

let mobileCounter = 0;
/** A distinct valid Saudi mobile per call, so the per-mobile daily limit never interferes. */
export function freshMobile(): string {
  mobileCounter += 1;
  const n = (Date.now() % 1e5) * 100 + (process.pid % 10) * 10 + mobileCounter;
  return `05${String(n % 1e8).padStart(8, '0')}`;
}

/** The arguments of submit_support_request for a complete, valid application, with a mobile of its own. */
export const application = (overrides: Record<string, unknown> = {}) => submissionArgs({ p_mobile: freshMobile(), ...overrides });

/** Submits as the public would and returns the receipt (throws on refusal). */
export async function submitRequest(overrides: Record<string, unknown> = {}) {
  const { data, error } = await anonClient().rpc('submit_support_request', application(overrides));
  if (error) throw new Error(`submission refused: ${error.message}`);
  return data as { reference: string; status: string; submitted_at: string; decision_due_from: string; decision_due_by: string; private_link_secret: string };
}

/** The id of a request by reference (staff-side lookup through the superuser connection). */
export const requestId = (reference: string) =>
  withDb(async (db) => (await db.query('select id from public.support_requests where reference = $1', [reference])).rows[0].id as string);
