// The Storage API's errors as the hosted server (supabase/storage) renders them: HTTP 400 for
// every refusal that is not a server fault, the real status as a string in the body's
// `statusCode`, plus `code`, `error` and `message` (src/internal/errors/codes.ts, error-handler.ts).
export class StorageError extends Error {
  constructor({ statusCode, code, error = code, message, httpStatus = statusCode === 500 ? 500 : 400 }) {
    super(message);
    Object.assign(this, { statusCode, code, error, httpStatus });
  }

  body() {
    return { statusCode: String(this.statusCode), code: this.code, error: this.error, message: this.message };
  }
}

export const ERRORS = {
  noSuchBucket: () => new StorageError({ statusCode: 404, code: 'NoSuchBucket', error: 'Bucket not found', message: 'Bucket not found' }),
  noSuchKey: () => new StorageError({ statusCode: 404, code: 'NoSuchKey', error: 'not_found', message: 'Object not found' }),
  invalidKey: (key) => new StorageError({ statusCode: 400, code: 'InvalidKey', message: `Invalid key: ${key}` }),
  invalidJwt: (message = 'Invalid JWT') => new StorageError({ statusCode: 400, code: 'InvalidJWT', message }),
  invalidSignature: (message = 'Invalid signature') => new StorageError({ statusCode: 400, code: 'InvalidSignature', message }),
  expiredSignature: () => new StorageError({ statusCode: 400, code: 'ExpiredToken', message: 'The provided token has expired.' }),
  accessDenied: (message = 'Access denied') => new StorageError({ statusCode: 403, code: 'AccessDenied', error: 'Unauthorized', message }),
  rowLevelSecurity: () => ERRORS.accessDenied('new row violates row-level security policy'),
  alreadyExists: () => new StorageError({ statusCode: 409, code: 'ResourceAlreadyExists', error: 'Duplicate', message: 'The resource already exists' }),
  entityTooLarge: () =>
    new StorageError({ statusCode: 413, code: 'EntityTooLarge', error: 'Payload too large', message: 'The object exceeded the maximum allowed size' }),
  invalidMimeType: (mimeType) =>
    new StorageError({ statusCode: 415, code: 'InvalidMimeType', error: 'invalid_mime_type', message: `mime type ${mimeType} is not supported` }),
  noContent: () => new StorageError({ statusCode: 400, code: 'InvalidRequest', message: 'No content provided' }),
  invalidRequest: (message) => new StorageError({ statusCode: 400, code: 'InvalidRequest', message }),
  notFound: () => new StorageError({ statusCode: 404, code: 'NotFound', error: 'Not Found', message: 'Route not found', httpStatus: 404 }),
};

/** The StorageError a PostgreSQL error means, as the hosted server maps them (database/errors.ts). */
export function fromDatabaseError(error) {
  if (error instanceof StorageError) return error;
  if (error?.code === '42501') return error.message?.includes('row-level security') ? ERRORS.rowLevelSecurity() : ERRORS.accessDenied(error.message);
  if (error?.code === '23505') return ERRORS.alreadyExists();
  // Data PostgreSQL cannot hold or compare (a NUL in a name, a number out of range): the caller's input.
  if (typeof error?.code === 'string' && error.code.startsWith('22')) return ERRORS.invalidRequest(error.message);
  return null;
}
