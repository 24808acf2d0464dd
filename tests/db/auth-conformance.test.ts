// The local auth against GoTrue's source: one test per behaviour, each naming the file and
// function of supabase/auth it follows (at the commit in supabase/local/auth/config.mjs,
// GOTRUE_SOURCE). supabase-js where the client is involved; plain HTTP where it would hide the
// difference (status, headers, exact body).
import { describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import decodeQR from 'qr/decode.js';
import { apiUrl, createUser, DEMO_STAFF, LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, withDb } from './support/clients';
import { authCall, forgedToken, passwordSignIn, sessionCount, totpCode } from './support/auth-http';
import { verifyJwt } from '../../supabase/local/jwt.mjs';
import { encodeRefreshToken } from '../../supabase/local/auth/refresh-token.mjs';
import { AUTH_CONFIG } from '../../supabase/local/auth/config.mjs';

const newClient = () => createClient(apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
const V2024 = { 'x-supabase-api-version': '2024-01-01' };
const passwordGrant = (body: unknown, headers: Record<string, string> = {}) =>
  authCall('POST', '/token?grant_type=password', { body, headers });
const refreshGrant = (body: unknown) => authCall('POST', '/token?grant_type=refresh_token', { body });
const GO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

async function user(opts: Parameters<typeof createUser>[0] = {}) {
  return createUser({ role: 'officer', ...opts });
}

describe('error format [errors.go HandleResponseError, apiversions.go DetermineClosestAPIVersion]', () => {
  it('answers a 2024-01-01 client with { code, message }, echoes the version and sets x-sb-error-code', async () => {
    const answer = await passwordGrant({ email: 'nobody@irtiqaa.local', password: 'x' }, V2024);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
    expect(answer.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(answer.headers.get('x-sb-error-code')).toBe('invalid_credentials');
  });

  it('answers a client without a version with the initial body { code: status, error_code, msg } and no version header', async () => {
    const answer = await passwordGrant({ email: 'nobody@irtiqaa.local', password: 'x' });
    expect(answer.json).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
    expect(answer.headers.get('x-supabase-api-version')).toBeNull();
    expect(answer.headers.get('x-sb-error-code')).toBe('invalid_credentials');
  });

  it('falls back to the initial body for an unparseable or earlier version', async () => {
    for (const version of ['2024-13-45', 'tomorrow', '2024-1-1', '2023-12-31']) {
      const answer = await passwordGrant({}, { 'x-supabase-api-version': version });
      expect(answer.json, version).toEqual({ code: 400, error_code: 'validation_failed', msg: 'missing email or phone' });
      expect(answer.headers.get('x-supabase-api-version'), version).toBeNull();
    }
  });

  it('echoes 2024-01-01 for any later date', async () => {
    const answer = await passwordGrant({}, { 'x-supabase-api-version': '2031-06-30' });
    expect(answer.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(answer.json).toEqual({ code: 'validation_failed', message: 'missing email or phone' });
  });
});

describe('password grant [token.go Token, ResourceOwnerPasswordGrant]', () => {
  const { email, password } = DEMO_STAFF.officer;

  it('does not trim the email: surrounding spaces are invalid_credentials (models.FindUserByEmailAndAudience)', async () => {
    const { error } = await newClient().auth.signInWithPassword({ email: ` ${email} `, password });
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('matches the email case-insensitively (LOWER(email) = lower(given))', async () => {
    const { error } = await newClient().auth.signInWithPassword({ email: email.toUpperCase(), password });
    expect(error).toBeNull();
  });

  it('answers an empty password with invalid_credentials, not validation_failed', async () => {
    const answer = await passwordGrant({ email, password: '' }, V2024);
    expect([answer.status, answer.json.code]).toEqual([400, 'invalid_credentials']);
  });

  it('refuses email and phone together with validation_failed', async () => {
    const answer = await passwordGrant({ email, phone: '+966551234567', password }, V2024);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 'validation_failed', message: 'Only an email address or phone number should be provided on login.' });
  });

  it('refuses a phone sign-in with 422 phone_provider_disabled (phone logins are off)', async () => {
    const answer = await passwordGrant({ phone: '+966551234567', password }, V2024);
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({ code: 'phone_provider_disabled', message: 'Phone logins are disabled' });
  });

  it('answers neither email nor phone, and a body of null, with "missing email or phone"', async () => {
    for (const body of [{}, 'null', { password }]) {
      const answer = await passwordGrant(body, V2024);
      expect(answer.json).toEqual({ code: 'validation_failed', message: 'missing email or phone' });
    }
  });

  it('answers malformed JSON, an empty body and mistyped fields with bad_json and encoding/json\'s message [helpers.go retrieveRequestParams]', async () => {
    const cases: Array<[unknown, string]> = [
      ['{"email":', 'unexpected end of JSON input'],
      ['', 'unexpected end of JSON input'],
      ['[]', 'json: cannot unmarshal array into Go value of type api.PasswordGrantParams'],
      ['"officer"', 'json: cannot unmarshal string into Go value of type api.PasswordGrantParams'],
      [{ email: { toString: 1 }, password }, 'json: cannot unmarshal object into Go struct field PasswordGrantParams.email of type string'],
      [{ email, password: 12345 }, 'json: cannot unmarshal number into Go struct field PasswordGrantParams.password of type string'],
    ];
    for (const [body, goError] of cases) {
      const answer = await passwordGrant(body, V2024);
      expect(answer.status, String(body)).toBe(400);
      expect(answer.json).toEqual({ code: 'bad_json', message: `Could not parse request body as JSON: ${goError}` });
    }
  });

  it('matches body keys case-insensitively, as encoding/json does', async () => {
    const answer = await passwordGrant({ EMAIL: email, Password: password });
    expect(answer.status).toBe(200);
  });

  it('answers a NUL in the email or the password with invalid_credentials (GoTrue answers 500 for the email: a local deviation)', async () => {
    for (const body of [{ email: `${email}\u0000`, password }, { email, password: `${password}\u0000` }]) {
      const answer = await passwordGrant(body, V2024);
      expect([answer.status, answer.json.code]).toEqual([400, 'invalid_credentials']);
    }
  });

  it('tells a banned user user_banned, whatever the password (checked before it)', async () => {
    const banned = await user();
    await withDb((db) => db.query(`update auth.users set banned_until = now() + interval '1 day' where id = $1`, [banned.id]));
    for (const attempt of [banned.password, 'wrong-password']) {
      const answer = await passwordGrant({ email: banned.email, password: attempt }, V2024);
      expect(answer.json).toEqual({ code: 'user_banned', message: 'User is banned' });
    }
  });

  it('answers a user stored without a password (encrypted_password empty) with invalid_credentials (models.User.HasPassword)', async () => {
    const passwordless = await user();
    await withDb((db) => db.query(`update auth.users set encrypted_password = '' where id = $1`, [passwordless.id]));
    const answer = await passwordGrant({ email: passwordless.email, password: '' }, V2024);
    expect([answer.status, answer.json.code]).toEqual([400, 'invalid_credentials']);
  });

  it('refuses an unknown grant type with invalid_credentials "unsupported_grant_type"', async () => {
    for (const grant of ['client_credentials', '']) {
      const answer = await authCall('POST', `/token?grant_type=${grant}`, { body: {}, headers: V2024 });
      expect(answer.json).toEqual({ code: 'invalid_credentials', message: 'unsupported_grant_type' });
    }
  });

  it('answers with AccessTokenResponse, a user without null timestamps, sb-auth headers, and GoTrue\'s claims [tokens/service.go GenerateAccessToken]', async () => {
    const answer = await passwordGrant({ email, password });
    expect(Object.keys(answer.json)).toEqual(['access_token', 'token_type', 'expires_in', 'expires_at', 'refresh_token', 'user']);
    const u = answer.json.user;
    expect(Object.values(u)).not.toContain(null);
    expect(u).not.toHaveProperty('invited_at');
    expect(u).not.toHaveProperty('phone_confirmed_at');
    expect(u.last_sign_in_at).toMatch(GO_TIME);
    expect(u.phone).toBe('');
    expect(answer.headers.get('sb-auth-user-id')).toBe(u.id);
    const claims = verifyJwt(answer.json.access_token)!;
    expect(answer.headers.get('sb-auth-session-id')).toBe(claims.session_id);
    expect(Object.keys(claims)).toEqual([
      'iss', 'sub', 'aud', 'exp', 'iat', 'email', 'phone', 'app_metadata', 'user_metadata', 'role', 'aal', 'amr', 'session_id', 'is_anonymous',
    ]);
    expect(claims).toMatchObject({ aud: 'authenticated', aal: 'aal1', amr: [{ method: 'password' }] });
  });

  it('refuses a body over the cap with 413 request_entity_too_large, read to the end rather than reset', async () => {
    const answer = await passwordGrant({ email, password: 'x'.repeat(AUTH_CONFIG.maxBodyBytes) }, V2024);
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ code: 'request_entity_too_large', message: `Request body too large (max ${AUTH_CONFIG.maxBodyBytes} bytes)` });
  });
});

describe('refresh grant [token_refresh.go RefreshTokenGrantParams.Validate, tokens/service.go RefreshTokenGrant]', () => {
  it('refuses an empty, short or malformed token with validation_failed "Refresh token is not valid"', async () => {
    for (const token of ['', 'short', 'made-up-refresh-token', 'A'.repeat(40)]) {
      const answer = await refreshGrant({ refresh_token: token });
      expect(answer.json, token).toMatchObject({ code: 400, error_code: 'validation_failed', msg: 'Refresh token is not valid' });
    }
  });

  it('looks up a 12-character legacy token and finds none (refresh_token_not_found)', async () => {
    const answer = await refreshGrant({ refresh_token: 'abcdefghijkl' });
    expect(answer.json).toMatchObject({ error_code: 'refresh_token_not_found', msg: 'Invalid Refresh Token: Refresh Token Not Found' });
  });

  it('issues GoTrue\'s session-signed tokens (crypto/refresh_tokens.go): version 0, session id, counter', async () => {
    const session = await passwordSignIn(DEMO_STAFF.officer.email, DEMO_STAFF.officer.password);
    const bytes = Buffer.from(session.refresh_token, 'base64url');
    expect(bytes[0]).toBe(0);
    const sessionId = verifyJwt(session.access_token)!.session_id;
    expect(bytes.subarray(1, 17).toString('hex')).toBe(sessionId.replaceAll('-', ''));
    expect(bytes[17]).toBe(0);
    expect(bytes.length).toBe(1 + 16 + 1 + 16 + 4);
  });

  it('keeps the sign-in\'s amr timestamp across refreshes (amr comes from auth.mfa_amr_claims)', async () => {
    const u = await user();
    const session = await passwordSignIn(u.email, u.password);
    const before = verifyJwt(session.access_token)!.amr;
    await new Promise((r) => setTimeout(r, 1100));
    const refreshed = await refreshGrant({ refresh_token: session.refresh_token });
    expect(verifyJwt(refreshed.json.access_token)!.amr).toEqual(before);
  });

  it('refuses a banned user\'s refresh with user_banned "Invalid Refresh Token: User Banned"', async () => {
    const u = await user();
    const session = await passwordSignIn(u.email, u.password);
    await withDb((db) => db.query(`update auth.users set banned_until = now() + interval '1 hour' where id = $1`, [u.id]));
    const answer = await refreshGrant({ refresh_token: session.refresh_token });
    expect(answer.json).toMatchObject({ error_code: 'user_banned', msg: 'Invalid Refresh Token: User Banned' });
  });

  it('refuses a token ahead of the session\'s counter as not issued by this server', async () => {
    const u = await user();
    const session = await passwordSignIn(u.email, u.password);
    const sessionId = verifyJwt(session.access_token)!.session_id;
    const key = await withDb(async (db) => (await db.query('select refresh_token_hmac_key from auth.sessions where id = $1', [sessionId])).rows[0].refresh_token_hmac_key);
    const answer = await refreshGrant({ refresh_token: encodeRefreshToken(sessionId, 5, key) });
    expect(answer.json).toMatchObject({ error_code: 'validation_failed', msg: 'Invalid Refresh Token: Not Issued By This Server' });
  });

  it('refuses a session past its not_after with session_expired', async () => {
    const u = await user();
    const session = await passwordSignIn(u.email, u.password);
    await withDb((db) => db.query(`update auth.sessions set not_after = now() - interval '1 minute' where user_id = $1`, [u.id]));
    const answer = await refreshGrant({ refresh_token: session.refresh_token });
    expect(answer.json).toMatchObject({ error_code: 'session_expired', msg: 'Invalid Refresh Token: Session Expired' });
  });
});

describe('token checks [auth.go requireAuthentication, parseJWTClaims, maybeLoadUserOrSession]', () => {
  const officerId = '5e1a0000-0000-4000-8000-000000000001';
  const getUser = (token: string) => authCall('GET', '/user', { token, headers: V2024 });

  it('answers a sub that is not a UUID with 400 bad_jwt', async () => {
    const answer = await getUser(forgedToken({ sub: 'not-a-uuid', aud: 'authenticated', role: 'authenticated' }));
    expect([answer.status, answer.json]).toEqual([400, { code: 'bad_jwt', message: 'invalid claim: sub claim must be a UUID' }]);
  });

  it('answers a missing sub with 403 bad_jwt', async () => {
    const answer = await getUser(forgedToken({ aud: 'authenticated', role: 'authenticated' }));
    expect([answer.status, answer.json]).toEqual([403, { code: 'bad_jwt', message: 'invalid claim: missing sub claim' }]);
  });

  it('answers a session_id that is not a UUID with 403 bad_jwt, at /user and at /logout', async () => {
    const token = forgedToken({ sub: officerId, aud: 'authenticated', role: 'authenticated', session_id: 'x' });
    for (const answer of [await getUser(token), await authCall('POST', '/logout', { token, headers: V2024 })]) {
      expect([answer.status, answer.json]).toEqual([403, { code: 'bad_jwt', message: 'invalid claim: session_id claim must be a UUID' }]);
    }
  });

  it('answers a banned user\'s valid token with 403 user_banned', async () => {
    const u = await user();
    const session = await passwordSignIn(u.email, u.password);
    await withDb((db) => db.query(`update auth.users set banned_until = now() + interval '1 hour' where id = $1`, [u.id]));
    const answer = await getUser(session.access_token);
    expect([answer.status, answer.json]).toEqual([403, { code: 'user_banned', message: 'User is banned' }]);
  });

  it('needs "Bearer" and exactly one space (bearerRegexp), else 401 no_authorization', async () => {
    const session = await passwordSignIn(DEMO_STAFF.officer.email, DEMO_STAFF.officer.password);
    for (const authorization of [`Bearer  ${session.access_token}`, session.access_token, 'Basic abc']) {
      const answer = await authCall('GET', '/user', { headers: { ...V2024, authorization } });
      expect([answer.status, answer.json]).toEqual([401, { code: 'no_authorization', message: 'This endpoint requires a valid Bearer token' }]);
    }
    expect((await authCall('GET', '/user', { headers: { authorization: `bearer ${session.access_token}` } })).status).toBe(200);
  });

  it('answers expired, unsigned and malformed tokens with 403 bad_jwt and golang-jwt\'s reason', async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = (alg: string) => Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: officerId })).toString('base64url');
    const cases: Array<[string, string]> = [
      [forgedToken({ sub: officerId, aud: 'authenticated', exp: now - 10 }), 'token has invalid claims: token is expired'],
      [`${header('none')}.${payload}.`, 'token signature is invalid: signing method none is invalid'],
      [`${header('HS256')}.${payload}.c2lnbmF0dXJl`, 'token signature is invalid: signature is invalid'],
      ['not.a.jwt', 'token is malformed: could not JSON decode header: invalid character looking for beginning of value'],
      ['only-one-part', 'token is malformed: token contains an invalid number of segments'],
      [forgedToken({ sub: officerId, email: 5 }), 'token is malformed: could not JSON decode claim: json: cannot unmarshal number into Go struct field AccessTokenClaims.email of type string'],
    ];
    for (const [token, reason] of cases) {
      const answer = await getUser(token);
      expect([answer.status, answer.json], reason).toEqual([403, { code: 'bad_jwt', message: `invalid JWT: unable to parse or verify signature, ${reason}` }]);
    }
  });

  it('answers a signed-out session\'s token with 403 session_not_found, which supabase-js reads as a missing session', async () => {
    const client = newClient();
    await client.auth.signInWithPassword(DEMO_STAFF.officer);
    const token = (await client.auth.getSession()).data.session!.access_token;
    await client.auth.signOut({ scope: 'local' });
    const answer = await getUser(token);
    expect([answer.status, answer.json.code]).toEqual([403, 'session_not_found']);
    const { error } = await client.auth.getUser(token);
    expect(error?.name).toBe('AuthSessionMissingError');
  });
});

