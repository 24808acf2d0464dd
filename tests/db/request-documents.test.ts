// Issue 14, documents in Storage: one set of limits in SQL, the bucket, the site and the Edge
// Functions; who reads the files (active staff, through RLS on storage.objects; anon nothing;
// nobody deletes); staff adding a scanned document and marking the documents checked; the
// hourly cleanup of abandoned uploads.
import { describe, expect, it } from 'vitest';
import { LOCAL_SERVICE_ROLE_KEY, withDb } from './support/clients';
import { anonClient, serviceClient, submitFreshRequest } from './support/staff-clients';
import type { SupabaseClient } from '@supabase/supabase-js';
import { BUCKET, callFunction, pdfBytes, pngWithHtml, privatePage, requestAwaitingReply, staffAs, storedFor, uploadForReply } from './support/private-page';
import { DOCUMENT_MIME_TYPES, DOCUMENT_TYPES, MAX_DOCUMENTS_PER_REQUEST, MAX_DOCUMENT_BYTES } from '../../src/lib/request-documents';
import { DOCUMENT_SIGNATURES } from '../../supabase/functions/_shared/document-types';

/** A request with one document the beneficiary sent; answers its id, the object's name and the bytes. */
async function requestWithDocument() {
  const request = await requestAwaitingReply();
  const bytes = pdfBytes(5000);
  const { names } = await uploadForReply(request.secret, [{ name: 'إفادة المدرسة.pdf', type: 'application/pdf', bytes }]);
  await privatePage('reply', { secret: request.secret, text: 'أرفقت الإفادة', object_names: names });
  return { ...request, name: names[0]!, bytes };
}

describe('the limits, defined once in each layer', () => {
  it('internal.request_document_limits(), the bucket, src/lib and the Edge Functions agree', async () => {
    const [limits] = await withDb(async (db) => (await db.query('select max_bytes::int, max_files, mime_types from internal.request_document_limits()')).rows);
    expect(limits).toEqual({ max_bytes: MAX_DOCUMENT_BYTES, max_files: MAX_DOCUMENTS_PER_REQUEST, mime_types: DOCUMENT_MIME_TYPES });
    const [bucket] = await withDb(async (db) => (await db.query(`select public, file_size_limit::int, allowed_mime_types from storage.buckets where id = $1`, [BUCKET])).rows);
    expect(bucket).toEqual({ public: false, file_size_limit: MAX_DOCUMENT_BYTES, allowed_mime_types: DOCUMENT_MIME_TYPES });
    expect(Object.keys(DOCUMENT_SIGNATURES)).toEqual(DOCUMENT_MIME_TYPES);
    for (const type of DOCUMENT_MIME_TYPES) expect(DOCUMENT_SIGNATURES[type]).toEqual(DOCUMENT_TYPES[type].signature);
  });
});

