// Failure counting shared by the local auth's throttles: after `max` failures for a key within
// `windowMs`, the key is locked; each failure past the limit doubles the lock, up to `maxLockMs`.
// State is in memory and bounded to `maxTracked` keys (the oldest is forgotten first).
export function createLockout({ windowMs, baseLockMs, maxLockMs, maxTracked }, now = () => Date.now()) {
  const tracked = new Map(); // key -> { failures: number[], lockedUntil: number }

  function entry(key) {
    let e = tracked.get(key);
    if (!e) {
      if (tracked.size >= maxTracked) tracked.delete(tracked.keys().next().value);
      e = { failures: [], lockedUntil: 0 };
      tracked.set(key, e);
    }
    e.failures = e.failures.filter((t) => now() - t < windowMs);
    return e;
  }

  return {
    fail(key, max) {
      const e = entry(key);
      e.failures.push(now());
      const over = e.failures.length - max;
      if (over >= 0) e.lockedUntil = now() + Math.min(baseLockMs * 2 ** over, maxLockMs);
    },
    /** Milliseconds until every one of `keys` may try again (0: go ahead). */
    waitMs: (...keys) => Math.max(0, ...keys.map((key) => (tracked.get(key)?.lockedUntil ?? 0) - now())),
    clear: (key) => tracked.delete(key),
    get size() {
      return tracked.size;
    },
  };
}
