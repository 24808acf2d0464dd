// The platform's `verify_jwt` check in front of an Edge Function, with the hosted status, body
// and `sb-error-code`: a valid JWT signed with the project's secret (the anon key, the
// service_role key or a user's session) in `Authorization: Bearer <token>`.
import { verifyJwt } from './jwt.mjs';

const refusal = (code, message) => ({ status: 401, code, message });
const ASYMMETRIC = new Set(['ES256', 'RS256']);

function headerOf(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    return JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** null when the request may reach the function, else { status, code, message } to answer. */
export function functionAuthRefusal(req) {
  const authorization = req.headers.authorization;
  if (!authorization) return refusal('UNAUTHORIZED_NO_AUTH_HEADER', 'Missing authorization header');
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
  if (!token) return refusal('UNAUTHORIZED_INVALID_JWT_FORMAT', "Auth header is not 'Bearer {token}'");
  const header = headerOf(token);
  if (!header || typeof header.alg !== 'string') return refusal('UNAUTHORIZED_INVALID_JWT_FORMAT', 'Invalid JWT');
  // The local stack signs with its shared secret only, so no asymmetric token can be valid here.
  if (ASYMMETRIC.has(header.alg)) return refusal('UNAUTHORIZED_ASYMMETRIC_JWT', 'Invalid JWT');
  if (header.alg !== 'HS256') return refusal('UNAUTHORIZED_UNSUPPORTED_TOKEN_ALGORITHM', `Unsupported JWT algorithm ${header.alg}`);
  if (!verifyJwt(token)) return refusal('UNAUTHORIZED_LEGACY_JWT', 'Invalid JWT');
  return null;
}