describe('who reads the files', () => {
  it('anon lists and reads no object of the bucket, even knowing its name', async () => {
    const { id, name } = await requestWithDocument();
    const storage = anonClient().storage.from(BUCKET);
    expect((await storage.list(id)).data).toEqual([]);
    expect((await storage.list()).data).toEqual([]);
    expect((await storage.download(name)).error).toMatchObject({ statusCode: '404' });
    expect((await storage.createSignedUrl(name, 60)).error).toMatchObject({ statusCode: '404' });
    const { data, error } = await anonClient().from('request_documents').select('*');
    expect([data, error?.code]).toEqual([null, '42501']);
  });

  it('an officer reads and downloads a document as an attachment; an upload not yet accepted stays invisible', async () => {
    const { id, name, bytes } = await requestWithDocument();
    const officer = await staffAs('officer');
    expect((await officer.storage.from(BUCKET).list(id)).data!.map((o) => `${id}/${o.name}`)).toEqual([name]);
    const { data } = await officer.storage.from(BUCKET).createSignedUrl(name, 60, { download: 'IRT-TEST0001-1.pdf' });
    const response = await fetch(data!.signedUrl);
    expect(response.headers.get('content-disposition')).toBe("attachment; filename=IRT-TEST0001-1.pdf; filename*=UTF-8''IRT-TEST0001-1.pdf");
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    const waiting = await requestAwaitingReply();
    const { names } = await uploadForReply(waiting.secret, [{ name: 'later.pdf', type: 'application/pdf', bytes: pdfBytes() }]);
    expect((await storedFor(waiting.id)).files).toEqual(names);
    expect((await officer.storage.from(BUCKET).list(waiting.id)).data).toEqual([]);
    expect((await officer.storage.from(BUCKET).download(names[0]!)).error).toMatchObject({ statusCode: '404' });
  });

  it('a deactivated member reads nothing', async () => {
    const { name } = await requestWithDocument();
    const former = await staffAs('officer').then(() => import('./support/staff-clients')).then(async ({ clientAs }) => {
      const [row] = await withDb(async (db) => (await db.query(`select user_id from public.staff where not active limit 1`)).rows);
      return clientAs(row.user_id);
    });
    expect((await former.storage.from(BUCKET).download(name)).error).toMatchObject({ statusCode: '404' });
    expect((await former.from('request_documents').select('id')).data).toEqual([]);
  });

  it('nobody deletes a document: not staff of any role, not anon, not with SQL', async () => {
    const { id, name } = await requestWithDocument();
    for (const client of [await staffAs('officer'), await staffAs('supervisor'), await staffAs('admin'), anonClient()]) {
      expect((await client.storage.from(BUCKET).remove([name])).data).toEqual([]);
      const { error } = await client.from('request_documents').delete().eq('request_id', id);
      expect(error?.code).toBe('42501');
    }
    await expect(withDb((db) => db.query('delete from public.request_documents where request_id = $1', [id]))).rejects.toThrow('request_documents_never_changed');
    expect(await storedFor(id)).toMatchObject({ files: [name], documents: ['إفادة المدرسة.pdf'] });
  });
});

/** Calls the staff-documents function as the UI does (functions.invoke, the member's session); answers status and body. */
async function invoke(client: SupabaseClient, action: string, body: Record<string, unknown>) {
  const { data, error } = await client.functions.invoke(`staff-documents/${action}`, { body });
  if (!error) return { status: 200, body: data };
  const response = (error as { context?: Response }).context!;
  return { status: response.status, body: await response.json() };
}

/** Staff add documents through the staff-documents function, with their own session. */
async function staffUpload(role: 'officer' | 'supervisor' | 'authority', requestId: string, files: { name: string; type: string; bytes: Buffer }[]) {
  const client = await staffAs(role);
  const prepared = await invoke(client, 'prepare', { request_id: requestId, files: files.map((f) => ({ name: f.name, type: f.type, size: f.bytes.length })) });
  if (prepared.status !== 200) return { prepared, finished: null };
  for (const [i, upload] of prepared.body.uploads.entries()) {
    await client.storage.from(BUCKET).uploadToSignedUrl(upload.object_name, upload.token, new Blob([new Uint8Array(files[i]!.bytes)], { type: files[i]!.type }));
  }
  const finished = await invoke(client, 'finish', { request_id: requestId, object_names: prepared.body.uploads.map((u: { object_name: string }) => u.object_name) });
  return { prepared, finished };
}

