// GoTrue's error answers (internal/api/errors.go HandleResponseError, apierrors/apierrors.go,
// apiversions.go): the body shape follows the X-Supabase-Api-Version the client sent, the code
// also goes in x-sb-error-code, and a 2024-01-01 client gets that version echoed back.
export class AuthError extends Error {
  /** `keepChanges`: commit what the request did before refusing (ending a leaked session). */
  constructor(status, code, message, { keepChanges = false, headers = {} } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.keepChanges = keepChanges;
    this.headers = headers;
  }
}

export const badRequest = (code, message, options) => new AuthError(400, code, message, options);
export const forbidden = (code, message) => new AuthError(403, code, message);
export const notFound = (code, message) => new AuthError(404, code, message);
export const unprocessable = (code, message) => new AuthError(422, code, message);

const API_VERSION_2024 = '2024-01-01';

/** apiversions.go DetermineClosestAPIVersion: a real calendar date, else the initial version. */
export function closestApiVersion(header) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(header ?? '');
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return header >= API_VERSION_2024 ? API_VERSION_2024 : null;
}

/** Status, headers and JSON body of an AuthError, as handleResponseErrorHTTP writes them. */
export function errorResponse(error, apiVersionHeader) {
  const version = closestApiVersion(apiVersionHeader);
  const headers = { 'content-type': 'application/json', ...error.headers };
  if (version) headers['x-supabase-api-version'] = version;
  if (error.code) headers['x-sb-error-code'] = error.code;
  const body = version
    ? { code: error.code, message: error.message }
    : { code: error.status, error_code: error.code, msg: error.message };
  return { status: error.status, headers, body: JSON.stringify(body) };
}

/** GoTrue's router (chi) for a path it has no route for: net/http's plain-text 404. */
export class RouteNotFound extends Error {
  status = 404;
  body = '404 page not found\n';
  headers = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
}

/** chi's answer to a known path with a method it has no handler for: 405, no body. */
export class MethodNotAllowed extends Error {
  status = 405;
  body = '';
  headers = {};
}
