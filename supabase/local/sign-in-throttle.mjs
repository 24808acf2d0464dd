// Slows password guessing: after `maxFailures` failed sign-ins for one email (or `maxIpFailures`
// from one address) within `windowMs`, every further attempt for it, right or wrong, is refused
// until a lock runs out; each failure past the limit doubles the lock, up to `maxLockMs`.
// Unknown emails count exactly like known ones, so the answer never tells whether an account exists.
// State is in memory: hosted Supabase Auth does its own rate limiting, this covers the local stack.

export const SIGN_IN_LIMITS = {
  maxFailures: 5,
  maxIpFailures: 50,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  maxTracked: 10_000,
};

export function createSignInThrottle(limits = SIGN_IN_LIMITS, now = () => Date.now()) {
  const tracked = new Map(); // key -> { failures: number[], lockedUntil: number }

  function entry(key) {
    let e = tracked.get(key);
    if (!e) {
      if (tracked.size >= limits.maxTracked) tracked.delete(tracked.keys().next().value);
      e = { failures: [], lockedUntil: 0 };
      tracked.set(key, e);
    }
    e.failures = e.failures.filter((t) => now() - t < limits.windowMs);
    return e;
  }

  function fail(key, max) {
    const e = entry(key);
    e.failures.push(now());
    const over = e.failures.length - max;
    if (over >= 0) e.lockedUntil = now() + Math.min(limits.baseLockMs * 2 ** over, limits.maxLockMs);
  }

  const remaining = (key) => Math.max(0, (tracked.get(key)?.lockedUntil ?? 0) - now());
  const emailKey = (email) => `email:${email}`;
  const ipKey = (ip) => `ip:${ip}`;

  return {
    /** Milliseconds until this email and address may try again (0: go ahead). */
    waitMs: (email, ip) => Math.max(remaining(emailKey(email)), remaining(ipKey(ip))),
    failed(email, ip) {
      fail(emailKey(email), limits.maxFailures);
      fail(ipKey(ip), limits.maxIpFailures);
    },
    /** A right password clears the email's count; the address keeps its own (an attacker's own account must not reset it). */
    succeeded(email) {
      tracked.delete(emailKey(email));
    },
    get trackedCount() {
      return tracked.size;
    },
  };
}