describe('staff add documents', () => {
  it('an officer adds a scanned letter: a document by them, on the timeline', async () => {
    const { id } = await submitFreshRequest();
    const { finished } = await staffUpload('officer', id, [{ name: 'خطاب بريدي ممسوح.pdf', type: 'application/pdf', bytes: pdfBytes() }]);
    expect(finished).toEqual({ status: 200, body: { accepted: 1 } });
    const officer = await staffAs('officer');
    const { data: documents } = await officer.from('request_documents').select('original_name, added_by').eq('request_id', id);
    const [me] = await withDb(async (db) => (await db.query(`select user_id from public.staff where role = 'officer' and active limit 1`)).rows);
    expect(documents).toEqual([{ original_name: 'خطاب بريدي ممسوح.pdf', added_by: me.user_id }]);
    const { data: events } = await officer.from('request_events').select('kind, actor_role').eq('request_id', id).eq('kind', 'document');
    expect(events).toEqual([{ kind: 'document', actor_role: 'officer' }]);
  });

  it('the authority may not; anon may not; a file that is not what it says is refused and removed', async () => {
    const { id } = await submitFreshRequest();
    const denied = await staffUpload('authority', id, [{ name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes() }]);
    expect(denied.prepared).toMatchObject({ status: 403, body: { code: 'role_not_allowed' } });
    const anon = await callFunction('staff-documents', 'prepare', { request_id: id, files: [{ name: 'a.pdf', type: 'application/pdf', size: 10 }] });
    expect(anon).toMatchObject({ status: 401, body: { code: 'not_signed_in' } });
    const mismatch = await staffUpload('supervisor', id, [{ name: 'scan.pdf', type: 'application/pdf', bytes: pngWithHtml() }]);
    expect(mismatch.finished).toEqual({ status: 400, body: { code: 'document_content_mismatch', field: 'documents' } });
    expect(await storedFor(id)).toMatchObject({ documents: [], files: [], reservations: [] });
  });

  it('the accepting call is the Edge Function’s alone: staff cannot skip the check of the bytes', async () => {
    const { id } = await submitFreshRequest();
    const officer = await staffAs('officer');
    const { data } = await officer.rpc('reserve_staff_documents', { p_request_id: id, p_files: [{ name: 'a.pdf', type: 'application/pdf', size: 10 }] });
    const direct = await officer.rpc('accept_staff_documents', { p_request_id: id, p_object_names: data.object_names });
    expect(direct.error?.code).toBe('42501');
  });
});

describe('marking the documents checked', () => {
  it('is an event by the officer; refused without documents, and with hidden characters in its note', async () => {
    const officer = await staffAs('officer');
    const bare = await submitFreshRequest();
    const none = await officer.rpc('mark_documents_checked', { p_request_id: bare.id, p_note: null });
    expect(none.error?.message).toBe('documents_none');
    const { id } = await requestWithDocument();
    expect((await officer.rpc('mark_documents_checked', { p_request_id: id, p_note: 'طابقت \u202Eالهوية' })).error?.message).toBe('note_characters');
    const checked = await officer.rpc('mark_documents_checked', { p_request_id: id, p_note: 'طابقت الهوية مع البيانات المقدمة' });
    expect(checked.data).toMatchObject({ kind: 'documents_checked', actor_role: 'officer', note: 'طابقت الهوية مع البيانات المقدمة' });
    const authority = await (await staffAs('authority')).rpc('mark_documents_checked', { p_request_id: id, p_note: null });
    expect(authority.error?.message).toBe('role_not_allowed');
  });
});

describe('abandoned uploads', () => {
  it('the hourly cleanup removes files reserved over 3 hours ago and never accepted, and nothing else', async () => {
    const { id: keptId, name: kept } = await requestWithDocument();
    const waiting = await requestAwaitingReply();
    const { names: [abandoned] } = await uploadForReply(waiting.secret, [{ name: 'left.pdf', type: 'application/pdf', bytes: pdfBytes() }]);
    const { names: [recent] } = await uploadForReply(waiting.secret, [{ name: 'now.pdf', type: 'application/pdf', bytes: pdfBytes() }]);
    await withDb((db) => db.query(`update internal.document_uploads set created_at = now() - interval '4 hours' where object_name = $1`, [abandoned]));

    expect((await callFunction('request-documents-cleanup', 'run', {})).status).toBe(403);
    const run = await callFunction('request-documents-cleanup', 'run', { source: 'schedule' }, { token: LOCAL_SERVICE_ROLE_KEY });
    expect(run.status).toBe(200);
    expect(run.body.removed).toBeGreaterThanOrEqual(1);
    expect(await storedFor(waiting.id)).toMatchObject({ files: [recent], reservations: [recent] });
    expect((await storedFor(keptId)).files).toEqual([kept]);
    expect((await serviceClient().storage.from(BUCKET).download(abandoned!)).error).toMatchObject({ statusCode: '404' });
  });
});
