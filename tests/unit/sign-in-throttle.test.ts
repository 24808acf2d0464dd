import { describe, expect, it } from 'vitest';
import { createSignInThrottle, SIGN_IN_LIMITS } from '../../supabase/local/sign-in-throttle.mjs';

function throttleWithClock() {
  let t = 1_000_000;
  const throttle = createSignInThrottle(SIGN_IN_LIMITS, () => t);
  return { throttle, advance: (ms: number) => (t += ms) };
}

describe('sign-in throttle', () => {
  it('locks an email after the limit, doubles the lock with each further failure, and caps it', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < SIGN_IN_LIMITS.maxFailures - 1; i++) throttle.failed('a@x', '10.0.0.1');
    expect(throttle.waitMs('a@x', '10.0.0.1')).toBe(0);
    throttle.failed('a@x', '10.0.0.1');
    expect(throttle.waitMs('a@x', '10.0.0.1')).toBe(SIGN_IN_LIMITS.baseLockMs);
    throttle.failed('a@x', '10.0.0.1');
    expect(throttle.waitMs('a@x', '10.0.0.1')).toBe(SIGN_IN_LIMITS.baseLockMs * 2);
    for (let i = 0; i < 10; i++) throttle.failed('a@x', '10.0.0.1');
    expect(throttle.waitMs('a@x', '10.0.0.1')).toBe(SIGN_IN_LIMITS.maxLockMs);
  });

  it('lets the email try again once the lock has run out, and forgets failures older than the window', () => {
    const { throttle, advance } = throttleWithClock();
    for (let i = 0; i < SIGN_IN_LIMITS.maxFailures; i++) throttle.failed('a@x', '10.0.0.1');
    advance(SIGN_IN_LIMITS.baseLockMs);
    expect(throttle.waitMs('a@x', '10.0.0.1')).toBe(0);
    advance(SIGN_IN_LIMITS.windowMs);
    throttle.failed('a@x', '10.0.0.1');
    expect(throttle.waitMs('a@x', '10.0.0.1')).toBe(0);
  });

  it('locks an address that guesses across many emails, whatever email it tries next', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < SIGN_IN_LIMITS.maxIpFailures; i++) throttle.failed(`user${i}@x`, '10.0.0.9');
    expect(throttle.waitMs('fresh@x', '10.0.0.9')).toBeGreaterThan(0);
    expect(throttle.waitMs('fresh@x', '10.0.0.2')).toBe(0);
  });

  it('a right password clears the email but not the address', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < SIGN_IN_LIMITS.maxIpFailures; i++) throttle.failed(`user${i}@x`, '10.0.0.9');
    throttle.succeeded('user0@x');
    expect(throttle.waitMs('user0@x', '10.0.0.2')).toBe(0);
    expect(throttle.waitMs('user0@x', '10.0.0.9')).toBeGreaterThan(0);
  });

  it('keeps a bounded number of entries however many emails are tried', () => {
    const throttle = createSignInThrottle({ ...SIGN_IN_LIMITS, maxTracked: 3 });
    for (let i = 0; i < 5; i++) throttle.failed(`u${i}@x`, `10.0.0.${i}`);
    for (let i = 0; i < SIGN_IN_LIMITS.maxFailures; i++) throttle.failed('late@x', '10.0.1.1');
    expect(throttle.trackedCount).toBe(3);
    expect(throttle.waitMs('late@x', '10.0.9.9')).toBeGreaterThan(0);
  });
});
