// What the gateway says while a part of the stack is down or too slow: 503 with a JSON body
// (code + message) and Retry-After, never a hang, an opaque 502 or a 500.
export const RETRY_AFTER_SECONDS = 2;

export const UNAVAILABLE = {
  code: 'service_unavailable',
  message: 'The service is briefly unavailable; try again in a moment. Nothing was saved from this attempt.',
};

// The upstream accepted the request but did not answer in time: it may have been saved, so
// the client must retry with the same idempotency key rather than assume either way.
export const TIMED_OUT = {
  code: 'upstream_timeout',
  message: 'The service took too long to answer; try again in a moment with the same request.',
};

// The database connection broke while PostgREST ran the request (PostgREST 12.0.2 then answers
// 400 with an empty code and message): it may or may not have been saved.
export const INTERRUPTED = {
  code: 'service_interrupted',
  message: 'The service was interrupted while answering; try again in a moment with the same request.',
};

export const unavailableHeaders = { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS) };

/** True for errors meaning "the database is not there right now" (refused, reset, shutting down, starting). */
export function isDatabaseUnavailable(error) {
  if (!error) return false;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(error.code)) return true;
  // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection exceptions.
  if (typeof error.code === 'string' && (/^57P0[123]$/.test(error.code) || error.code.startsWith('08'))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message ?? '');
}