describe('GET /user [user.go UserGet]', () => {
  it('refuses a token without aud with 400 validation_failed', async () => {
    const u = await user();
    const answer = await authCall('GET', '/user', { token: forgedToken({ sub: u.id, role: 'authenticated' }), headers: V2024 });
    expect([answer.status, answer.json]).toEqual([400, { code: 'validation_failed', message: "Token audience doesn't match request audience" }]);
  });

  it('compares the token\'s audience with X-JWT-AUD when it is sent', async () => {
    const session = await passwordSignIn(DEMO_STAFF.officer.email, DEMO_STAFF.officer.password);
    const answer = await authCall('GET', '/user', { token: session.access_token, headers: { 'x-jwt-aud': 'other' } });
    expect([answer.status, answer.json.error_code]).toEqual([400, 'validation_failed']);
  });
});

describe('POST /logout [logout.go Logout]', () => {
  it('refuses an unsupported scope with validation_failed and signs nobody out', async () => {
    const u = await user();
    const session = await passwordSignIn(u.email, u.password);
    const answer = await authCall('POST', '/logout?scope=everywhere', { token: session.access_token, headers: V2024 });
    expect([answer.status, answer.json]).toEqual([400, { code: 'validation_failed', message: 'Unsupported logout scope "everywhere"' }]);
    expect(await sessionCount(u.id)).toBe(1);
  });

  it('signs a token without session_id out everywhere, even with scope=local', async () => {
    const u = await user();
    await passwordSignIn(u.email, u.password);
    await passwordSignIn(u.email, u.password);
    const answer = await authCall('POST', '/logout?scope=local', { token: forgedToken({ sub: u.id, aud: 'authenticated', role: 'authenticated' }) });
    expect([answer.status, answer.text]).toEqual([204, '']);
    expect(await sessionCount(u.id)).toBe(0);
  });

  it('ends the other sessions with scope=others and only this one with scope=local', async () => {
    const u = await user();
    const mine = await passwordSignIn(u.email, u.password);
    await passwordSignIn(u.email, u.password);
    await passwordSignIn(u.email, u.password);
    expect((await authCall('POST', '/logout?scope=others', { token: mine.access_token })).status).toBe(204);
    expect(await sessionCount(u.id)).toBe(1);
    expect((await authCall('GET', '/user', { token: mine.access_token })).status).toBe(200);
    expect((await authCall('POST', '/logout?scope=local', { token: mine.access_token })).status).toBe(204);
    expect(await sessionCount(u.id)).toBe(0);
  });
});

