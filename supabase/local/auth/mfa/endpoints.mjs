// The MFA endpoints for TOTP (internal/api/mfa.go EnrollFactor, ChallengeFactor, VerifyFactor,
// UnenrollFactor, updateMFASessionAndClaims in token.go): enrol a factor, challenge it, verify
// a code (the session becomes aal2 and the user's other aal1 sessions end), unenrol it.
import { AuthError, badRequest, forbidden, unprocessable } from '../errors.mjs';
import { AUTH_CONFIG } from '../config.mjs';
import { decodeGoJson } from '../go-json.mjs';
import { clientIp } from '../request.mjs';
import { addAmrClaim } from '../sessions.mjs';
import { encodeRefreshToken } from '../refresh-token.mjs';
import { generateAccessToken, tokenResponse } from '../tokens.mjs';
import { findUserById } from '../users.mjs';
import { rateLimited } from '../token.mjs';
import { createChallenge, deleteFactor, findChallenge, insertTotpFactor, validateNewFactor } from './factors.mjs';
import { newTotpKey, totpCodeValid } from './totp.mjs';
import { qrSvg } from './qr-svg.mjs';

const { mfa } = AUTH_CONFIG;
const ENROLL_FACTOR_PARAMS = { name: 'EnrollFactorParams', fields: { friendly_name: 'string', factor_type: 'string', issuer: 'string', phone: 'string' } };
const WEBAUTHN_PARAMS = { name: 'WebAuthnParams', fields: { type: 'string', credential_response: 'raw' } };
const VERIFY_FACTOR_PARAMS = { name: 'VerifyFactorParams', fields: { challenge_id: 'uuid', code: 'string', webauthn: WEBAUTHN_PARAMS } };
const FACTOR_TYPE_REQUIRED = () => badRequest('validation_failed', 'factor_type needs to be totp, phone, or webauthn');

// GoTrue answers 500 when the token names no session; a token without one is the caller's
// fault, so the local auth refuses it as a missing session instead.
function requireSession(session, message) {
  if (!session) throw forbidden('session_not_found', message);
}

export async function enrollFactor({ db, readBody, auth, siteUrl }) {
  const { user, session } = auth;
  requireSession(session, 'A valid session and a registered user are required to enroll a factor');
  const params = decodeGoJson(await readBody(), ENROLL_FACTOR_PARAMS);
  if (params.factor_type === 'phone') throw unprocessable('mfa_phone_enroll_not_enabled', 'MFA enroll is disabled for Phone');
  if (params.factor_type === 'webauthn') throw unprocessable('mfa_webauthn_enroll_not_enabled', 'MFA enroll is disabled for WebAuthn');
  if (params.factor_type !== 'totp') throw FACTOR_TYPE_REQUIRED();
  if (params.friendly_name.includes('\0')) throw badRequest('validation_failed', 'friendly_name cannot contain a NUL character');
  const issuer = params.issuer || new URL(siteUrl).host;
  await validateNewFactor(db, user, session, params.friendly_name);
  // pquerna/otp refuses an empty account name; GoTrue then answers 500 "Error generating QR Code".
  if (!user.email) throw badRequest('validation_failed', 'Error generating QR Code');
  const key = newTotpKey({ issuer, accountName: user.email });
  const id = await insertTotpFactor(db, user, params.friendly_name, key.secret);
  return {
    status: 200,
    body: { id, type: 'totp', friendly_name: params.friendly_name, totp: { qr_code: qrSvg(key.uri), secret: key.secret, uri: key.uri } },
  };
}

function requireTotp(factor, { verify }) {
  if (factor.factor_type === 'phone') throw unprocessable('mfa_phone_verify_not_enabled', 'MFA verification is disabled for Phone');
  if (factor.factor_type === 'webauthn') {
    throw unprocessable(verify ? 'mfa_webauthn_enroll_not_enabled' : 'mfa_webauthn_verify_not_enabled', 'MFA verification is disabled for WebAuthn');
  }
  if (factor.factor_type !== 'totp') throw FACTOR_TYPE_REQUIRED();
}

