// Access tokens and token responses (internal/tokens/service.go GenerateAccessToken,
// IssueRefreshToken, AccessTokenResponse).
import { LOCAL_JWT_SECRET, signJwt } from '../keys.mjs';
import { AUTH_CONFIG } from './config.mjs';
import { aalAndAmr, addAmrClaim, createSession } from './sessions.mjs';
import { encodeRefreshToken } from './refresh-token.mjs';
import { userJson } from './users.mjs';

/** GenerateAccessToken: the session's aal and amr, the user's aud, role and metadata. */
export async function generateAccessToken(db, { user, sessionId, issuer }) {
  const { aal, amr } = await aalAndAmr(db, sessionId);
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + AUTH_CONFIG.jwtExpirySeconds;
  const claims = {
    iss: issuer,
    sub: user.id,
    aud: user.aud ?? '',
    exp,
    iat,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data,
    user_metadata: user.raw_user_meta_data,
    role: user.role ?? '',
    aal,
    ...(amr.length ? { amr } : {}),
    session_id: sessionId,
    is_anonymous: user.is_anonymous ?? false,
  };
  return { accessToken: signJwt(claims, LOCAL_JWT_SECRET), expiresAt: exp };
}

/** AccessTokenResponse. */
export function tokenResponse({ accessToken, expiresAt }, refreshToken, user) {
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: expiresAt - Math.floor(Date.now() / 1000),
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

/** IssueRefreshToken (algorithm v2): a new session, its first refresh token, the sign-in's amr. */
export async function issueSession(db, { user, method, issuer, userAgent, ip, headers }) {
  const session = await createSession(db, user.id, { userAgent, ip });
  const { rows } = await db.query('update auth.users set last_sign_in_at = now() where id = $1 returning last_sign_in_at', [user.id]);
  const signedIn = { ...user, last_sign_in_at: rows[0].last_sign_in_at };
  await addAmrClaim(db, session.id, method);
  const access = await generateAccessToken(db, { user: signedIn, sessionId: session.id, issuer });
  Object.assign(headers, {
    'sb-auth-user-id': user.id,
    'sb-auth-session-id': session.id,
    'sb-auth-refresh-token-counter': '0',
  });
  return tokenResponse(access, encodeRefreshToken(session.id, 0, session.refresh_token_hmac_key), signedIn);
}