/** A signed-in supabase-js client with one TOTP factor enrolled (not yet verified). */
async function enrolled(friendlyName = 'phone app') {
  const u = await user();
  const client = newClient();
  await client.auth.signInWithPassword({ email: u.email, password: u.password });
  const { data, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName });
  if (error) throw error;
  return { u, client, factorId: data.id, secret: data.totp.secret, enrollment: data };
}

/** Enrolled and verified: the client's session is aal2. */
async function verified() {
  const setup = await enrolled();
  const { error } = await setup.client.auth.mfa.challengeAndVerify({ factorId: setup.factorId, code: totpCode(setup.secret) });
  if (error) throw error;
  return setup;
}

/** A six-digit code that matches none of the accepted steps. */
const wrongCode = (secret: string) => {
  const accepted = new Set([-1, 0, 1].map((step) => totpCode(secret, step)));
  return ['000000', '111111', '222222', '333333'].find((c) => !accepted.has(c))!;
};

const accessToken = async (client: ReturnType<typeof newClient>) => (await client.auth.getSession()).data.session!.access_token;

function decodeSvgQr(svg: string): string {
  const width = Number(/width="(\d+)"/.exec(svg)![1]);
  const pixels = new Uint8Array(width * width * 3).fill(255);
  for (const [, x, y] of svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="3" height="3" style="fill:black/g)) {
    // goqrsvg draws column x as row x: read it back transposed.
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) pixels.fill(0, ((Number(x) + dx) * width + Number(y) + dy) * 3, ((Number(x) + dx) * width + Number(y) + dy) * 3 + 3);
  }
  return decodeQR({ width, height: width, data: pixels });
}

