// Slows TOTP guessing like password guessing (sign-in-throttle.mjs): after `maxFailures` wrong
// codes for one factor (or `maxUserFailures` across a user's factors) within `windowMs`, every
// verification of it is refused with 429 until the lock runs out. A right code clears the
// factor's count. Local only: hosted Auth limits verifications per address itself.
import { createLockout } from '../../lockout.mjs';

export const MFA_VERIFY_LIMITS = {
  maxFailures: 5,
  maxUserFailures: 10,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  maxTracked: 10_000,
};

export function createMfaVerifyThrottle(limits = MFA_VERIFY_LIMITS, now = () => Date.now()) {
  const lockout = createLockout(limits, now);
  const factorKey = (factorId) => `factor:${factorId}`;
  const userKey = (userId) => `user:${userId}`;
  return {
    waitMs: (factorId, userId) => lockout.waitMs(factorKey(factorId), userKey(userId)),
    failed(factorId, userId) {
      lockout.fail(factorKey(factorId), limits.maxFailures);
      lockout.fail(userKey(userId), limits.maxUserFailures);
    },
    succeeded(factorId) {
      lockout.clear(factorKey(factorId));
    },
  };
}
