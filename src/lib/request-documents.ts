/**
 * What a request document may be (policy numbers: internal.request_document_limits() in SQL,
 * and supabase/functions/_shared/document-types.ts for the Edge Functions; tests hold the three
 * together): 10 MB a file, 10 files a request, PDF, JPEG or PNG, each recognised by its first bytes.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_REQUEST = 10;

export const DOCUMENT_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'], signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'], signature: [0xff, 0xd8, 0xff] },
  'image/png': { label: 'PNG', extensions: ['png'], signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_MIME_TYPES = Object.keys(DOCUMENT_TYPES) as DocumentType[];

/** What a file picker may offer: the types and their extensions (`accept`). */
export const DOCUMENT_ACCEPT = DOCUMENT_MIME_TYPES.flatMap((type) => [type, ...DOCUMENT_TYPES[type].extensions.map((e) => `.${e}`)]).join(',');

/** The bytes a document's signature needs. */
export const SIGNATURE_BYTES = Math.max(...DOCUMENT_MIME_TYPES.map((type) => DOCUMENT_TYPES[type].signature.length));

export const isDocumentType = (type: string): type is DocumentType => Object.hasOwn(DOCUMENT_TYPES, type);

/** The type a file declares: the browser's, or by its extension when the browser names none. */
export function declaredType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return DOCUMENT_MIME_TYPES.find((type) => (DOCUMENT_TYPES[type].extensions as readonly string[]).includes(extension)) ?? '';
}

/** Whether a file's first bytes begin as its declared type's must. */
export function startsAsDeclared(type: string, firstBytes: Uint8Array): boolean {
  if (!isDocumentType(type)) return false;
  const signature = DOCUMENT_TYPES[type].signature;
  return firstBytes.length >= signature.length && signature.every((byte, i) => firstBytes[i] === byte);
}

/**
 * The name a download is saved under: ASCII only (Storage encodes a non-ASCII download name
 * twice), e.g. `IRT-7K3M9QXA-2.pdf`; the original name is shown beside it.
 */
export function downloadName(reference: string, position: number, type: string): string {
  const extension = isDocumentType(type) ? DOCUMENT_TYPES[type].extensions[0] : 'bin';
  return `${reference}-${position}.${extension}`;
}
