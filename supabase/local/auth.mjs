// The local stand-in for Supabase Auth (GoTrue): the endpoints @supabase/supabase-js uses for
// staff password sign-in, sessions and TOTP MFA, answering as GoTrue's source does (statuses,
// error codes, messages, body keys, headers, effects on sessions). The modules in auth/ each
// name the GoTrue file they follow; auth/config.mjs records the GoTrue commit they were checked
// against; supabase/CONTRACT.md ("Local auth") lists what is left out and how that answers.
import { AuthError, RouteNotFound, MethodNotAllowed, errorResponse } from './auth/errors.mjs';
import { inTransaction } from './auth/db.mjs';
import { readBody } from './auth/request.mjs';
import { dispatch } from './auth/routes.mjs';
import { UNAVAILABLE, isDatabaseUnavailable, unavailableHeaders } from './unavailable.mjs';
import { createSignInThrottle } from './sign-in-throttle.mjs';
import { createMfaVerifyThrottle } from './auth/mfa/verify-throttle.mjs';

const FORM = 'application/x-www-form-urlencoded';

function requestContext(req, url, extra) {
  let body = null;
  const read = () => (body ??= readBody(req));
  return {
    ...extra,
    req,
    url,
    headers: {},
    readBody: read,
    // net/http FormValue: a form body is parsed (and so consumed) to find grant_type.
    async formGrantType() {
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith(FORM)) return null;
      const grant = new URLSearchParams((await read()).toString('utf8')).get('grant_type');
      body = Promise.resolve(Buffer.alloc(0));
      return grant;
    },
  };
}

function failure(error) {
  if (error instanceof AuthError) return error;
  if (isDatabaseUnavailable(error)) return new AuthError(503, UNAVAILABLE.code, UNAVAILABLE.message, { headers: unavailableHeaders });
  console.error('[auth]', error);
  return new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
}

/**
 * Handles /auth/v1/<path> (`url.pathname` has the prefix stripped); answers through
 * respond(status, headers, body string or null).
 */
export function createAuth({ pool, issuer, siteUrl, signInThrottle = createSignInThrottle(), mfaThrottle = createMfaVerifyThrottle() }) {
  return async function handle(req, url, respond) {
    const ctx = requestContext(req, url, { issuer, siteUrl, signInThrottle, mfaThrottle });
    try {
      const result = await inTransaction(pool, (db) => dispatch({ ...ctx, db }));
      const headers = { ...ctx.headers, ...result.headers };
      if (result.body === null) return respond(result.status, headers, null);
      respond(result.status, { 'content-type': 'application/json', ...headers }, JSON.stringify(result.body));
    } catch (error) {
      if (error instanceof RouteNotFound || error instanceof MethodNotAllowed) return respond(error.status, error.headers, error.body);
      const { status, headers, body } = errorResponse(failure(error), req.headers['x-supabase-api-version']);
      respond(status, { ...ctx.headers, ...headers }, body);
    }
  };
}
