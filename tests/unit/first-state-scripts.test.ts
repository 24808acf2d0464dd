import { describe, expect, it } from 'vitest';
import { SAY_WHETHER_SESSION_STORED, STAFF_SESSION_KEY } from '../../src/api/staff-session-key';
import { SAY_WHETHER_LINK_GIVEN, secretOf } from '../../src/lib/private-link-secret';

// The head scripts that choose a page's first state before it is painted (issue 18), run as the
// browser runs them: a classic script with `document`, `location` and `localStorage` in scope.
function run(script: string, scope: { hash?: string; stored?: Record<string, string>; storageThrows?: boolean }) {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem: (key: string) => {
      if (scope.storageThrows) throw new Error('SecurityError');
      return scope.stored?.[key] ?? null;
    },
  };
  new Function('document', 'location', 'localStorage', script)({ documentElement: { dataset } }, { hash: scope.hash ?? '' }, localStorage);
  return dataset;
}

describe('the private page’s head script', () => {
  const secret = 'Ab0_-cdefghijklmnopqrstu';
  it('says a link is given exactly when the island will find a secret in the address', () => {
    for (const hash of ['', '#', `#${secret}`, `#${secret}.`, `#${secret})`, ` #${secret} `, `#${secret.slice(1)}`, `#${secret}x`, '#%20']) {
      expect(run(SAY_WHETHER_LINK_GIVEN, { hash }).privateLink, hash).toBe(secretOf(hash) ? 'given' : 'none');
    }
  });
});

describe('the staff workspace’s head script', () => {
  it('says whether the staff client has a session stored under its key', () => {
    expect(run(SAY_WHETHER_SESSION_STORED, { stored: { [STAFF_SESSION_KEY]: '{}' } }).staffSession).toBe('stored');
    expect(run(SAY_WHETHER_SESSION_STORED, { stored: { 'sb-127-auth-token': '{}' } }).staffSession).toBe('none');
  });
  it('leaves the page as a visitor’s when storage cannot be read', () => {
    expect(run(SAY_WHETHER_SESSION_STORED, { storageThrows: true }).staffSession).toBeUndefined();
  });
});
