// Issue 15, hole 9: signing out ends access at once. The auth side refuses the token (the
// session row is gone, GET /user says session_not_found), and so does PostgREST: the RLS helpers
// check `auth.jwt() ->> 'session_id'` against auth.sessions (20261201121000_staff_sessions.sql).
// tests/db/staff-sessions.test.ts has the rest (aal1, deactivation, removed factors).
import { describe, expect, it } from 'vitest';
import { clientWithToken, DEMO_STAFF } from './support/clients';
import { authCall, signedOutAccessToken, signOutToken, twoFactorSignIn } from './support/auth-http';

const { email, password } = DEMO_STAFF.supervisor;

describe('a signed-out access token', () => {
  it('is refused by the auth endpoints at once (session_not_found)', async () => {
    const token = await signedOutAccessToken(email, password);
    const answer = await authCall('GET', '/user', { token });
    expect([answer.status, answer.json.error_code]).toEqual([403, 'session_not_found']);
  });

  it('reads nothing at PostgREST, though the same token read the queue just before', async () => {
    const { access_token: token } = await twoFactorSignIn(email, password);
    expect((await clientWithToken(token).from('support_requests').select('id').limit(1)).data).toHaveLength(1);
    await signOutToken(token);
    const { data } = await clientWithToken(token).from('support_requests').select('id').limit(1);
    expect(data).toEqual([]);
    const staffRows = await clientWithToken(token).from('staff').select('user_id');
    expect(staffRows.data).toEqual([]);
  });
});
