// What the local auth answers for the parts of GoTrue it does not implement (supabase/CONTRACT.md,
// "Local auth"). Where supabase/config.toml turns a feature off, the answer is GoTrue's own for a
// project with it off; where GoTrue has no such switch (password recovery, magic links, the
// admin API...), the local auth answers 404 feature_disabled, GoTrue's code for a feature that
// is off, with a message saying so.
import { badRequest, forbidden, notFound, unprocessable } from './errors.mjs';
import { decodeGoJson } from './go-json.mjs';
import { AUTH_CONFIG } from './config.mjs';
import { requireClaims } from './authenticate.mjs';

export const notLocal = (feature) => notFound('feature_disabled', `${feature} is not available on the local stack`);

const SIGNUP_PARAMS = {
  name: 'SignupParams',
  fields: {
    email: 'string', phone: 'string', password: 'string', data: 'map', provider: 'string', aud: 'string',
    channel: 'string', code_challenge_method: 'string', code_challenge: 'string',
  },
};
const PKCE_GRANT_PARAMS = { name: 'PKCEGrantParams', fields: { auth_code: 'string', code_verifier: 'string' } };

/** api.go's /signup route, then signup.go Signup. */
export async function signup({ readBody }) {
  const params = decodeGoJson(await readBody(), SIGNUP_PARAMS);
  if (!params.email && !params.phone) {
    if (!AUTH_CONFIG.anonymousEnabled) throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  }
  if (AUTH_CONFIG.disableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  throw notLocal('Sign-up');
}

/** token.go PKCE: no flow state exists locally, so every well-formed request finds none. */
export async function pkceGrant({ readBody }) {
  const params = decodeGoJson(await readBody(), PKCE_GRANT_PARAMS);
  if (!params.auth_code || !params.code_verifier) {
    throw badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  }
  throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
}

/** web3.go Web3Grant with both chains off. */
export function web3Grant() {
  throw unprocessable('web3_provider_disabled', 'Web3 provider is disabled');
}

/** /invite: middleware.go requireAdminCredentials + auth.go requireAdmin, then not here. */
export function invite({ req }) {
  const claims = requireClaims(req);
  if (!AUTH_CONFIG.adminRoles.includes(claims.role)) throw forbidden('not_admin', 'User not allowed');
  throw notLocal('The Auth admin API');
}

/** The require*Enabled middlewares of middleware.go, for features config.toml leaves off. */
export const SWITCHED_OFF = {
  saml: () => notFound('saml_provider_disabled', 'SAML 2.0 is disabled'),
  passkeys: () => notFound('passkey_disabled', 'Passkeys are disabled'),
  oauthServer: () => notFound('feature_disabled', 'OAuth server is disabled'),
  scim: () => notFound('feature_disabled', 'SCIM server is disabled'),
  manualLinking: () => notFound('manual_linking_disabled', 'Manual linking is disabled'),
};
