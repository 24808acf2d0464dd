// Slows password guessing: after `maxFailures` failed sign-ins for one email (or `maxIpFailures`
// from one address) within `windowMs`, every further attempt for it, right or wrong, is refused
// until a lock runs out; each failure past the limit doubles the lock, up to `maxLockMs`.
// Unknown emails count exactly like known ones, so the answer never tells whether an account exists.
// State is in memory: hosted Supabase Auth does its own rate limiting, this covers the local stack.
import { createLockout } from './lockout.mjs';

export const SIGN_IN_LIMITS = {
  maxFailures: 5,
  maxIpFailures: 50,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  maxTracked: 10_000,
};

export function createSignInThrottle(limits = SIGN_IN_LIMITS, now = () => Date.now()) {
  const lockout = createLockout(limits, now);
  const emailKey = (email) => `email:${email}`;
  const ipKey = (ip) => `ip:${ip}`;

  return {
    /** Milliseconds until this email and address may try again (0: go ahead). */
    waitMs: (email, ip) => lockout.waitMs(emailKey(email), ipKey(ip)),
    failed(email, ip) {
      lockout.fail(emailKey(email), limits.maxFailures);
      lockout.fail(ipKey(ip), limits.maxIpFailures);
    },
    /** A right password clears the email's count; the address keeps its own (an attacker's own account must not reset it). */
    succeeded(email) {
      lockout.clear(emailKey(email));
    },
    get trackedCount() {
      return lockout.size;
    },
  };
}
