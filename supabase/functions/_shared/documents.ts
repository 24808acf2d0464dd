// Request documents in Storage, as the Edge Functions handle them (supabase/CONTRACT.md, "Request
// documents"): signed upload URLs for the names the database reserved, the check of each uploaded
// file's first bytes (read with the service role, which is what can be trusted: the browser
// uploads straight to Storage), and removing the files of uploads that were refused.
import type { SupabaseClient } from 'npm:@supabase/supabase-js@^2';
import { startsAsDeclared } from './document-types.ts';
import { call } from './database.ts';
import { type Body, Refusal, text, unavailable } from './http.ts';

export const DOCUMENT_BUCKET = 'request-documents';
/** The most documents a request may have (internal.request_document_limits(), which checks it again). */
export const MAX_FILES = 10;
const LONGEST_SIGNATURE = 8;

export interface SignedUpload {
  object_name: string;
  token: string;
}

/** The files a body describes (`files: [{ name, type, size }]`, 1 to 10), for the database to check and reserve. */
export function describedFiles(body: Body) {
  if (!Array.isArray(body.files) || body.files.length > MAX_FILES) throw new Refusal(400, 'documents_too_many', 'documents');
  return body.files.map((file) => {
    if (!file || typeof file !== 'object') throw new Refusal(400, 'invalid_request', 'documents');
    const described = file as Body;
    return { name: text(described, 'name', 'document_name'), type: text(described, 'type', 'document_type'), size: described.size };
  });
}

/** A signed upload URL (its token: valid 2 hours, for that one name) for each reserved name. */
export async function signedUploads(service: SupabaseClient, names: string[]): Promise<SignedUpload[]> {
  return Promise.all(
    names.map(async (name) => {
      const { data, error } = await service.storage.from(DOCUMENT_BUCKET).createSignedUploadUrl(name);
      if (error || !data) throw unavailable();
      return { object_name: name, token: data.token };
    }),
  );
}

/** The stored file's type (as Storage serves it) and its first bytes, or null when there is no such file. */
async function startOf(service: SupabaseClient, name: string): Promise<{ type: string; bytes: Uint8Array } | null> {
  const { data, error } = await service.storage.from(DOCUMENT_BUCKET).createSignedUrl(name, 60);
  if (error || !data) return null;
  const response = await fetch(data.signedUrl);
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return null;
  }
  const reader = response.body.getReader();
  const bytes = new Uint8Array(LONGEST_SIGNATURE);
  let filled = 0;
  while (filled < LONGEST_SIGNATURE) {
    const { value, done } = await reader.read();
    if (done) break;
    const take = value.subarray(0, LONGEST_SIGNATURE - filled);
    bytes.set(take, filled);
    filled += take.length;
  }
  await reader.cancel();
  return { type: (response.headers.get('content-type') ?? '').split(';')[0]!.trim(), bytes: bytes.subarray(0, filled) };
}

/**
 * Removes the files of uploads that will not become documents, then forgets their reservations.
 * Only names still reserved: a document's file is never removed, whatever a caller names.
 */
export async function discardUploads(service: SupabaseClient, names: string[]): Promise<void> {
  if (!names.length) return;
  const reserved = await call<string[]>(service, 'reserved_document_uploads', { p_object_names: names });
  if (!reserved.length) return;
  const { error } = await service.storage.from(DOCUMENT_BUCKET).remove(reserved);
  // A file that could not be removed keeps its reservation: the hourly cleanup tries again.
  if (error) throw unavailable();
  await call(service, 'discard_document_uploads', { p_object_names: reserved });
}

/**
 * Checks that every named file is in Storage and starts as its type must; otherwise removes all of
 * them and refuses (document_missing, document_content_mismatch), so nothing half-sent remains.
 */
export async function requireMatchingFiles(service: SupabaseClient, names: string[]): Promise<void> {
  const starts = await Promise.all(names.map((name) => startOf(service, name)));
  const missing = starts.some((start) => start === null);
  const mismatched = starts.some((start) => start && !startsAsDeclared(start.type, start.bytes));
  if (!missing && !mismatched) return;
  await discardUploads(service, names);
  throw new Refusal(400, missing ? 'document_missing' : 'document_content_mismatch', 'documents');
}

/** Runs `accept` (the database accepting the uploads); when it refuses, the files go too. */
export async function acceptOrDiscard<T>(service: SupabaseClient, names: string[], accept: () => Promise<T>): Promise<T> {
  try {
    return await accept();
  } catch (error) {
    if (error instanceof Refusal && error.status < 500) await discardUploads(service, names);
    throw error;
  }
}
