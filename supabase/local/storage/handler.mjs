// The subset of the Storage API (/storage/v1/*) that the portal's calls use, through the
// unmodified storage-js: signed upload URLs and uploads to them, uploads, signed download URLs,
// downloads, listing and removing objects. Paths, bodies, statuses and errors as the hosted
// server (supabase/storage, src/http/routes/object/*); supabase/CONTRACT.md lists what it leaves out.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { verifyJwt, bearerToken } from '../jwt.mjs';
import { LOCAL_JWT_SECRET } from '../keys.mjs';
import { isDatabaseUnavailable, UNAVAILABLE, unavailableHeaders } from '../unavailable.mjs';
import { drain } from '../body-limit.mjs';
import { ERRORS, StorageError, fromDatabaseError } from './errors.mjs';
import { createFileStore, TooLarge } from './files.mjs';
import { storageDb } from './db.mjs';
import { describeUpload, readJson } from './request-body.mjs';
import { signDownloadToken, signUploadToken, verifyObjectToken } from './tokens.mjs';

/** Hosted's default global cap on one file (FILE_SIZE_LIMIT); a bucket's own limit may only lower it. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
// Hosted: object keys are limited to these characters (src/storage/limits.ts). Locally `.` and `..`
// segments are refused as well.
const VALID_OBJECT_KEY = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]*$/;
const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);
// What is read and dropped of a refused upload, so the client can read the answer.
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

function mustBeValidKey(name) {
  const segments = name.split('/');
  if (!name || !VALID_OBJECT_KEY.test(name) || segments.some((s) => s === '.' || s === '..')) throw ERRORS.invalidKey(name);
}

/** The caller's verified claims (storage's jwt plugin): the Authorization bearer token, signed with the project secret. */
function claimsOf(req) {
  const token = bearerToken(req) ?? '';
  const claims = verifyJwt(token);
  if (!claims) {
    const expired = verifyJwt(token, LOCAL_JWT_SECRET, 0);
    throw ERRORS.accessDenied(expired ? '"exp" claim timestamp check failed' : token ? 'signature verification failed' : 'Invalid Compact JWS');
  }
  if (!API_ROLES.has(claims.role)) throw ERRORS.accessDenied('Access denied: Invalid role');
  return claims;
}

/** "/object/<bucket>/<a>/<b>" -> ['object', '<bucket>', '<a>', '<b>'], each segment percent-decoded. */
function segmentsOf(rawPath) {
  try {
    return rawPath.split('/').filter((s, i) => i > 0 || s).map(decodeURIComponent);
  } catch {
    throw ERRORS.invalidRequest('The path is not valid percent-encoding');
  }
}

function contentDisposition(download) {
  if (download === null) return {};
  if (download === '') return { 'content-disposition': 'attachment;' };
  const encoded = encodeURIComponent(download);
  return { 'content-disposition': `attachment; filename=${encoded}; filename*=UTF-8''${encoded}` };
}

