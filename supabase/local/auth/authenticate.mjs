// GoTrue's requireAuthentication (internal/api/auth.go): the bearer token, its claims typed as
// tokens.AccessTokenClaims, the user of `sub` and the session of `session_id`, and no ban.
import { bearerToken, parseJwt } from '../jwt.mjs';
import { AuthError, badRequest, forbidden } from './errors.mjs';
import { decodeStruct } from './go-json.mjs';
import { NIL_UUID, parseGoUuid } from './go-uuid.mjs';
import { findSession } from './sessions.mjs';
import { findUserById } from './users.mjs';

const numericDate = { goType: 'jwt.NumericDate', decode: (v) => (typeof v === 'number' ? v : undefined) };
const claimStrings = {
  goType: 'jwt.ClaimStrings',
  decode: (v) => (typeof v === 'string' ? [v] : Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined),
};
const amrClaim = {
  goType: 'tokens.AMRClaim',
  decode: (v) => (Array.isArray(v) && v.every((e) => typeof e === 'string' || (e && typeof e === 'object' && !Array.isArray(e))) ? v : undefined),
};

const ACCESS_TOKEN_CLAIMS = {
  name: 'AccessTokenClaims',
  fields: {
    iss: 'string', sub: 'string', aud: claimStrings, exp: numericDate, nbf: numericDate, iat: numericDate, jti: 'string',
    email: 'string', phone: 'string', app_metadata: 'map', user_metadata: 'map', role: 'string', aal: 'string',
    amr: amrClaim, session_id: 'string', is_anonymous: 'bool', client_id: 'string', scope: 'string',
  },
};

const decodeClaims = (value) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type tokens.AccessTokenClaims`);
  }
  return decodeStruct(ACCESS_TOKEN_CLAIMS, value);
};

/** extractBearerToken + parseJWTClaims: the typed claims of a valid token. */
export function requireClaims(req) {
  const token = bearerToken(req);
  if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  const { claims, error } = parseJwt(token, { decodeClaims });
  if (error) throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${error}`);
  return claims;
}

/** requireAuthentication: { claims, user, session } (session null when the token names none). */
export async function requireAuthentication(db, req) {
  const claims = requireClaims(req);
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  const userId = parseGoUuid(claims.sub);
  if (userId.error) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(db, userId.uuid);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let session = null;
  if (claims.session_id && claims.session_id !== NIL_UUID) {
    const sessionId = parseGoUuid(claims.session_id);
    if (sessionId.error) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    session = await findSession(db, sessionId.uuid);
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  if (user.is_banned) throw forbidden('user_banned', 'User is banned');
  return { claims, user, session };
}

/** requestAud: X-JWT-AUD, else the token's first audience (not for admin roles), else the default. */
export function requestAud(req, claims, { audience, adminRoles }) {
  const header = req.headers['x-jwt-aud'];
  if (header) return header;
  if (claims && !adminRoles.includes(claims.role) && claims.aud?.[0]) return claims.aud[0];
  return audience;
}
