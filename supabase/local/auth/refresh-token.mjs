// GoTrue's session-signed refresh tokens (internal/crypto/refresh_tokens.go, "algorithm v2"):
// base64url(version 0 | session id (16 bytes) | uvarint counter | HMAC-SHA-256(key) truncated to
// 16 bytes | first 4 bytes of SHA-256 of all before). Nothing token-specific is stored: the
// session keeps its HMAC key and the counter of the last token it issued.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SIGNATURE_LENGTH = 16;
const CHECKSUM_LENGTH = 4;
const MIN_LENGTH = 1 + 16 + 1 + SIGNATURE_LENGTH + CHECKSUM_LENGTH;

/** A new session's key, as stored in auth.sessions.refresh_token_hmac_key (base64url, no padding). */
export const newRefreshTokenKey = () => randomBytes(32).toString('base64url');

function uvarint(n) {
  const bytes = [];
  let value = BigInt(n);
  do {
    let byte = Number(value & 0x7fn);
    value >>= 7n;
    if (value > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0n);
  return Buffer.from(bytes);
}

function readUvarint(bytes) {
  let value = 0n;
  for (let i = 0; i < bytes.length && i < 10; i++) {
    value |= BigInt(bytes[i] & 0x7f) << BigInt(7 * i);
    if (!(bytes[i] & 0x80)) return { value, length: i + 1 };
  }
  return null;
}

const uuidBytes = (uuid) => Buffer.from(uuid.replaceAll('-', ''), 'hex');
const uuidText = (bytes) => bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const sign = (key, message) => createHmac('sha256', Buffer.from(key, 'base64url')).update(message).digest().subarray(0, SIGNATURE_LENGTH);

/** RefreshToken.Encode. `counter` is a bigint or number. */
export function encodeRefreshToken(sessionId, counter, key) {
  const message = Buffer.concat([Buffer.from([0]), uuidBytes(sessionId), uvarint(counter)]);
  const signed = Buffer.concat([message, sign(key, message)]);
  const checksum = createHash('sha256').update(signed).digest().subarray(0, CHECKSUM_LENGTH);
  return Buffer.concat([signed, checksum]).toString('base64url');
}

/** ParseRefreshToken: { sessionId, counter (bigint), message, signature } or null when it is not one. */
export function parseRefreshToken(token) {
  if (/[^A-Za-z0-9_-]/.test(token) || token.length % 4 === 1) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length < MIN_LENGTH || bytes[0] !== 0) return null;
  const body = bytes.subarray(0, bytes.length - CHECKSUM_LENGTH);
  const checksum = createHash('sha256').update(body).digest().subarray(0, CHECKSUM_LENGTH);
  if (!timingSafeEqual(checksum, bytes.subarray(bytes.length - CHECKSUM_LENGTH))) return null;
  const counter = readUvarint(body.subarray(17));
  if (!counter) return null;
  const signature = body.subarray(17 + counter.length);
  if (signature.length !== SIGNATURE_LENGTH) return null;
  const maxInt64 = 2n ** 63n - 1n;
  return {
    sessionId: uuidText(body.subarray(1, 17)),
    counter: counter.value > maxInt64 ? maxInt64 : counter.value,
    message: body.subarray(0, 17 + counter.length),
    signature,
  };
}

/** RefreshToken.CheckSignature against the session's key. */
export const signatureMatches = (parsed, key) => timingSafeEqual(sign(key, parsed.message), parsed.signature);
