// Reading an auth request: the body (capped, GoTrue's 413 past the cap; the rest is read and
// dropped so the client sees the answer rather than a reset) and the caller's address.
import { AuthError } from './errors.mjs';
import { AUTH_CONFIG } from './config.mjs';

const MAX_DRAINED_BYTES = 4 * 1024 * 1024;

function tooLarge(limit) {
  return new AuthError(413, 'request_entity_too_large', `Request body too large (max ${limit} bytes)`);
}

/** The whole body as a Buffer; rejects with 413 request_entity_too_large past `limit` bytes. */
export function readBody(req, limit = AUTH_CONFIG.maxBodyBytes) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (refused) {
        if (size > MAX_DRAINED_BYTES) req.destroy();
        return;
      }
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        return reject(tooLarge(limit));
      }
      chunks.push(chunk);
    });
    req.on('end', () => refused || resolve(Buffer.concat(chunks)));
    req.on('error', (error) => refused || reject(error));
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      refused = true;
      reject(tooLarge(limit));
    }
  });
}

/** The address GoTrue records for a challenge or a session (the socket's; X-Forwarded-For is not trusted locally). */
export function clientIp(req) {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}
