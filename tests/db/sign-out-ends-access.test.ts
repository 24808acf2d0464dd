// Issue 15, hole 9: signing out must end access at once. The auth side already does (the
// session row is gone, GET /user refuses the token); PostgREST does not yet, because the RLS
// helpers do not look at auth.sessions. The `it.fails` below is the failing test for that later
// migration: once the helpers check `auth.jwt() ->> 'session_id'` against auth.sessions, it
// starts passing, vitest reports it, and it becomes a plain `it`.
import { describe, expect, it } from 'vitest';
import { clientWithToken, DEMO_STAFF } from './support/clients';
import { authCall, signedOutAccessToken } from './support/auth-http';

const { email, password } = DEMO_STAFF.supervisor;

describe('a signed-out access token', () => {
  it('is refused by the auth endpoints at once (session_not_found)', async () => {
    const token = await signedOutAccessToken(email, password);
    const answer = await authCall('GET', '/user', { token });
    expect([answer.status, answer.json.error_code]).toEqual([403, 'session_not_found']);
  });

  it.fails('reads nothing at PostgREST (fails until the RLS helpers check auth.sessions)', async () => {
    const token = await signedOutAccessToken(email, password);
    const { data } = await clientWithToken(token).from('support_requests').select('id').limit(1);
    expect(data).toEqual([]);
  });
});