export async function challengeFactor({ db, req, factor }) {
  requireTotp(factor, { verify: false });
  const challenge = await createChallenge(db, factor, clientIp(req));
  return { status: 200, body: { id: challenge.id, type: 'totp', expires_at: challenge.expiresAt } };
}

/** validateChallenge. */
async function validChallenge(db, req, factor, challengeId) {
  const challenge = await findChallenge(db, factor, challengeId);
  if (!challenge) throw unprocessable('mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
  if (challenge.verified_at || challenge.ip !== (clientIp(req) || '0.0.0.0')) {
    throw unprocessable('mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
  }
  if (challenge.expired) {
    await db.query('delete from auth.mfa_challenges where id = $1', [challenge.id]);
    throw new AuthError(422, 'mfa_challenge_expired', `MFA challenge ${challenge.id} has expired, verify against another challenge or create a new challenge.`, { keepChanges: true });
  }
  return challenge;
}

export async function verifyFactor({ db, req, auth, factor, readBody, issuer, mfaThrottle }) {
  const { user, session } = auth;
  // Where GoTrue's per-address limiter stands (after loadFactor): wrong codes lock the factor.
  const waitMs = mfaThrottle.waitMs(factor.id, user.id);
  if (waitMs > 0) throw rateLimited(waitMs);
  const params = decodeGoJson(await readBody(), VERIFY_FACTOR_PARAMS);
  if (params.code === '' && factor.factor_type !== 'webauthn') throw badRequest('validation_failed', 'Code needs to be non-empty');
  requireTotp(factor, { verify: true });
  const challenge = await validChallenge(db, req, factor, params.challenge_id);
  if (!totpCodeValid(factor.secret, params.code)) {
    mfaThrottle.failed(factor.id, user.id);
    throw unprocessable('mfa_verification_failed', 'Invalid TOTP code entered');
  }
  mfaThrottle.succeeded(factor.id);
  requireSession(session, 'Cannot read SessionId claim as UUID');
  await db.query('update auth.mfa_challenges set verified_at = now() where id = $1', [challenge.id]);
  await db.query(`update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1 and status <> 'verified'`, [factor.id]);
  const response = await upgradeSession(db, { user, sessionId: session.id, factorId: factor.id, issuer });
  // InvalidateSessionsWithAALLessThan(aal2): every other session of the user that is still aal1 ends.
  await db.query(`delete from auth.sessions where user_id = $1 and aal < 'aal2'`, [user.id]);
  await db.query(`delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = 'totp'`, [user.id]);
  return { status: 200, body: response };
}

/** updateMFASessionAndClaims: the totp claim, a refresh token two ahead (the aal1 one can no longer upgrade), aal2. */
async function upgradeSession(db, { user, sessionId, factorId, issuer }) {
  await addAmrClaim(db, sessionId, 'totp');
  const { rows } = await db.query(
    `update auth.sessions set refresh_token_counter = refresh_token_counter + 2, aal = 'aal2', factor_id = $2
      where id = $1 returning refresh_token_counter, refresh_token_hmac_key`,
    [sessionId, factorId],
  );
  const reloaded = await findUserById(db, user.id);
  const access = await generateAccessToken(db, { user: reloaded, sessionId, issuer });
  return tokenResponse(access, encodeRefreshToken(sessionId, rows[0].refresh_token_counter, rows[0].refresh_token_hmac_key), reloaded);
}

export async function unenrollFactor({ db, auth, factor }) {
  const { session } = auth;
  requireSession(session, 'A valid session and factor are required to unenroll a factor');
  if (factor.status === 'verified' && session.aal !== 'aal2') {
    throw unprocessable('insufficient_aal', 'AAL2 required to unenroll verified factor');
  }
  await deleteFactor(db, factor);
  return { status: 200, body: { id: factor.id } };
}
