// Benches sign in as a demo staff member does: the password, then the authenticator's code (the
// database opens nothing to a password alone: docs/ARCHITECTURE.md, "Staff sign-in: two factors
// and a live session"). Returns the supabase-js client, its aal2 session and the token's claims.
import { createClient } from '@supabase/supabase-js';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';
import { DEMO_STAFF, totpCode } from '../../supabase/local/demo-staff.mjs';

export async function signInDemoStaff(apiUrl, who = 'officer') {
  const client = createClient(apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
  const { email, password, totpSecret } = DEMO_STAFF[who];
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error) throw signedIn.error;
  const { data: factors, error } = await client.auth.mfa.listFactors();
  if (error) throw error;
  const verified = await client.auth.mfa.challengeAndVerify({ factorId: factors.totp[0].id, code: totpCode(totpSecret) });
  if (verified.error) throw verified.error;
  const { data: { session } } = await client.auth.getSession();
  const claims = JSON.parse(Buffer.from(session.access_token.split('.')[1], 'base64url').toString('utf8'));
  return { client, session, claims };
}
