import { describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { apiUrl, completeTwoFactor, createUser, DEMO_STAFF, LOCAL_ANON_KEY, withDb } from './support/clients';
import { verifyJwt } from '../../supabase/local/jwt.mjs';

const newClient = () => createClient(apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
const { email, password } = DEMO_STAFF.officer;

describe('staff sign-in through the auth endpoints', () => {
  it('signs in with the right password and gets a session with GoTrue\'s claims', async () => {
    const client = newClient();
    const { data, error } = await client.auth.signInWithPassword({ email, password });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, aud: 'authenticated', role: 'authenticated' });
    const claims = verifyJwt(data.session!.access_token);
    expect(claims).toMatchObject({
      sub: data.user!.id, role: 'authenticated', aud: 'authenticated', email, aal: 'aal1', is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    });
    expect(claims).toHaveProperty('session_id');
    expect(claims).toHaveProperty('user_metadata');
    expect(claims!.exp - claims!.iat).toBe(3600);
    const { data: user } = await client.auth.getUser();
    expect(user.user?.id).toBe(data.user!.id);
  });

  it('refuses a wrong password with invalid_credentials', async () => {
    const { data, error } = await newClient().auth.signInWithPassword({ email, password: 'not-the-password' });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('refuses a banned account and one whose email is not confirmed, as GoTrue does', async () => {
    const banned = await createUser({ role: 'officer' });
    const unconfirmed = await createUser({ role: 'officer' });
    await withDb(async (db) => {
      await db.query(`update auth.users set banned_until = now() + interval '1 day' where id = $1`, [banned.id]);
      await db.query('update auth.users set email_confirmed_at = null where id = $1', [unconfirmed.id]);
    });
    const a = await newClient().auth.signInWithPassword({ email: banned.email, password: banned.password });
    expect(a.error).toMatchObject({ status: 400, code: 'user_banned' });
    const b = await newClient().auth.signInWithPassword({ email: unconfirmed.email, password: unconfirmed.password });
    expect(b.error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
  });

  it('stores passwords as bcrypt hashes and refresh tokens only hashed', async () => {
    const client = newClient();
    const { data } = await client.auth.signInWithPassword({ email, password });
    await withDb(async (db) => {
      const { rows: users } = await db.query('select encrypted_password from auth.users where email = $1', [email]);
      expect(users[0].encrypted_password).toMatch(/^\$2[aby]\$10\$/);
      const { rows } = await db.query('select count(*)::int as n from auth.refresh_tokens where token = $1', [data.session!.refresh_token]);
      expect(rows[0].n).toBe(0);
    });
  });

  it('rotates the refresh token on use; a token replayed two rotations later, outside the reuse interval, ends the whole session', async () => {
    const client = newClient();
    const { data: signedIn } = await client.auth.signInWithPassword({ email, password });
    const first = signedIn.session!.refresh_token;
    const { data: refreshed, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    const second = refreshed.session!.refresh_token;
    expect(second).not.toBe(first);
    const sessionId = verifyJwt(signedIn.session!.access_token)!.session_id;
    expect(verifyJwt(refreshed.session!.access_token)!.session_id).toBe(sessionId);
    const { data: again } = await client.auth.refreshSession();
    const third = again.session!.refresh_token;

    // Time passes beyond GoTrue's 10-second reuse interval; then someone replays the first token.
    await withDb((db) => db.query(`update auth.sessions set refreshed_at = refreshed_at - interval '11 seconds' where id = $1`, [sessionId]));
    const replay = await newClient().auth.refreshSession({ refresh_token: first });
    expect(replay.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    const afterTheft = await newClient().auth.refreshSession({ refresh_token: third });
    expect(afterTheft.error?.code).toBe('refresh_token_not_found');
  });

  it('hands back the current token for its parent (a client that lost the answer), whenever it comes', async () => {
    const client = newClient();
    const { data: signedIn } = await client.auth.signInWithPassword({ email, password });
    const first = signedIn.session!.refresh_token;
    const { data: refreshed } = await client.auth.refreshSession();
    const sessionId = verifyJwt(signedIn.session!.access_token)!.session_id;
    await withDb((db) => db.query(`update auth.sessions set refreshed_at = refreshed_at - interval '1 hour' where id = $1`, [sessionId]));
    const retried = await newClient().auth.refreshSession({ refresh_token: first });
    expect(retried.error).toBeNull();
    expect(retried.data.session!.refresh_token).toBe(refreshed.session!.refresh_token);
  });

  it('lets two tabs refresh with the same token within the reuse interval: both get the same current token', async () => {
    const client = newClient();
    const { data } = await client.auth.signInWithPassword({ email, password });
    const token = data.session!.refresh_token;
    const [a, b] = await Promise.all([
      newClient().auth.refreshSession({ refresh_token: token }),
      newClient().auth.refreshSession({ refresh_token: token }),
    ]);
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    expect(a.data.session!.refresh_token).toBe(b.data.session!.refresh_token);
  });

  it('refuses a malformed refresh token with validation_failed and an unknown one with refresh_token_not_found', async () => {
    const malformed = await newClient().auth.refreshSession({ refresh_token: 'made-up-token' });
    expect(malformed.error).toMatchObject({ status: 400, code: 'validation_failed' });
    const { encodeRefreshToken, newRefreshTokenKey } = await import('../../supabase/local/auth/refresh-token.mjs');
    const unknown = encodeRefreshToken(crypto.randomUUID(), 0, newRefreshTokenKey());
    const { error } = await newClient().auth.refreshSession({ refresh_token: unknown });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('revokes the session on sign-out: neither the refresh token nor the access token\'s session works', async () => {
    const client = newClient();
    const { data } = await client.auth.signInWithPassword({ email, password });
    const { access_token, refresh_token } = data.session!;
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();
    const refresh = await newClient().auth.refreshSession({ refresh_token });
    expect(refresh.error?.code).toBe('refresh_token_not_found');
    const user = await fetch(`${apiUrl}/auth/v1/user`, { headers: { apikey: LOCAL_ANON_KEY, authorization: `Bearer ${access_token}` } });
    expect(user.status).toBe(403);
    expect((await user.json()).error_code).toBe('session_not_found');
  });

  it('answers GET /user without a token with no_authorization and with a bad token with bad_jwt', async () => {
    const headers = { apikey: LOCAL_ANON_KEY, 'x-supabase-api-version': '2024-01-01' };
    const none = await fetch(`${apiUrl}/auth/v1/user`, { headers });
    expect([none.status, (await none.json()).code]).toEqual([401, 'no_authorization']);
    const bad = await fetch(`${apiUrl}/auth/v1/user`, { headers: { ...headers, authorization: 'Bearer not.a.jwt' } });
    expect([bad.status, (await bad.json()).code]).toEqual([403, 'bad_jwt']);
  });

  it('allows the site\'s origin through CORS and nobody else', async () => {
    const { siteUrl } = await import('../../config/ports.mjs');
    const preflight = (origin: string) =>
      fetch(`${apiUrl}/rest/v1/rpc/submit_support_request`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'apikey, content-type' },
      });
    const site = await preflight(siteUrl);
    expect(site.status).toBe(204);
    expect(site.headers.get('access-control-allow-origin')).toBe(siteUrl);
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('verifies a session\'s claims with getClaims(), as the staff workspace may', async () => {
    const client = newClient();
    await client.auth.signInWithPassword({ email, password });
    const { data, error } = await client.auth.getClaims();
    expect(error).toBeNull();
    expect(data?.claims).toMatchObject({ email, role: 'authenticated' });
  });

  it('keeps PostgREST\'s headers both ways: a count request returns the total', async () => {
    const officer = newClient();
    await officer.auth.signInWithPassword({ email, password });
    await completeTwoFactor(officer);
    const { count, error } = await officer.from('support_requests').select('id', { count: 'exact', head: true });
    expect(error).toBeNull();
    const total = await withDb(async (db) => (await db.query('select count(*)::int as n from public.support_requests')).rows[0].n);
    expect(count).toBe(total);
  });
});
