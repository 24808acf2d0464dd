// Plain-HTTP access to the local auth, for the answers supabase-js would hide (status, headers,
// exact body), plus what auth tests keep needing: forged tokens, TOTP codes, signed-out tokens.
import { apiUrl, factorSecret, LOCAL_ANON_KEY, withDb } from './clients';
import { signJwt } from '../../../supabase/local/keys.mjs';
import { totpCode as demoTotpCode } from '../../../supabase/local/demo-staff.mjs';

export type AuthAnswer = { status: number; headers: Headers; text: string; json: any };

/** Calls /auth/v1<path>. `body` is sent as is when a string, as JSON otherwise. */
export async function authCall(
  method: string,
  path: string,
  { body, token, headers = {} }: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<AuthAnswer> {
  const response = await fetch(`${apiUrl}/auth/v1${path}`, {
    method,
    headers: {
      apikey: LOCAL_ANON_KEY,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, text, json };
}

/** Signs in through POST /token and returns GoTrue's whole token response. */
export async function passwordSignIn(email: string, password: string) {
  const answer = await authCall('POST', '/token?grant_type=password', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`sign-in as ${email}: ${answer.status} ${answer.text}`);
  return answer.json as { access_token: string; refresh_token: string; user: any; expires_in: number; expires_at: number };
}

const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the local secret carrying exactly `claims` (plus iat/exp unless given). */
export const forgedToken = (claims: Record<string, unknown>) => signJwt({ iat: now(), exp: now() + 3600, ...claims });

/** The current TOTP code for a base32 secret, as an authenticator app shows it. */
export const totpCode = (secret: string, offsetSteps = 0) => demoTotpCode(secret, Date.now() + offsetSteps * 30_000);

export const sessionCount = (userId: string) =>
  withDb(async (db) => (await db.query('select count(*)::int as n from auth.sessions where user_id = $1', [userId])).rows[0].n as number);

/**
 * Password, then the code of the user's verified TOTP factor (its secret read from the database,
 * as the member's authenticator app holds it): GoTrue's token response of the aal2 session.
 */
export async function twoFactorSignIn(email: string, password: string) {
  const session = await passwordSignIn(email, password);
  const factor = (session.user.factors ?? []).find((f: { status: string }) => f.status === 'verified');
  if (!factor) throw new Error(`${email} has no verified factor`);
  const challenge = await authCall('POST', `/factors/${factor.id}/challenge`, { token: session.access_token });
  const code = totpCode(await factorSecret(factor.id));
  const verified = await authCall('POST', `/factors/${factor.id}/verify`, { token: session.access_token, body: { challenge_id: challenge.json.id, code } });
  if (verified.status !== 200) throw new Error(`second step as ${email}: ${verified.status} ${verified.text}`);
  return verified.json as typeof session;
}

/** Signs this access token's session out (POST /logout?scope=local); the JWT itself stays unexpired. */
export async function signOutToken(token: string) {
  const out = await authCall('POST', '/logout?scope=local', { token });
  if (out.status !== 204) throw new Error(`sign-out failed: ${out.status} ${out.text}`);
}

/**
 * An aal2 access token whose session has been signed out (the JWT itself is still unexpired), to
 * show what a signed-out token can still do at PostgREST.
 */
export async function signedOutAccessToken(email: string, password: string): Promise<string> {
  const { access_token: token } = await twoFactorSignIn(email, password);
  await signOutToken(token);
  return token;
}
