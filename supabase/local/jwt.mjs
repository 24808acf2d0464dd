// HS256 verification as GoTrue does it (golang-jwt/jwt v5.3.1 Parser.ParseWithClaims with
// ValidMethods ["HS256"], the method list of a project with a shared secret), with its error
// messages; signing lives in keys.mjs. PostgREST verifies the same tokens on its own.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LOCAL_JWT_SECRET } from './keys.mjs';

const KNOWN_ALGORITHMS = new Set(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'EdDSA', 'none']);
const VALID_METHODS = ['HS256'];

const malformed = (what) => `token is malformed: ${what}`;

/** base64.RawURLEncoding.DecodeString: the bytes, or Go's CorruptInputError message. */
function decodeSegment(segment) {
  const bad = segment.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) return { error: `illegal base64 data at input byte ${bad}` };
  if (segment.length % 4 === 1) return { error: `illegal base64 data at input byte ${segment.length - 1}` };
  return { bytes: Buffer.from(segment, 'base64url') };
}

function decodeJson(bytes) {
  try {
    return { value: JSON.parse(bytes.toString('utf8')) };
  } catch (error) {
    return { error: /end of JSON/i.test(error.message) ? 'unexpected end of JSON input' : 'invalid character looking for beginning of value' };
  }
}

const isNumericDate = (v) => v === undefined || v === null || typeof v === 'number';

/**
 * Parses and verifies `token` like GoTrue's parseJWTClaims. Returns { claims } or { error } with
 * golang-jwt's message (GoTrue prefixes it with "invalid JWT: unable to parse or verify signature, ").
 * `decodeClaims(object)` types the claims (returns them, or throws with encoding/json's message).
 */
export function parseJwt(token, { secret = LOCAL_JWT_SECRET, now = Date.now() / 1000, decodeClaims = (c) => c } = {}) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return { error: malformed('token contains an invalid number of segments') };
  const [headerPart, claimsPart, signaturePart] = parts;

  const header = decodeSegment(headerPart);
  if (header.error) return { error: malformed(`could not base64 decode header: ${header.error}`) };
  const headerJson = decodeJson(header.bytes);
  if (headerJson.error) return { error: malformed(`could not JSON decode header: ${headerJson.error}`) };
  if (headerJson.value !== null && (typeof headerJson.value !== 'object' || Array.isArray(headerJson.value))) {
    return { error: malformed('could not JSON decode header: json: cannot unmarshal into Go value of type map[string]interface {}') };
  }

  const payload = decodeSegment(claimsPart);
  if (payload.error) return { error: malformed(`could not base64 decode claim: ${payload.error}`) };
  const claimsJson = decodeJson(payload.bytes);
  if (claimsJson.error) return { error: malformed(`could not JSON decode claim: ${claimsJson.error}`) };
  let claims;
  try {
    claims = decodeClaims(claimsJson.value ?? {});
  } catch (error) {
    return { error: malformed(`could not JSON decode claim: ${error.message}`) };
  }

  const alg = headerJson.value?.alg;
  if (typeof alg !== 'string') return { error: 'token is unverifiable: signing method (alg) is unspecified' };
  if (!KNOWN_ALGORITHMS.has(alg)) return { error: 'token is unverifiable: signing method (alg) is unavailable' };
  const signature = decodeSegment(signaturePart);
  if (signature.error) return { error: malformed(`could not base64 decode signature: ${signature.error}`) };
  if (!VALID_METHODS.includes(alg)) return { error: `token signature is invalid: signing method ${alg} is invalid` };

  const expected = createHmac('sha256', secret).update(`${headerPart}.${claimsPart}`).digest();
  if (signature.bytes.length !== expected.length || !timingSafeEqual(signature.bytes, expected)) {
    return { error: 'token signature is invalid: signature is invalid' };
  }

  const raw = claimsJson.value ?? {};
  if (!isNumericDate(raw.exp) || !isNumericDate(raw.nbf)) return { error: 'token has invalid claims: invalid type for claim' };
  const invalid = [];
  if (typeof raw.exp === 'number' && !(now < raw.exp)) invalid.push('token is expired');
  if (typeof raw.nbf === 'number' && now < raw.nbf) invalid.push('token is not valid yet');
  if (invalid.length) return { error: `token has invalid claims: ${invalid.join(', ')}` };
  return { claims };
}

/** Returns the claims of a valid, unexpired HS256 token signed with `secret`, or null. */
export function verifyJwt(token, secret = LOCAL_JWT_SECRET, now = Date.now() / 1000) {
  const { claims } = parseJwt(token, { secret, now });
  return claims && typeof claims === 'object' && !Array.isArray(claims) ? claims : null;
}

/** GoTrue's bearerRegexp `(?i)^bearer (\S+$)`: exactly one space, one token. */
export const bearerToken = (req) => /^bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
