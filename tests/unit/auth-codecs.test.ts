// The pieces of the local auth that copy Go behaviour byte for byte, checked without a server.
import { describe, expect, it } from 'vitest';
import { encodeRefreshToken, newRefreshTokenKey, parseRefreshToken, signatureMatches } from '../../supabase/local/auth/refresh-token.mjs';
import { parseGoUuid } from '../../supabase/local/auth/go-uuid.mjs';
import { decodeGoJson } from '../../supabase/local/auth/go-json.mjs';
import { goTime } from '../../supabase/local/auth/db.mjs';
import { createMfaVerifyThrottle, MFA_VERIFY_LIMITS } from '../../supabase/local/auth/mfa/verify-throttle.mjs';

const SESSION = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('session-signed refresh tokens (crypto/refresh_tokens.go)', () => {
  it('round-trips session id and counter, multi-byte counters included', () => {
    const key = newRefreshTokenKey();
    for (const counter of [0, 1, 127, 128, 300, 2 ** 40]) {
      const parsed = parseRefreshToken(encodeRefreshToken(SESSION, counter, key))!;
      expect(parsed.sessionId).toBe(SESSION);
      expect(parsed.counter).toBe(BigInt(counter));
      expect(signatureMatches(parsed, key)).toBe(true);
      expect(signatureMatches(parsed, newRefreshTokenKey())).toBe(false);
    }
  });

  it('rejects a token with a changed byte (checksum) or another version', () => {
    const token = encodeRefreshToken(SESSION, 3, newRefreshTokenKey());
    const bytes = Buffer.from(token, 'base64url');
    bytes[5] ^= 1;
    expect(parseRefreshToken(bytes.toString('base64url'))).toBeNull();
    const versioned = Buffer.from(token, 'base64url');
    versioned[0] = 1;
    expect(parseRefreshToken(versioned.toString('base64url'))).toBeNull();
    expect(parseRefreshToken('not a token')).toBeNull();
  });
});

describe('UUIDs as gofrs/uuid parses them', () => {
  it('accepts the canonical, hash-like, braced and urn forms', () => {
    for (const form of [SESSION, SESSION.replaceAll('-', ''), `{${SESSION}}`, `urn:uuid:${SESSION}`, SESSION.toUpperCase()]) {
      expect(parseGoUuid(form)).toEqual({ uuid: SESSION });
    }
  });

  it('refuses anything else with gofrs\'s message', () => {
    expect(parseGoUuid('abc')).toEqual({ error: 'uuid: incorrect UUID length 3 in string "abc"' });
    expect(parseGoUuid(SESSION.replace('-', '+')).error).toMatch(/^uuid: incorrect UUID format/);
  });
});

describe('bodies decoded as encoding/json does', () => {
  const struct = { name: 'P', fields: { email: 'string', id: 'uuid' } };
  const decode = (text: string) => decodeGoJson(Buffer.from(text), struct);

  it('fills Go zero values and matches keys case-insensitively, the last one winning', () => {
    expect(decode('null')).toEqual({ email: '', id: null });
    expect(decode('{"Email":"a","EMAIL":"b","other":1}')).toEqual({ email: 'b', id: null });
  });

  it('refuses the wrong type with encoding/json\'s message', () => {
    expect(() => decode('{"email":true}')).toThrow('json: cannot unmarshal bool into Go struct field P.email of type string');
    expect(() => decode('{"id":5}')).toThrow('json: cannot unmarshal number into Go struct field P.id of type uuid.UUID');
  });
});

it('writes timestamps as Go marshals time.Time (RFC 3339, trailing zeros dropped, Z)', () => {
  expect(goTime('2026-11-28 14:00:00.123400+00')).toBe('2026-11-28T14:00:00.1234Z');
  expect(goTime('2026-11-28 14:00:00+00')).toBe('2026-11-28T14:00:00Z');
  expect(goTime(null)).toBeNull();
});

it('locks a factor after the limit of wrong codes, and the user across factors', () => {
  let t = 0;
  const throttle = createMfaVerifyThrottle(MFA_VERIFY_LIMITS, () => t);
  for (let i = 0; i < MFA_VERIFY_LIMITS.maxFailures; i++) throttle.failed('f1', 'u');
  expect(throttle.waitMs('f1', 'u')).toBe(MFA_VERIFY_LIMITS.baseLockMs);
  throttle.succeeded('f1');
  expect(throttle.waitMs('f1', 'u')).toBe(0);
  for (let i = 0; i < MFA_VERIFY_LIMITS.maxUserFailures - MFA_VERIFY_LIMITS.maxFailures; i++) throttle.failed(`f${i + 2}`, 'u');
  expect(throttle.waitMs('another-factor', 'u')).toBeGreaterThan(0);
  t += MFA_VERIFY_LIMITS.maxLockMs;
  expect(throttle.waitMs('another-factor', 'u')).toBe(0);
});
