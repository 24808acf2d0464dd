// The file types a request document may have and the bytes each starts with (a file's first bytes
// must match its declared type). The same table as src/lib/request-documents.ts, which the browser
// checks first; tests/unit/request-documents.test.ts holds the two together and the database's
// internal.request_document_limits() holds the list.
export const DOCUMENT_SIGNATURES: Readonly<Record<string, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** Whether `bytes` (the start of a file) begin as a file of `type` must. */
export function startsAsDeclared(type: string, bytes: Uint8Array): boolean {
  const signature = Object.hasOwn(DOCUMENT_SIGNATURES, type) ? DOCUMENT_SIGNATURES[type] : undefined;
  return !!signature && bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}
