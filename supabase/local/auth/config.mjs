// The GoTrue configuration the local auth answers with: what supabase/config.toml sets for the
// hosted project, with GoTrue's own defaults for the rest (tests/db/auth-config.test.ts holds the
// two together). Every behaviour follows GoTrue's source at GOTRUE_SOURCE; when hosted Supabase
// moves to a newer release, re-read the files listed in supabase/CONTRACT.md ("Local auth").
export const GOTRUE_SOURCE = Object.freeze({
  repository: 'supabase/auth',
  release: 'v2.196.0',
  commit: 'bc32168e13fdc928c98b449fc76bc3fdb9a293c5',
});

export const AUTH_CONFIG = Object.freeze({
  /** GOTRUE_JWT_EXP (config.toml auth.jwt_expiry). */
  jwtExpirySeconds: 3600,
  /** GOTRUE_JWT_AUD: the audience of every user the local stack has. */
  audience: 'authenticated',
  /** GOTRUE_JWT_ADMIN_ROLES: roles whose token `aud` is ignored. */
  adminRoles: ['service_role', 'supabase_admin'],
  /** GOTRUE_SECURITY_REFRESH_TOKEN_ROTATION_ENABLED / _REUSE_INTERVAL (config.toml auth). */
  refreshTokenRotation: true,
  refreshTokenReuseIntervalSeconds: 10,
  /** GOTRUE_DISABLE_SIGNUP (config.toml auth.enable_signup = false). */
  disableSignup: true,
  /** GOTRUE_EXTERNAL_EMAIL_ENABLED (config.toml auth.email.enable_signup), _PHONE_, anonymous sign-ins. */
  emailEnabled: true,
  phoneEnabled: false,
  anonymousEnabled: false,
  /** GOTRUE_MAILER_AUTOCONFIRM = !auth.email.enable_confirmations. */
  mailerAutoconfirm: true,
  mfa: Object.freeze({
    totpEnroll: true,
    totpVerify: true,
    phoneEnroll: false,
    phoneVerify: false,
    webauthnEnroll: false,
    webauthnVerify: false,
    maxEnrolledFactors: 10,
    maxVerifiedFactors: 10,
    challengeExpirySeconds: 300,
    factorExpirySeconds: 300,
  }),
  /**
   * Bodies above this are refused with GoTrue's 413 (GoTrue itself reads up to 1 MB; a sign-in
   * is a few hundred bytes, and the gateway caps every body at 256 KB anyway).
   */
  maxBodyBytes: 64 * 1024,
});
