// HS256 verification, as PostgREST and GoTrue do it (signing lives in keys.mjs).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LOCAL_JWT_SECRET } from './keys.mjs';

/** Returns the claims of a valid, unexpired HS256 token signed with `secret`, or null. */
export function verifyJwt(token, secret = LOCAL_JWT_SECRET, now = Date.now() / 1000) {
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts;
  try {
    if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'HS256') return null;
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    if (typeof claims.exp === 'number' && claims.exp <= now) return null;
    return claims;
  } catch {
    return null;
  }
}

export const bearerToken = (req) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
