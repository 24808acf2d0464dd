import { createHmac } from 'node:crypto';

/**
 * The local stack's JWT secret and API keys. Local only and public on purpose, like the
 * Supabase CLI's defaults; a hosted project has its own secret and keys.
 */
export const LOCAL_JWT_SECRET = 'irtiqaa-local-only-jwt-secret-not-for-production-use';

const base64url = (data) => Buffer.from(data).toString('base64url');

/** Signs claims with HS256, as GoTrue does. */
export function signJwt(claims, secret = LOCAL_JWT_SECRET, header = { alg: 'HS256', typ: 'JWT' }) {
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

// Fixed issue and expiry times keep the keys stable, so the built site can embed the anon key.
const apiKey = (role) => signJwt({ iss: 'supabase-local', role, iat: 1764288000, exp: 2079648000 });

export const LOCAL_ANON_KEY = apiKey('anon');
export const LOCAL_SERVICE_ROLE_KEY = apiKey('service_role');