describe('MFA enrol [mfa.go EnrollFactor, enrollTOTPFactor, validateFactors]', () => {
  it('returns id, type, friendly_name and totp { qr_code, secret, uri }; the QR code is GoTrue\'s SVG and encodes the URI', async () => {
    const { enrollment, u } = await enrolled('Authenticator');
    expect(Object.keys(enrollment)).toEqual(['id', 'type', 'friendly_name', 'totp']);
    expect(enrollment).toMatchObject({ type: 'totp', friendly_name: 'Authenticator' });
    expect(enrollment.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    const issuer = new URL((await import('../../config/ports.mjs')).siteUrl).host;
    expect(enrollment.totp.uri).toBe(
      `otpauth://totp/${issuer}:${u.email}?algorithm=SHA1&digits=6&issuer=${issuer}&period=30&secret=${enrollment.totp.secret}`,
    );
    // supabase-js turns GoTrue's raw SVG into a data URI (auth-js _enroll).
    const prefix = 'data:image/svg+xml;utf-8,';
    expect(enrollment.totp.qr_code.startsWith(`${prefix}<?xml version="1.0"?>\n<!-- Generated by SVGo -->\n<svg width=`)).toBe(true);
    expect(decodeSvgQr(enrollment.totp.qr_code.slice(prefix.length))).toBe(enrollment.totp.uri);
  });

  it('refuses phone and webauthn factors (off) with 422 and an unknown type with 400', async () => {
    const session = await passwordSignIn(DEMO_STAFF.supervisor.email, DEMO_STAFF.supervisor.password);
    const enroll = (factor_type: string) => authCall('POST', '/factors', { token: session.access_token, body: { factor_type }, headers: V2024 });
    expect((await enroll('phone')).json).toEqual({ code: 'mfa_phone_enroll_not_enabled', message: 'MFA enroll is disabled for Phone' });
    expect((await enroll('webauthn')).json).toEqual({ code: 'mfa_webauthn_enroll_not_enabled', message: 'MFA enroll is disabled for WebAuthn' });
    const unknown = await enroll('sms');
    expect([unknown.status, unknown.json]).toEqual([400, { code: 'validation_failed', message: 'factor_type needs to be totp, phone, or webauthn' }]);
  });

  it('refuses a second factor with the same friendly name (an empty one included)', async () => {
    const { client } = await enrolled('');
    const { error } = await client.auth.mfa.enroll({ factorType: 'totp' });
    expect(error).toMatchObject({ status: 422, code: 'mfa_factor_name_conflict', message: 'A factor with the friendly name "" for this user already exists' });
  });

  it('needs aal2 to enrol another factor once one is verified', async () => {
    const { u } = await verified();
    const aal1 = await passwordSignIn(u.email, u.password);
    const answer = await authCall('POST', '/factors', { token: aal1.access_token, body: { factor_type: 'totp', friendly_name: 'second' }, headers: V2024 });
    expect([answer.status, answer.json]).toEqual([403, { code: 'insufficient_aal', message: 'AAL2 required to enroll a new factor' }]);
  });
});

describe('MFA challenge and verify [mfa.go ChallengeFactor, VerifyFactor, validateChallenge, verifyTOTPFactor; token.go updateMFASessionAndClaims]', () => {
  it('answers a challenge with id, type and expires_at (created + 300 s)', async () => {
    const { client, factorId } = await enrolled();
    const before = Math.floor(Date.now() / 1000);
    const { data, error } = await client.auth.mfa.challenge({ factorId });
    expect(error).toBeNull();
    expect(Object.keys(data!)).toEqual(['id', 'type', 'expires_at']);
    expect(data!.expires_at - before).toBeGreaterThanOrEqual(AUTH_CONFIG.mfa.challengeExpirySeconds - 1);
    expect(data!.expires_at - before).toBeLessThanOrEqual(AUTH_CONFIG.mfa.challengeExpirySeconds + 1);
  });

  it('refuses a wrong code with 422 mfa_verification_failed "Invalid TOTP code entered"', async () => {
    const { client, factorId, secret } = await enrolled();
    const { error } = await client.auth.mfa.challengeAndVerify({ factorId, code: wrongCode(secret) });
    expect(error).toMatchObject({ status: 422, code: 'mfa_verification_failed', message: 'Invalid TOTP code entered' });
  });

  it('accepts the code of the previous and next 30 s step (Skew 1) but not two steps away', async () => {
    const { client, factorId, secret } = await enrolled();
    for (const [offset, ok] of [[-2, false], [2, false], [-1, true]] as const) {
      const { error } = await client.auth.mfa.challengeAndVerify({ factorId, code: totpCode(secret, offset) });
      expect(error === null, `offset ${offset}`).toBe(ok);
    }
  });

  it('makes the session aal2 with amr [totp, password], keeps aal2 on refresh, and gives the right assurance levels', async () => {
    const { client, factorId, secret } = await enrolled();
    const before = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(before.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal1' });
    const { data, error } = await client.auth.mfa.challengeAndVerify({ factorId, code: totpCode(secret) });
    expect(error).toBeNull();
    const claims = verifyJwt(data!.access_token)!;
    expect(claims.aal).toBe('aal2');
    expect(claims.amr.map((e: { method: string }) => e.method).sort()).toEqual(['password', 'totp']);
    expect(claims.amr[0].timestamp).toBeGreaterThanOrEqual(claims.amr[1].timestamp);
    const after = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(after.data).toMatchObject({ currentLevel: 'aal2', nextLevel: 'aal2' });
    const { data: refreshed } = await client.auth.refreshSession();
    expect(verifyJwt(refreshed.session!.access_token)!.aal).toBe('aal2');
    const { data: factors } = await client.auth.mfa.listFactors();
    expect(factors!.totp.map((f) => f.id)).toEqual([factorId]);
  });

  it('ends the user\'s other aal1 sessions when a factor is verified (InvalidateSessionsWithAALLessThan)', async () => {
    const { u, client, factorId, secret } = await enrolled();
    const other = await passwordSignIn(u.email, u.password);
    expect(await sessionCount(u.id)).toBe(2);
    await client.auth.mfa.challengeAndVerify({ factorId, code: totpCode(secret) });
    expect(await sessionCount(u.id)).toBe(1);
    expect((await authCall('GET', '/user', { token: other.access_token })).json.error_code).toBe('session_not_found');
  });

  it('says next level aal2 for a later password-only session of a user with a verified factor', async () => {
    const { u } = await verified();
    const client = newClient();
    await client.auth.signInWithPassword({ email: u.email, password: u.password });
    const { data } = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
  });

  it('refuses a challenge used once already with mfa_ip_address_mismatch (verified_at is set)', async () => {
    const { client, factorId, secret } = await enrolled();
    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: totpCode(secret) });
    const { error } = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: totpCode(secret) });
    expect(error).toMatchObject({ status: 422, code: 'mfa_ip_address_mismatch', message: 'Challenge and verify IP addresses mismatch.' });
  });

  it('refuses an expired challenge with mfa_challenge_expired and deletes it', async () => {
    const { client, factorId, secret } = await enrolled();
    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    await withDb((db) => db.query(`update auth.mfa_challenges set created_at = now() - interval '301 seconds' where id = $1`, [challenge!.id]));
    const { error } = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: totpCode(secret) });
    expect(error).toMatchObject({
      status: 422, code: 'mfa_challenge_expired',
      message: `MFA challenge ${challenge!.id} has expired, verify against another challenge or create a new challenge.`,
    });
    const left = await withDb(async (db) => (await db.query('select count(*)::int as n from auth.mfa_challenges where id = $1', [challenge!.id])).rows[0].n);
    expect(left).toBe(0);
  });

  it('refuses an unknown challenge with 422 mfa_factor_not_found, a malformed id with bad_json, an empty code with validation_failed', async () => {
    const { client, factorId } = await enrolled();
    const token = await accessToken(client);
    const verify = (body: unknown) => authCall('POST', `/factors/${factorId}/verify`, { token, body, headers: V2024 });
    expect((await verify({ challenge_id: crypto.randomUUID(), code: '123456' })).json)
      .toEqual({ code: 'mfa_factor_not_found', message: 'MFA factor with the provided challenge ID not found' });
    expect((await verify({ challenge_id: 'abc', code: '123456' })).json)
      .toEqual({ code: 'bad_json', message: 'Could not parse request body as JSON: uuid: incorrect UUID length 3 in string "abc"' });
    expect((await verify({ challenge_id: crypto.randomUUID(), code: '' })).json).toEqual({ code: 'validation_failed', message: 'Code needs to be non-empty' });
  });

  it('answers a factor id that is not a UUID with 404 validation_failed and someone else\'s factor with 404 mfa_factor_not_found [admin.go loadFactor]', async () => {
    const mine = await enrolled();
    const theirs = await enrolled();
    const token = await accessToken(mine.client);
    const notUuid = await authCall('POST', '/factors/recovery-codes/challenge', { token, headers: V2024 });
    expect([notUuid.status, notUuid.json]).toEqual([404, { code: 'validation_failed', message: 'factor_id must be an UUID' }]);
    const other = await authCall('POST', `/factors/${theirs.factorId}/challenge`, { token, headers: V2024 });
    expect([other.status, other.json]).toEqual([404, { code: 'mfa_factor_not_found', message: 'Factor not found' }]);
  });

  it('slows wrong codes down like wrong passwords: after five, 429 over_request_rate_limit with Retry-After, even for the right code', async () => {
    const { client, factorId, secret } = await enrolled();
    const token = await accessToken(client);
    const wrong = wrongCode(secret);
    for (let i = 0; i < 5; i++) {
      const { error } = await client.auth.mfa.challengeAndVerify({ factorId, code: wrong });
      expect(error?.code).toBe('mfa_verification_failed');
    }
    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    const locked = await authCall('POST', `/factors/${factorId}/verify`, { token, body: { challenge_id: challenge!.id, code: totpCode(secret) }, headers: V2024 });
    expect([locked.status, locked.json.code]).toEqual([429, 'over_request_rate_limit']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('MFA unenrol [mfa.go UnenrollFactor, models/factor.go DowngradeSessionsToAAL1]', () => {
  it('needs aal2 to remove a verified factor (422 insufficient_aal) but not an unverified one', async () => {
    const { u, factorId } = await verified();
    const aal1 = await passwordSignIn(u.email, u.password);
    const refused = await authCall('DELETE', `/factors/${factorId}`, { token: aal1.access_token, headers: V2024 });
    expect([refused.status, refused.json]).toEqual([422, { code: 'insufficient_aal', message: 'AAL2 required to unenroll verified factor' }]);
    const pending = await enrolled();
    const { data, error } = await pending.client.auth.mfa.unenroll({ factorId: pending.factorId });
    expect(error).toBeNull();
    expect(data).toEqual({ id: pending.factorId });
  });

  it('lets an aal2 session remove the last verified factor; its sessions go back to aal1 on refresh', async () => {
    const { client, factorId } = await verified();
    const { error } = await client.auth.mfa.unenroll({ factorId });
    expect(error).toBeNull();
    const { data } = await client.auth.refreshSession();
    expect(verifyJwt(data.session!.access_token)).toMatchObject({ aal: 'aal1', amr: [{ method: 'password' }] });
    expect((await client.auth.mfa.getAuthenticatorAssuranceLevel()).data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal1' });
  });
});

describe('admin factor delete [api.go /admin/users/{user_id}/factors/{factor_id}, admin.go loadUser, loadFactor, adminUserDeleteFactor]', () => {
  const adminDelete = (userId: string, factorId: string, token = LOCAL_SERVICE_ROLE_KEY, method = 'DELETE') =>
    authCall(method, `/admin/users/${userId}/factors/${factorId}`, { token, headers: V2024 });

  it('deletes the factor with the service_role key, answers its JSON and downgrades its sessions to aal1', async () => {
    const { u, client, factorId } = await verified();
    const answer = await adminDelete(u.id, factorId);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      id: factorId, created_at: expect.stringMatching(GO_TIME), updated_at: expect.stringMatching(GO_TIME), status: 'verified',
      friendly_name: 'phone app', factor_type: 'totp', phone: '', last_challenged_at: expect.stringMatching(GO_TIME),
    });
    const left = await withDb(async (db) => (await db.query(
      `select (select count(*)::int from auth.mfa_factors where id = $1) as factors,
              (select count(*)::int from auth.sessions where user_id = $2 and aal = 'aal2') as aal2_sessions`, [factorId, u.id])).rows[0]);
    expect(left).toEqual({ factors: 0, aal2_sessions: 0 });
    const { data } = await client.auth.refreshSession();
    expect(verifyJwt(data.session!.access_token)).toMatchObject({ aal: 'aal1' });
  });

  it('answers as loadUser and loadFactor do: 404 validation_failed, user_not_found, mfa_factor_not_found', async () => {
    const mine = await enrolled();
    const theirs = await enrolled();
    expect((await adminDelete('not-a-uuid', mine.factorId)).json).toEqual({ code: 'validation_failed', message: 'user_id must be an UUID' });
    expect((await adminDelete(crypto.randomUUID(), mine.factorId)).json).toEqual({ code: 'user_not_found', message: 'User not found' });
    expect((await adminDelete(mine.u.id, 'not-a-uuid')).json).toEqual({ code: 'validation_failed', message: 'factor_id must be an UUID' });
    const other = await adminDelete(mine.u.id, theirs.factorId);
    expect([other.status, other.json]).toEqual([404, { code: 'mfa_factor_not_found', message: 'Factor not found' }]);
  });

  it('is for admin credentials only (403 not_admin), 405 for GET, and not local for PUT', async () => {
    const { u, client, factorId } = await verified();
    const asUser = await adminDelete(u.id, factorId, await accessToken(client));
    expect([asUser.status, asUser.json]).toEqual([403, { code: 'not_admin', message: 'User not allowed' }]);
    expect((await adminDelete(u.id, factorId, LOCAL_SERVICE_ROLE_KEY, 'GET')).status).toBe(405);
    const update = await adminDelete(u.id, factorId, LOCAL_SERVICE_ROLE_KEY, 'PUT');
    expect([update.status, update.json.code]).toEqual([404, 'feature_disabled']);
    const still = await withDb(async (db) => (await db.query('select count(*)::int as n from auth.mfa_factors where id = $1', [factorId])).rows[0].n);
    expect(still).toBe(1);
  });
});

describe('routes and switched-off features [api.go NewAPIWithVersion, middleware.go, signup.go Signup]', () => {
  it('answers an unknown path with net/http\'s plain 404 and a known path with another method with 405', async () => {
    const unknown = await authCall('GET', '/no-such-endpoint');
    expect([unknown.status, unknown.text, unknown.headers.get('content-type')]).toEqual([404, '404 page not found\n', 'text/plain; charset=utf-8']);
    const wrongMethod = await authCall('GET', '/token');
    expect([wrongMethod.status, wrongMethod.text]).toEqual([405, '']);
  });

  it('refuses sign-up (off) with 422 signup_disabled, and an anonymous sign-up with anonymous_provider_disabled', async () => {
    const { error } = await newClient().auth.signUp({ email: 'new@irtiqaa.local', password: 'a-long-password' });
    expect(error).toMatchObject({ status: 422, code: 'signup_disabled', message: 'Signups not allowed for this instance' });
    const anonymous = await newClient().auth.signInAnonymously();
    expect(anonymous.error).toMatchObject({ status: 422, code: 'anonymous_provider_disabled' });
  });

  it('answers switched-off features as GoTrue does: SAML, passkeys, the OAuth server, the admin API for non-admins', async () => {
    expect((await authCall('POST', '/sso', { body: {}, headers: V2024 })).json).toEqual({ code: 'saml_provider_disabled', message: 'SAML 2.0 is disabled' });
    expect((await authCall('POST', '/passkeys/authentication/options', { headers: V2024 })).json).toEqual({ code: 'passkey_disabled', message: 'Passkeys are disabled' });
    expect((await authCall('GET', '/oauth/authorize', { headers: V2024 })).json).toEqual({ code: 'feature_disabled', message: 'OAuth server is disabled' });
    const asAnon = await authCall('GET', '/admin/users', { token: LOCAL_ANON_KEY, headers: V2024 });
    expect([asAnon.status, asAnon.json]).toEqual([403, { code: 'not_admin', message: 'User not allowed' }]);
    const asService = await authCall('GET', '/admin/users', { token: LOCAL_SERVICE_ROLE_KEY, headers: V2024 });
    expect([asService.status, asService.json.code]).toEqual([404, 'feature_disabled']);
  });

  it('describes itself: /settings, /health, /.well-known/jwks.json', async () => {
    const settings = await authCall('GET', '/settings');
    expect(settings.json).toMatchObject({ disable_signup: true, external: { email: true, phone: false, anonymous_users: false }, saml_enabled: false });
    expect((await authCall('GET', '/health')).json).toMatchObject({ name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' });
    const jwks = await authCall('GET', '/.well-known/jwks.json');
    expect([jwks.json, jwks.headers.get('cache-control')]).toEqual([{ keys: [] }, 'public, max-age=600']);
  });
});
