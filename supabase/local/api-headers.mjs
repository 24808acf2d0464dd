// The security headers of the gateway's API responses (the site's own are in
// src/security/site-headers.mjs; docs/SECURITY-HEADERS.md explains both).

/** What Supabase's Kong sends on API responses, plus an API CSP that lets nothing render. */
export const API_SECURITY_HEADERS = Object.freeze({
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'cross-origin',
});

/** Sets the API security headers; later writeHead() headers (CORS, content-type) still merge. */
export function applyApiSecurityHeaders(res) {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
}
