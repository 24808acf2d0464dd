// The endpoints that describe the server (internal/api/api.go HealthCheck, settings.go,
// jwks.go WellKnownJwks and WellKnownOpenID), for the local configuration.
import { AUTH_CONFIG, GOTRUE_SOURCE } from './config.mjs';

const PROVIDERS = [
  'anonymous_users', 'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'snapchat', 'figma', 'fly', 'github', 'gitlab',
  'google', 'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc', 'workos',
  'twitch', 'twitter', 'email', 'phone', 'zoom',
];

export const health = () => ({
  status: 200,
  body: { version: `${GOTRUE_SOURCE.release}-irtiqaa-local`, name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' },
});

export const settings = () => ({
  status: 200,
  body: {
    external: Object.fromEntries(PROVIDERS.map((p) => [p, (p === 'email' && AUTH_CONFIG.emailEnabled) || (p === 'phone' && AUTH_CONFIG.phoneEnabled) || (p === 'anonymous_users' && AUTH_CONFIG.anonymousEnabled)])),
    disable_signup: AUTH_CONFIG.disableSignup,
    mailer_autoconfirm: AUTH_CONFIG.mailerAutoconfirm,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  },
});

/** A project with only a shared HS256 secret publishes no keys (supabase-js then checks with GET /user). */
export const jwks = () => ({ status: 200, headers: { 'cache-control': 'public, max-age=600' }, body: { keys: [] } });

export const openIdConfiguration = ({ issuer }) => {
  const base = issuer.replace(/\/+$/, '');
  return {
    status: 200,
    body: {
      issuer,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      userinfo_endpoint: `${base}/oauth/userinfo`,
      scopes_supported: ['openid', 'profile', 'email', 'phone', 'offline_access'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256', 'HS256', 'ES256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      claims_supported: [
        'sub', 'aud', 'iss', 'exp', 'iat', 'auth_time', 'nonce', 'email', 'email_verified',
        'phone_number', 'phone_number_verified', 'name', 'picture', 'preferred_username', 'updated_at',
      ],
      code_challenge_methods_supported: ['S256', 'plain'],
    },
    headers: { 'cache-control': 'public, max-age=600' },
  };
};
