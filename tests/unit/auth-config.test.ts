// The local auth's configuration (supabase/local/auth/config.mjs) is the hosted project's
// (supabase/config.toml): one number or switch, two layers, held together here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTH_CONFIG, GOTRUE_SOURCE } from '../../supabase/local/auth/config.mjs';

/** `section.key = value` pairs of a flat TOML file (the subset config.toml uses). */
function tomlValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  let section = '';
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1];
    else {
      const [key, ...rest] = line.split('=');
      values[`${section}.${key.trim()}`] = rest.join('=').trim();
    }
  }
  return values;
}

const toml = tomlValues(readFileSync(new URL('../../supabase/config.toml', import.meta.url), 'utf8'));

describe('local auth configuration = supabase/config.toml', () => {
  it('has the same token lifetime, rotation and reuse interval', () => {
    expect(Number(toml['auth.jwt_expiry'])).toBe(AUTH_CONFIG.jwtExpirySeconds);
    expect(toml['auth.enable_refresh_token_rotation']).toBe(String(AUTH_CONFIG.refreshTokenRotation));
    expect(Number(toml['auth.refresh_token_reuse_interval'])).toBe(AUTH_CONFIG.refreshTokenReuseIntervalSeconds);
  });

  it('has sign-ups off but the email provider (password sign-in) on', () => {
    expect(toml['auth.enable_signup']).toBe(String(!AUTH_CONFIG.disableSignup));
    expect(toml['auth.email.enable_signup']).toBe(String(AUTH_CONFIG.emailEnabled));
    expect(toml['auth.enable_anonymous_sign_ins']).toBe(String(AUTH_CONFIG.anonymousEnabled));
    expect(toml['auth.email.enable_confirmations']).toBe(String(!AUTH_CONFIG.mailerAutoconfirm));
  });

  it('has TOTP on, phone MFA off and the same factor limit', () => {
    expect(toml['auth.mfa.totp.enroll_enabled']).toBe(String(AUTH_CONFIG.mfa.totpEnroll));
    expect(toml['auth.mfa.totp.verify_enabled']).toBe(String(AUTH_CONFIG.mfa.totpVerify));
    expect(toml['auth.mfa.phone.enroll_enabled']).toBe(String(AUTH_CONFIG.mfa.phoneEnroll));
    expect(Number(toml['auth.mfa.max_enrolled_factors'])).toBe(AUTH_CONFIG.mfa.maxEnrolledFactors);
  });

  it('records the GoTrue release and commit it was checked against', () => {
    expect(GOTRUE_SOURCE.release).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(GOTRUE_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});
