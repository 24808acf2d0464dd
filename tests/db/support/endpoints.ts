// Every endpoint the gateway serves, for tests that throw hostile input at all of them
// (tests/db/hostile-input.test.ts). Other parts of the stack add theirs here: `fields` are the
// body keys the endpoint reads, so generated bodies hit them with values of every type.
export type Endpoint = { method: string; path: string; fields?: string[] };

const PASSWORD = ['email', 'phone', 'password'];
const FACTOR = ['factor_type', 'friendly_name', 'issuer', 'phone'];
const VERIFY = ['challenge_id', 'code', 'webauthn'];

/** `{factor}` in a path is replaced by a real factor id of the signed-in test user, `{bucket}` by a test bucket. */
export const GATEWAY_ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/auth/v1/token?grant_type=password', fields: PASSWORD },
  { method: 'POST', path: '/auth/v1/token?grant_type=refresh_token', fields: ['refresh_token'] },
  { method: 'POST', path: '/auth/v1/token?grant_type=pkce', fields: ['auth_code', 'code_verifier'] },
  { method: 'POST', path: '/auth/v1/token?grant_type=web3', fields: ['chain', 'message', 'signature'] },
  { method: 'POST', path: '/auth/v1/token', fields: PASSWORD },
  { method: 'GET', path: '/auth/v1/user' },
  { method: 'PUT', path: '/auth/v1/user', fields: ['email', 'password', 'data'] },
  { method: 'POST', path: '/auth/v1/logout' },
  { method: 'POST', path: '/auth/v1/logout?scope=local' },
  { method: 'POST', path: '/auth/v1/factors', fields: FACTOR },
  { method: 'POST', path: '/auth/v1/factors/{factor}/challenge', fields: ['channel'] },
  { method: 'POST', path: '/auth/v1/factors/{factor}/verify', fields: VERIFY },
  { method: 'DELETE', path: '/auth/v1/factors/{factor}' },
  { method: 'POST', path: '/auth/v1/factors/not-a-uuid/verify', fields: VERIFY },
  { method: 'POST', path: '/auth/v1/signup', fields: ['email', 'phone', 'password', 'data'] },
  { method: 'POST', path: '/auth/v1/otp', fields: ['email', 'phone', 'create_user'] },
  { method: 'POST', path: '/auth/v1/recover', fields: ['email'] },
  { method: 'POST', path: '/auth/v1/verify', fields: ['type', 'token', 'email'] },
  { method: 'GET', path: '/auth/v1/admin/users' },
  { method: 'GET', path: '/auth/v1/settings' },
  { method: 'GET', path: '/auth/v1/health' },
  { method: 'GET', path: '/auth/v1/.well-known/jwks.json' },
  { method: 'POST', path: '/auth/v1/no-such-endpoint' },
  { method: 'POST', path: '/rest/v1/rpc/submit_support_request', fields: ['p_full_name', 'p_mobile', 'p_idempotency_key'] },
  { method: 'POST', path: '/rest/v1/rpc/get_request_status', fields: ['p_reference', 'p_phone_last4'] },
  { method: 'GET', path: '/rest/v1/support_requests?select=id' },
  { method: 'POST', path: '/functions/v1/no-such-function', fields: ['name'] },
  { method: 'POST', path: '/storage/v1/object/upload/sign/{bucket}/requests/a.pdf' },
  { method: 'PUT', path: '/storage/v1/object/upload/sign/{bucket}/requests/a.pdf?token=not-a-token' },
  { method: 'POST', path: '/storage/v1/object/{bucket}/letters/a.pdf' },
  { method: 'POST', path: '/storage/v1/object/sign/{bucket}/letters/a.pdf', fields: ['expiresIn', 'transform'] },
  { method: 'GET', path: '/storage/v1/object/sign/{bucket}/letters/a.pdf?token=not-a-token&download=' },
  { method: 'GET', path: '/storage/v1/object/authenticated/{bucket}/letters/a.pdf' },
  { method: 'POST', path: '/storage/v1/object/list/{bucket}', fields: ['prefix', 'limit', 'offset', 'sortBy', 'search'] },
  { method: 'DELETE', path: '/storage/v1/object/{bucket}', fields: ['prefixes'] },
  { method: 'POST', path: '/storage/v1/object/%00/%E0%A4%A', fields: ['prefix'] },
  { method: 'GET', path: '/health' },
  { method: 'POST', path: '/no-such-route' },
];
