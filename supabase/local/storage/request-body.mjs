// Reading what a Storage call sends: a small JSON body, or an uploaded file (multipart form, as
// storage-js sends a Blob or File, or the raw bytes with their Content-Type), with the bucket's
// size and type limits applied as the hosted server applies them (uploader.ts).
import { ERRORS } from './errors.mjs';

const MAX_JSON_BYTES = 64 * 1024;
// A multipart body is the file plus its boundaries and a few small fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Reads the whole body into memory, up to `limit` bytes; rejects on a body cut off or too long. */
export function readAll(req, limit, tooLong) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let ended = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        return reject(tooLong());
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('close', () => ended || reject(new Error('the request body was cut off')));
    req.on('error', reject);
  });
}

export async function readJson(req) {
  const raw = await readAll(req, MAX_JSON_BYTES, () => ERRORS.invalidRequest('Body is too large'));
  if (!raw.length) return {};
  let body;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw ERRORS.invalidRequest('Body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw ERRORS.invalidRequest('body must be object');
  return body;
}

/** Hosted's validateMimeType: "type/subtype" must match an allowed "type/subtype" or "type/*". */
export function checkMimeType(mimeType, allowed) {
  if (!allowed?.length) return;
  const [type, subtype, ...rest] = mimeType.split('/');
  if (subtype === undefined || rest.length) throw ERRORS.invalidMimeType(mimeType);
  const ok = allowed.some((a) => {
    const [allowedType, allowedSubtype] = a.split('/');
    return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
  });
  if (!ok) throw ERRORS.invalidMimeType(mimeType);
}

function userMetadataFrom(header) {
  if (typeof header !== 'string' || !header) return null;
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    throw ERRORS.invalidRequest('Invalid x-metadata header');
  }
}

/**
 * What the upload says about its file before any of it is stored: { mimeType, cacheControl,
 * userMetadata, buffer? } (buffer: a multipart file, already read), or for raw bytes the request
 * itself is the file's stream. Throws the hosted refusal for a wrong type or a size over `maxBytes`.
 */
export async function describeUpload(req, { maxBytes, allowedMimeTypes }) {
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const raw = await readAll(req, maxBytes + MULTIPART_OVERHEAD_BYTES, ERRORS.entityTooLarge);
    let form;
    try {
      form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    } catch {
      throw ERRORS.noContent();
    }
    const file = [...form.values()].find((v) => typeof v !== 'string');
    if (!file) throw ERRORS.noContent();
    const mimeType = form.get('contentType') || file.type || 'text/plain';
    checkMimeType(mimeType, allowedMimeTypes);
    if (file.size > maxBytes) throw ERRORS.entityTooLarge();
    const cacheTime = form.get('cacheControl');
    const metadata = form.get('metadata');
    let userMetadata = null;
    try {
      userMetadata = typeof metadata === 'string' ? JSON.parse(metadata) : null;
    } catch {}
    return { mimeType, cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache', userMetadata, buffer: Buffer.from(await file.arrayBuffer()) };
  }
  const mimeType = contentType || 'application/octet-stream';
  checkMimeType(mimeType, allowedMimeTypes);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw ERRORS.entityTooLarge();
  return { mimeType, cacheControl: req.headers['cache-control'] ?? 'no-cache', userMetadata: userMetadataFrom(req.headers['x-metadata']), buffer: null };
}
