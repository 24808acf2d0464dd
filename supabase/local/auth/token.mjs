// POST /token (internal/api/token.go Token, ResourceOwnerPasswordGrant; token_refresh.go and
// internal/tokens/service.go RefreshTokenGrant), password and refresh_token grants.
import { AuthError, badRequest, unprocessable } from './errors.mjs';
import { AUTH_CONFIG } from './config.mjs';
import { decodeGoJson } from './go-json.mjs';
import { clientIp } from './request.mjs';
import { findUserByEmail, findUserById } from './users.mjs';
import { findSession, logoutSession } from './sessions.mjs';
import { encodeRefreshToken, parseRefreshToken, signatureMatches } from './refresh-token.mjs';
import { generateAccessToken, issueSession, tokenResponse } from './tokens.mjs';
import { requestAud } from './authenticate.mjs';

const PASSWORD_GRANT_PARAMS = { name: 'PasswordGrantParams', fields: { email: 'string', phone: 'string', password: 'string' } };
const REFRESH_TOKEN_GRANT_PARAMS = { name: 'RefreshTokenGrantParams', fields: { refresh_token: 'string' } };
const INVALID_LOGIN = () => badRequest('invalid_credentials', 'Invalid login credentials');
const NOT_FOUND = () => badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
const CONFLICT = () => new AuthError(409, 'conflict', 'Too many concurrent token refresh requests on the same session or refresh token');

/** models.User.Authenticate for the bcrypt hashes the local stack stores (checked by pgcrypto). */
async function passwordMatches(db, user, password) {
  // PostgreSQL text cannot hold NUL, so no stored password contains one.
  if (password.includes('\0')) return false;
  const { rows } = await db.query('select $1 = extensions.crypt($2, $1) as ok', [user.encrypted_password, password]);
  return rows[0].ok;
}

export async function passwordGrant(ctx) {
  const { req, signInThrottle } = ctx;
  const params = decodeGoJson(await ctx.readBody(), PASSWORD_GRANT_PARAMS);
  if (params.email && params.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  }
  if (params.phone && !params.email) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (!params.email) throw badRequest('validation_failed', 'missing email or phone');
  if (!AUTH_CONFIG.emailEnabled) throw unprocessable('email_provider_disabled', 'Email logins are disabled');

  // Local only (hosted Auth has its own limits): checked before the password, so a locked
  // account answers the same whatever is typed.
  const throttleKey = params.email.trim().toLowerCase();
  const ip = clientIp(req);
  const waitMs = signInThrottle.waitMs(throttleKey, ip);
  if (waitMs > 0) throw rateLimited(waitMs);

  try {
    const session = await signIn(ctx, params);
    signInThrottle.succeeded(throttleKey);
    return session;
  } catch (error) {
    if (error instanceof AuthError && error.code === 'invalid_credentials') signInThrottle.failed(throttleKey, ip);
    throw error;
  }
}

export function rateLimited(waitMs) {
  return new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached', {
    headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) },
  });
}

async function signIn({ req, db, issuer, headers }, params) {
  // An email PostgreSQL cannot hold (a NUL) belongs to nobody; GoTrue itself answers 500 here.
  const user = params.email.includes('\0') ? null : await findUserByEmail(db, params.email, requestAud(req, null, AUTH_CONFIG));
  if (!user || !user.encrypted_password) throw INVALID_LOGIN();
  if (user.is_banned) throw badRequest('user_banned', 'User is banned');
  if (!(await passwordMatches(db, user, params.password))) throw INVALID_LOGIN();
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
  return issueSession(db, {
    user, method: 'password', issuer, headers, userAgent: req.headers['user-agent'], ip: clientIp(req),
  });
}

/** RefreshTokenGrantParams.Validate. */
function validateRefreshToken(token) {
  const length = Buffer.byteLength(token);
  const valid = length === 12 ? /^[a-z0-9]{12}$/.test(token) : length > 12 && parseRefreshToken(token) !== null;
  if (!valid) throw badRequest('validation_failed', 'Refresh token is not valid');
}

export async function refreshTokenGrant({ req, db, issuer, headers, readBody }) {
  const { refresh_token: token } = decodeGoJson(await readBody(), REFRESH_TOKEN_GRANT_PARAMS);
  validateRefreshToken(token);
  // 12 characters: GoTrue's legacy tokens, which the local auth never issues (auth.refresh_tokens stays empty).
  const parsed = Buffer.byteLength(token) === 12 ? null : parseRefreshToken(token);
  if (!parsed) throw NOT_FOUND();

  // FindSessionByID ... FOR UPDATE: concurrent refreshes of one session wait for each other
  // (GoTrue retries for 5 s, then answers 409).
  await db.query("set local lock_timeout = '5s'");
  const session = await findSession(db, parsed.sessionId, { forUpdate: true }).catch((error) => {
    throw error.code === '55P03' ? CONFLICT() : error;
  });
  if (!session || session.refresh_token_hmac_key == null || session.refresh_token_counter == null) throw NOT_FOUND();
  if (!signatureMatches(parsed, session.refresh_token_hmac_key)) throw NOT_FOUND();
  const user = await findUserById(db, session.user_id);
  if (!user) throw NOT_FOUND();
  headers['sb-auth-user-id'] = user.id;
  if (user.is_banned) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
  headers['sb-auth-session-id'] = session.id;
  if (session.past_not_after) throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');

  let counter = BigInt(session.refresh_token_counter);
  const behind = counter - parsed.counter;
  if (behind < 0n) throw badRequest('validation_failed', 'Invalid Refresh Token: Not Issued By This Server');
  if (behind === 0n) {
    counter += 1n;
    headers['sb-auth-refresh-token-reuse'] = 'false';
  } else {
    // A client that lost the last answer (one behind), or tabs refreshing together (within the
    // reuse interval), get the session's current token; any other reuse ends the session.
    const causes = [];
    if (Number(session.seconds_since_refresh) < AUTH_CONFIG.refreshTokenReuseIntervalSeconds) causes.push('concurrent-refresh');
    if (behind === 1n) causes.push('fail-to-save');
    if (causes.length) {
      headers['sb-auth-refresh-token-reuse-cause'] = causes.join(',');
    } else {
      if (AUTH_CONFIG.refreshTokenRotation) await logoutSession(db, session.id);
      throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used', { keepChanges: true });
    }
  }
  await db.query(
    `update auth.sessions set refresh_token_counter = $2, refreshed_at = now() at time zone 'UTC',
            user_agent = nullif($3, ''), ip = nullif($4, '')::inet where id = $1`,
    [session.id, counter.toString(), req.headers['user-agent'] ?? '', clientIp(req)],
  );
  headers['sb-auth-refresh-token-counter'] = counter.toString();
  const access = await generateAccessToken(db, { user, sessionId: session.id, issuer });
  return tokenResponse(access, encodeRefreshToken(session.id, counter, session.refresh_token_hmac_key), user);
}
