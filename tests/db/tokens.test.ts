import { describe, expect, it } from 'vitest';
import { signJwt, LOCAL_JWT_SECRET } from '../../supabase/local/keys.mjs';
import { clientWithToken, createUser, signIn, withDb, apiUrl, LOCAL_ANON_KEY } from './support/clients';
import { mintSession } from './support/staff-clients';

const now = () => Math.floor(Date.now() / 1000);
const WRONG_SECRET = 'someone-elses-secret-of-at-least-32-characters';

/** A genuine staff token (a real two-factor session's claims), re-signed with `secret` and `exp`. */
async function staffToken(secret = LOCAL_JWT_SECRET, exp = now() + 3600) {
  const { id } = await createUser({ role: 'supervisor' });
  const { accessToken } = await mintSession(id);
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString('utf8'));
  return { id, token: signJwt({ ...claims, exp }, secret) };
}

const readRequests = (token: string) => clientWithToken(token).from('support_requests').select('id').limit(1);

describe('forged and stale tokens', () => {
  it('a genuine staff token reads the queue (the baseline the forgeries are measured against)', async () => {
    const { token } = await staffToken();
    const { data, error } = await readRequests(token);
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
  });

  it('refuses a staff token signed with the wrong secret', async () => {
    const { token } = await staffToken(WRONG_SECRET);
    const { data, status, error } = await readRequests(token);
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST301');
    expect(data).toBeNull();
  });

  it('refuses an expired staff token', async () => {
    const { token } = await staffToken(LOCAL_JWT_SECRET, now() - 60);
    const { status, error } = await readRequests(token);
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST301');
  });

  it('refuses role service_role signed with the wrong key, as bearer and as apikey', async () => {
    const forged = signJwt({ iss: 'supabase-local', role: 'service_role', iat: now(), exp: now() + 3600 }, WRONG_SECRET);
    const asBearer = await readRequests(forged);
    expect(asBearer.status).toBe(401);
    const asKey = await fetch(`${apiUrl}/rest/v1/support_requests?select=id`, { headers: { apikey: forged } });
    expect(asKey.status).toBe(401);
    expect(await asKey.json()).toEqual({ message: 'Invalid API key' });
  });

  it('refuses a token with alg none', async () => {
    const claims = Buffer.from(JSON.stringify({ role: 'service_role', exp: now() + 3600 })).toString('base64url');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const { status } = await readRequests(`${header}.${claims}.`);
    expect(status).toBe(401);
  });

  it('gives a valid token of a deleted user nothing: no rows, no staff action, no user', async () => {
    const { id, token } = await staffToken();
    await withDb((db) => db.query('delete from auth.users where id = $1', [id]));
    const { data } = await readRequests(token);
    expect(data).toEqual([]);
    const act = await clientWithToken(token).rpc('add_request_note', { p_request_id: crypto.randomUUID(), p_note: 'x' });
    expect(act.error?.message).toBe('role_not_allowed');
    const user = await fetch(`${apiUrl}/auth/v1/user`, { headers: { apikey: LOCAL_ANON_KEY, authorization: `Bearer ${token}` } });
    expect(user.status).toBe(403);
  });

  it('refuses every API call without an API key', async () => {
    const response = await fetch(`${apiUrl}/rest/v1/rpc/service_stats`, { method: 'POST' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'No API key found in request' });
  });

  it('a signed-in staff member of a deleted account can no longer refresh', async () => {
    const { id, email, password } = await createUser({ role: 'officer' });
    const client = await signIn(email, password);
    await withDb((db) => db.query('delete from auth.users where id = $1', [id]));
    const { error } = await client.auth.refreshSession();
    expect(error?.code).toBe('refresh_token_not_found');
  });
});
