// Every endpoint the gateway serves, for tests that throw hostile input at all of them
// (tests/db/hostile-input.test.ts). Other parts of the stack add theirs here: `fields` are the
// body keys the endpoint reads, so generated bodies hit them with values of every type.
export type Endpoint = { method: string; path: string; fields?: string[] };

const PASSWORD = ['email', 'phone', 'password'];
const FACTOR = ['factor_type', 'friendly_name', 'issuer', 'phone'];
const VERIFY = ['challenge_id', 'code', 'webauthn'];

/**
 * `{factor}` in a path is replaced by a real factor id of the signed-in test user, `{user}` by that
 * user's id, `{bucket}` by a test bucket.
 */
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
  { method: 'DELETE', path: '/auth/v1/admin/users/{user}/factors/{factor}' },
  { method: 'DELETE', path: '/auth/v1/admin/users/not-a-uuid/factors/{factor}' },
  { method: 'GET', path: '/auth/v1/settings' },
  { method: 'GET', path: '/auth/v1/health' },
  { method: 'GET', path: '/auth/v1/.well-known/jwks.json' },
  { method: 'POST', path: '/auth/v1/no-such-endpoint' },
  { method: 'POST', path: '/rest/v1/rpc/submit_support_request', fields: ['p_full_name', 'p_mobile', 'p_idempotency_key'] },
  { method: 'POST', path: '/rest/v1/rpc/get_request_status', fields: ['p_reference', 'p_phone_last4'] },
  { method: 'GET', path: '/rest/v1/rpc/get_request_status?p_reference=IRT-00000000&p_phone_last4=1234' },
  { method: 'POST', path: '/rest/v1/rpc/submit_satisfaction_survey', fields: ['p_reference', 'p_overall', 'p_comment', 'p_locale', 'p_idempotency_key'] },
  { method: 'GET', path: '/rest/v1/rpc/service_stats' },
  { method: 'POST', path: '/rest/v1/rpc/reset_staff_factors', fields: ['p_user_id'] },
  { method: 'POST', path: '/rest/v1/rpc/assign_request', fields: ['p_request_id', 'p_assignee'] },
  { method: 'POST', path: '/functions/v1/staff-factors', fields: ['user_id', 'factor_id'] },
  { method: 'GET', path: '/rest/v1/support_requests?select=id' },
  // Outreach (issue 13): the public stop link, the overload that takes the choice of updates, staff and service-role calls.
  { method: 'POST', path: '/rest/v1/rpc/stop_messages', fields: ['p_token'] },
  { method: 'POST', path: '/rest/v1/rpc/resume_messages', fields: ['p_token'] },
  { method: 'POST', path: '/rest/v1/rpc/submit_support_request', fields: ['p_full_name', 'p_messages_by_sms', 'p_messages_by_email', 'p_idempotency_key'] },
  { method: 'POST', path: '/rest/v1/rpc/send_staff_message', fields: ['p_request_id', 'p_message', 'p_idempotency_key'] },
  { method: 'POST', path: '/rest/v1/rpc/set_contact_preferences', fields: ['p_request_id', 'p_sms', 'p_email', 'p_stopped'] },
  { method: 'POST', path: '/rest/v1/rpc/close_follow_up', fields: ['p_request_id', 'p_note'] },
  { method: 'POST', path: '/rest/v1/rpc/retry_message', fields: ['p_message_id'] },
  { method: 'POST', path: '/rest/v1/rpc/undelivered_messages' },
  { method: 'POST', path: '/rest/v1/rpc/claim_messages', fields: ['p_limit', 'p_lease_seconds'] },
  { method: 'POST', path: '/rest/v1/rpc/record_message_result', fields: ['p_id', 'p_claim', 'p_outcome', 'p_detail'] },
  { method: 'POST', path: '/functions/v1/notify', fields: ['source'] },
  { method: 'GET', path: '/functions/v1/notify' },
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
