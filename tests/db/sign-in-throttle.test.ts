import { describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { apiUrl, createUser, LOCAL_ANON_KEY } from './support/clients';
import { SIGN_IN_LIMITS } from '../../supabase/local/sign-in-throttle.mjs';

const newClient = () => createClient(apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
const signIn = (email: string, password: string) => newClient().auth.signInWithPassword({ email, password });

/** The raw answer, to read Retry-After and compare bodies byte for byte. */
async function rawSignIn(email: string, password: string) {
  const res = await fetch(`${apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: LOCAL_ANON_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

async function failTimes(email: string, times: number) {
  for (let i = 0; i < times; i++) {
    const { error } = await signIn(email, `guess-${i}`);
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  }
}

describe('password guessing is slowed per email', () => {
  it(`after ${SIGN_IN_LIMITS.maxFailures} wrong passwords even the right one is refused for a while, with 429 and Retry-After`, async () => {
    const user = await createUser({ role: 'officer' });
    await failTimes(user.email, SIGN_IN_LIMITS.maxFailures);

    const { data, error } = await signIn(user.email, user.password);
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    const raw = await rawSignIn(user.email, 'another-guess');
    expect(raw.status).toBe(429);
    expect(Number(raw.retryAfter)).toBeGreaterThan(0);
    expect(Number(raw.retryAfter)).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxLockMs / 1000);
  });

  it('a locked account and a made-up email answer alike, so the lock does not tell whether an account exists', async () => {
    const user = await createUser({ role: 'officer' });
    const madeUp = `nobody-${Date.now()}@irtiqaa.local`;
    await failTimes(user.email, SIGN_IN_LIMITS.maxFailures);
    await failTimes(madeUp, SIGN_IN_LIMITS.maxFailures);
    const known = await rawSignIn(user.email, 'x');
    const unknown = await rawSignIn(madeUp, 'x');
    expect(known.status).toBe(429);
    expect(unknown).toEqual(known);
  });

  it('the lock is per email: another staff member signs in meanwhile', async () => {
    const locked = await createUser({ role: 'officer' });
    const other = await createUser({ role: 'officer' });
    await failTimes(locked.email, SIGN_IN_LIMITS.maxFailures);
    const { error } = await signIn(other.email, other.password);
    expect(error).toBeNull();
  });

  it('a successful sign-in clears the count of earlier mistakes', async () => {
    const user = await createUser({ role: 'officer' });
    await failTimes(user.email, SIGN_IN_LIMITS.maxFailures - 1);
    expect((await signIn(user.email, user.password)).error).toBeNull();
    await failTimes(user.email, SIGN_IN_LIMITS.maxFailures - 1);
    expect((await signIn(user.email, user.password)).error).toBeNull();
  });
});
