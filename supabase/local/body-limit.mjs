// Request body cap for the gateway: the biggest legitimate call is a support request
// (description 4000 characters, at most 4 bytes each in UTF-8, plus short fields: about 17 KB).
// 256 KB leaves a wide margin; anything bigger is refused with 413 before PostgREST sees it.
import { Transform } from 'node:stream';

export const MAX_BODY_BYTES = 256 * 1024;

const TOO_LARGE = JSON.stringify({
  code: 'payload_too_large',
  message: `Request body is larger than ${MAX_BODY_BYTES} bytes`,
});

// The rest of a refused body is read and dropped, so the client can finish sending and read the
// 413 (closing at once makes it fail with EPIPE instead); a body that goes on and on is cut off.
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

/** Reads and drops the rest of a refused request body, cutting it off after `cap` bytes. */
export function drain(req, cap = MAX_DRAINED_BYTES) {
  let drained = 0;
  req.on('data', (chunk) => {
    drained += chunk.length;
    if (drained > cap) req.destroy();
  });
  req.resume();
}

function refuse(req, res, headers) {
  drain(req);
  if (res.headersSent) return res.destroy();
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(TOO_LARGE);
}

/**
 * Returns the request body as a stream that stops at `limit` bytes, or null when the declared
 * Content-Length is already too big (413 sent). A chunked body that grows past the limit is cut
 * off mid-stream: `onOverflow` runs (abort the upstream call) and 413 is sent.
 */
export function limitedBody(req, res, headers, { limit = MAX_BODY_BYTES, onOverflow = () => {} } = {}) {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    refuse(req, res, headers);
    return null;
  }
  let seen = 0;
  const counter = new Transform({
    transform(chunk, _enc, done) {
      seen += chunk.length;
      if (seen > limit) {
        onOverflow();
        req.unpipe(counter);
        refuse(req, res, headers);
        return done();
      }
      done(null, chunk);
    },
  });
  return req.pipe(counter);
}