export function createStorageHandler({ pool, dataDir, log = (m) => console.error(m) }) {
  const files = createFileStore(path.join(dataDir, 'storage'));
  const db = storageDb(pool);

  async function bucketLimits(bucketId) {
    const bucket = await db.findBucket(bucketId);
    if (!bucket) throw ERRORS.noSuchBucket();
    const own = bucket.file_size_limit === null ? Infinity : Number(bucket.file_size_limit);
    return { maxBytes: Math.min(own, MAX_FILE_BYTES), allowedMimeTypes: bucket.allowed_mime_types ?? [] };
  }

  /** Hosted's uploader: check type and size, test the RLS permission, write the file, then record the row. */
  async function upload(req, { bucketId, name, claims, owner, upsert }) {
    mustBeValidKey(name);
    const limits = await bucketLimits(bucketId);
    const file = await describeUpload(req, limits);
    await db.testUpload(claims, { bucketId, name, owner, upsert, metadata: { mimetype: file.mimeType } });
    let received;
    try {
      received = file.buffer ? await files.receiveBuffer(file.buffer) : await files.receive(req, limits.maxBytes);
    } catch (error) {
      throw error instanceof TooLarge ? ERRORS.entityTooLarge() : error;
    }
    const version = randomUUID();
    await files.commit(received.incoming, bucketId, version);
    const lastModified = new Date().toISOString();
    const metadata = {
      eTag: received.eTag, size: received.size, mimetype: file.mimeType, cacheControl: file.cacheControl,
      lastModified, contentLength: received.size, httpStatusCode: 200,
    };
    try {
      const { id, previousVersion } = await db.completeUpload({ bucketId, name, owner, metadata, userMetadata: file.userMetadata, version });
      if (previousVersion && previousVersion !== version) await files.remove(bucketId, previousVersion);
      return { id, key: `${bucketId}/${name}` };
    } catch (error) {
      await files.remove(bucketId, version);
      throw error;
    }
  }

  async function sendObject(res, cors, { bucketId, object, download, expires }) {
    if (!object.version || !(await files.exists(bucketId, object.version))) {
      throw new StorageError({ statusCode: 404, code: 'NoSuchKey', error: 'Not found', message: 'The resource was not found' });
    }
    const meta = object.metadata ?? {};
    res.writeHead(200, {
      ...cors,
      'content-type': meta.mimetype ?? 'application/octet-stream',
      'content-length': String(meta.size ?? meta.contentLength),
      etag: meta.eTag ?? '',
      'last-modified': new Date(meta.lastModified ?? object.updated_at).toUTCString(),
      'x-robots-tag': 'none',
      ...(expires ? { expires } : { 'cache-control': meta.cacheControl ?? 'no-cache' }),
      ...contentDisposition(download),
    });
    files.open(bucketId, object.version).on('error', () => res.destroy()).pipe(res);
  }

  async function route(req, res, cors, json) {
    const [rawPath, query = ''] = (req.url ?? '').slice('/storage/v1'.length).split('?');
    const params = new URLSearchParams(query);
    const [area, ...rest] = segmentsOf(rawPath);
    if (area !== 'object') throw ERRORS.notFound();
    const method = req.method;
    const objectAt = (from) => ({ bucketId: rest[from] ?? '', name: rest.slice(from + 1).join('/') });

    if (rest[0] === 'upload' && rest[1] === 'sign') {
      const { bucketId, name } = objectAt(2);
      if (method === 'POST') {
        const claims = claimsOf(req);
        mustBeValidKey(name);
        const upsert = req.headers['x-upsert'] === 'true';
        req.resume();
        await db.testUpload(claims, { bucketId, name, owner: claims.sub, upsert, metadata: { mimetype: req.headers['content-type'] } });
        const token = signUploadToken({ url: `${bucketId}/${name}`, owner: claims.sub, upsert });
        return json(200, { url: `/object/upload/sign/${bucketId}/${name}?token=${token}`, token });
      }
      if (method === 'PUT') {
        const { owner, upsert } = verifyObjectToken(params.get('token'), `${bucketId}/${name}`, 'upload');
        const { key } = await upload(req, { bucketId, name, claims: null, owner, upsert });
        return json(200, { Key: key });
      }
    }
    if (rest[0] === 'sign') {
      const { bucketId, name } = objectAt(1);
      if (method === 'POST') {
        const claims = claimsOf(req);
        const { expiresIn } = await readJson(req);
        if (!Number.isInteger(expiresIn) || expiresIn < 1) throw ERRORS.invalidRequest('expiresIn must be a positive integer');
        if (!(await db.findObject(claims, bucketId, name))) throw ERRORS.noSuchKey();
        const token = signDownloadToken({ url: `${bucketId}/${name}`, expiresIn });
        return json(200, { signedURL: `/object/sign/${bucketId}/${name}?token=${token}` });
      }
      if (method === 'GET') {
        const { exp } = verifyObjectToken(params.get('token'), `${bucketId}/${name}`, 'download');
        const object = await db.findObject(null, bucketId, name);
        if (!object) throw ERRORS.noSuchKey();
        return sendObject(res, cors, { bucketId, object, download: params.get('download'), expires: new Date(exp * 1000).toUTCString() });
      }
    }
    if (rest[0] === 'list' && method === 'POST') {
      const claims = claimsOf(req);
      const body = await readJson(req);
      const texts = [body.prefix, body.search, body.sortBy?.column, body.sortBy?.order];
      if (texts.some((t) => t !== undefined && typeof t !== 'string') || (body.sortBy !== undefined && typeof body.sortBy !== 'object')) {
        throw ERRORS.invalidRequest('prefix, search and sortBy.column / sortBy.order must be strings');
      }
      let prefix = body.prefix ?? '';
      if (prefix && !prefix.endsWith('/')) prefix += '/';
      const limit = body.limit ?? 100;
      const offset = body.offset ?? 0;
      if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0 || offset > 2 ** 31 - 1) {
        throw ERRORS.invalidRequest('limit must be a positive integer and offset a non-negative integer');
      }
      const rows = await db.search(claims, {
        bucketId: rest[1] ?? '', prefix, limit: Math.min(limit, 1000), offset,
        search: body.search ?? '', sortColumn: body.sortBy?.column ?? 'name', sortOrder: body.sortBy?.order ?? 'asc',
      });
      return json(200, rows);
    }
    if (method === 'GET') {
      const { bucketId, name } = objectAt(rest[0] === 'authenticated' ? 1 : 0);
      const object = await db.findObject(claimsOf(req), bucketId, name);
      if (!object) throw ERRORS.noSuchKey();
      return sendObject(res, cors, { bucketId, object, download: params.get('download') });
    }
    if (method === 'POST' && rest.length >= 2) {
      const claims = claimsOf(req);
      const { bucketId, name } = objectAt(0);
      const { id, key } = await upload(req, { bucketId, name, claims, owner: claims.sub, upsert: req.headers['x-upsert'] === 'true' });
      return json(200, { Id: id, Key: key });
    }
    if (method === 'DELETE' && rest.length === 1) {
      const claims = claimsOf(req);
      const { prefixes } = await readJson(req);
      if (!Array.isArray(prefixes) || !prefixes.length || prefixes.length > 1000 || !prefixes.every((p) => typeof p === 'string')) {
        throw ERRORS.invalidRequest('prefixes must be a list of 1 to 1000 object names');
      }
      const deleted = await db.deleteObjects(claims, rest[0], prefixes);
      await Promise.all(deleted.map((o) => files.remove(o.bucket_id, o.version)));
      return json(200, deleted);
    }
    throw ERRORS.notFound();
  }

  return async function handle(req, res, cors) {
    const json = (status, body, extra = {}) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...cors, ...extra }).end(JSON.stringify(body));
    try {
      await route(req, res, cors, json);
    } catch (error) {
      if (res.headersSent) return res.destroy();
      if (req.destroyed && !req.complete) return res.destroy(); // cut off by the client: nobody to answer
      // A refused upload may still be arriving: read and drop the rest (capped), so the client reads the answer.
      drain(req, MAX_DRAINED_BYTES);
      const known = fromDatabaseError(error);
      if (known) return json(known.httpStatus, known.body());
      if (isDatabaseUnavailable(error)) return json(503, UNAVAILABLE, unavailableHeaders);
      log(`[storage] ${req.method} ${req.url?.split('?')[0]}: ${error.stack ?? error}`);
      const internal = new StorageError({ statusCode: 500, code: 'InternalError', error: 'Internal', message: 'Internal Server Error' });
      return json(500, internal.body());
    }
  };
}
