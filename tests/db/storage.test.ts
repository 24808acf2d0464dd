// The Storage subset of the local gateway, through the unmodified storage-js (supabase-js
// `storage.from(bucket)`), on a test bucket with RLS policies this file creates the way a
// migration would. Answers must be hosted Supabase's: statuses, bodies, headers, bytes.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, apiUrl, LOCAL_SERVICE_ROLE_KEY, serviceClient, staff, withDb } from './support/clients';
import { signJwt } from '../../supabase/local/keys.mjs';
import { siteUrl } from '../../config/ports.mjs';

const bucket = `test-documents-${randomUUID().slice(0, 8)}`;
const LIMIT = 1024 * 1024;
const pdf = (bytes: Buffer) => new Blob([new Uint8Array(bytes)], { type: 'application/pdf' });
const pdfBytes = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
let dataRoot: string;

beforeAll(async () => {
  dataRoot = await withDb(async (db) => {
    await db.query(
      `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
       values ($1, $1, false, $2, array['application/pdf', 'image/*'])`,
      [bucket, LIMIT],
    );
    // What a migration would create: staff add scanned letters under letters/, and read the bucket.
    await db.query(`create policy "Test staff can add letters to ${bucket}" on storage.objects for insert to authenticated
      with check (bucket_id = '${bucket}' and (storage.foldername(name))[1] = 'letters')`);
    await db.query(`create policy "Test staff can read ${bucket}" on storage.objects for select to authenticated
      using (bucket_id = '${bucket}')`);
    return path.dirname((await db.query(`select current_setting('data_directory') as dir`)).rows[0].dir);
  });
});

const objectRows = (name: string) =>
  withDb(async (db) => (await db.query('select name, metadata from storage.objects where bucket_id = $1 and name = $2', [bucket, name])).rows);

async function bytesOf(response: Response) {
  return Buffer.from(await response.arrayBuffer());
}

/** A raw request to the gateway, its path sent exactly as given (no URL normalisation on the way). */
function rawRequest(method: string, rawPath: string, headers: Record<string, string | number>, body?: Buffer) {
  const { hostname, port } = new URL(apiUrl);
  return new Promise<{ status: number; body: Record<string, string> }>((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('signed upload URLs (a function issues them, the browser uploads with the anon key)', () => {
  it('createSignedUploadUrl as service_role, uploadToSignedUrl as anon, then list shows the file and its metadata', async () => {
    const name = 'requests/IRT-TEST0001/id-card.pdf';
    const { data: signed, error } = await serviceClient().storage.from(bucket).createSignedUploadUrl(name);
    expect(error).toBeNull();
    expect(signed!.path).toBe(name);
    expect(signed!.signedUrl).toContain(`/storage/v1/object/upload/sign/${bucket}/${name}?token=`);

    const bytes = pdfBytes(300 * 1024); // over the REST body limit: Storage has its own
    const uploaded = await anonClient().storage.from(bucket).uploadToSignedUrl(name, signed!.token, pdf(bytes));
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toEqual({ path: name, fullPath: `${bucket}/${name}` });

    const { data: listed } = await serviceClient().storage.from(bucket).list('requests/IRT-TEST0001');
    expect(listed!.map((o) => o.name)).toEqual(['id-card.pdf']);
    expect(listed![0].metadata).toMatchObject({ mimetype: 'application/pdf', size: bytes.length, contentLength: bytes.length });
    const { data: folders } = await serviceClient().storage.from(bucket).list('requests');
    expect(folders).toContainEqual(expect.objectContaining({ name: 'IRT-TEST0001', id: null }));
  });

  it('a signed upload URL is for its one object only; a tampered token is refused', async () => {
    const { data } = await serviceClient().storage.from(bucket).createSignedUploadUrl('requests/one.pdf');
    const elsewhere = await anonClient().storage.from(bucket).uploadToSignedUrl('requests/other.pdf', data!.token, pdf(pdfBytes(10)));
    expect(elsewhere.error).toMatchObject({ status: 400, statusCode: '400', code: 'InvalidSignature' });
    const forged = signJwt({ url: `${bucket}/requests/one.pdf`, scope: 'upload', exp: 2_000_000_000 }, 'not-the-project-secret');
    const tampered = await anonClient().storage.from(bucket).uploadToSignedUrl('requests/one.pdf', forged, pdf(pdfBytes(10)));
    expect(tampered.error).toMatchObject({ status: 400, statusCode: '400', code: 'InvalidJWT' });
    expect(await objectRows('requests/other.pdf')).toEqual([]);
  });
});

describe('from the site in a browser', () => {
  it('the CORS preflight of an upload to a signed URL admits the site origin and storage-js headers', async () => {
    const res = await fetch(`${apiUrl}/storage/v1/object/upload/sign/${bucket}/requests/x.pdf?token=t`, {
      method: 'OPTIONS',
      headers: { origin: siteUrl, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-upsert, content-type, x-client-info' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(siteUrl);
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-upsert');
  });

  it('a stored file is served with the API security headers (no script runs from it, no sniffing)', async () => {
    const name = 'requests/page.pdf';
    await serviceClient().storage.from(bucket).upload(name, pdf(pdfBytes(10)));
    const { data } = await serviceClient().storage.from(bucket).createSignedUrl(name, 60);
    const res = await fetch(data!.signedUrl, { headers: { origin: siteUrl } });
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBe(siteUrl);
    await res.arrayBuffer();
  });
});

describe('signed download URLs', () => {
  const name = 'letters/scan-download.pdf';
  const bytes = pdfBytes(64 * 1024);
  beforeAll(async () => {
    const { error } = await serviceClient().storage.from(bucket).upload(name, pdf(bytes));
    expect(error).toBeNull();
  });

  it('with download: Content-Disposition attachment, the stored type and exactly the bytes uploaded', async () => {
    const { data, error } = await serviceClient().storage.from(bucket).createSignedUrl(name, 60, { download: true });
    expect(error).toBeNull();
    const res = await fetch(data!.signedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment;');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect((await bytesOf(res)).equals(bytes)).toBe(true);
  });

  // (storage-js encodes the query twice, so a non-ASCII name reaches the server, hosted or local,
  // still percent-encoded: give download names in ASCII.)
  it("with a file name: attachment; filename=...; filename*=UTF-8''...", async () => {
    const { data } = await serviceClient().storage.from(bucket).createSignedUrl(name, 60, { download: 'letter IRT-TEST0001.pdf' });
    const res = await fetch(data!.signedUrl);
    expect(res.headers.get('content-disposition')).toBe("attachment; filename=letter%20IRT-TEST0001.pdf; filename*=UTF-8''letter%20IRT-TEST0001.pdf");
    await res.arrayBuffer();
  });

  it('a download token does not open another object, nor serve as an upload token', async () => {
    const { data } = await serviceClient().storage.from(bucket).createSignedUrl(name, 60);
    const token = new URL(data!.signedUrl).searchParams.get('token')!;
    const other = await fetch(`${apiUrl}/storage/v1/object/sign/${bucket}/letters/other.pdf?token=${token}`);
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ statusCode: '400', code: 'InvalidSignature' });
    const asUpload = await anonClient().storage.from(bucket).uploadToSignedUrl(name, token, pdf(pdfBytes(10)));
    expect(asUpload.error).toMatchObject({ status: 400, message: 'Token is not scoped for upload' });
  });
});

describe('uploads, downloads and lists governed by RLS on storage.objects', () => {
  let officer: SupabaseClient;
  const name = `letters/${randomUUID()}.pdf`;
  const bytes = pdfBytes(20 * 1024);
  beforeAll(async () => {
    officer = await staff('officer');
  });

  it('a role a policy allows uploads, lists and downloads; anon sees nothing', async () => {
    const up = await officer.storage.from(bucket).upload(name, pdf(bytes));
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path: name, fullPath: `${bucket}/${name}` });
    expect(up.data!.id).toMatch(/^[0-9a-f-]{36}$/);

    const { data: seen } = await officer.storage.from(bucket).list('letters');
    expect(seen!.map((o) => o.name)).toContain(name.split('/')[1]);
    const { data: blob, error } = await officer.storage.from(bucket).download(name);
    expect(error).toBeNull();
    expect(Buffer.from(await blob!.arrayBuffer()).equals(bytes)).toBe(true);

    expect((await anonClient().storage.from(bucket).list('letters')).data).toEqual([]);
    const hidden = await anonClient().storage.from(bucket).download(name);
    expect(hidden.error).toMatchObject({ status: 400, statusCode: '404', code: 'NoSuchKey', message: 'Object not found' });
    const signing = await anonClient().storage.from(bucket).createSignedUrl(name, 60);
    expect(signing.error).toMatchObject({ status: 400, statusCode: '404', code: 'NoSuchKey' });
  });

  it('outside what a policy allows, an upload is refused with the hosted RLS error and stores nothing', async () => {
    for (const [client, target] of [[officer, 'elsewhere/x.pdf'], [anonClient(), 'letters/from-anon.pdf']] as const) {
      const { error } = await client.storage.from(bucket).upload(target, pdf(pdfBytes(10)));
      expect(error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
      expect(await objectRows(target)).toEqual([]);
    }
    const signUpload = await anonClient().storage.from(bucket).createSignedUploadUrl('letters/anon-signed.pdf');
    expect(signUpload.error).toMatchObject({ status: 400, statusCode: '403' });
  });

  it('nobody without a delete policy can remove; the service role can, and the file is gone', async () => {
    expect((await officer.storage.from(bucket).remove([name])).data).toEqual([]);
    expect((await anonClient().storage.from(bucket).remove([name])).data).toEqual([]);
    expect(await objectRows(name)).toHaveLength(1);
    await expect(withDb((db) => db.query('delete from storage.objects where name = $1', [name]))).rejects.toThrow(/Use the Storage API/);

    const removed = await serviceClient().storage.from(bucket).remove([name]);
    expect(removed.data!.map((o) => o.name)).toEqual([name]);
    expect(await objectRows(name)).toEqual([]);
    expect((await serviceClient().storage.from(bucket).download(name)).error).toMatchObject({ statusCode: '404', code: 'NoSuchKey' });
  });

  it('uploading over an existing object needs x-upsert (409 Duplicate otherwise); upsert replaces the bytes', async () => {
    const target = `letters/${randomUUID()}.pdf`;
    const service = serviceClient().storage.from(bucket);
    expect((await service.upload(target, pdf(pdfBytes(10)))).error).toBeNull();
    expect((await service.upload(target, pdf(pdfBytes(10)))).error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    const replacement = pdfBytes(30);
    expect((await service.upload(target, pdf(replacement), { upsert: true })).error).toBeNull();
    expect(Buffer.from(await (await service.download(target)).data!.arrayBuffer()).equals(replacement)).toBe(true);
  });

  it('a missing or forged JWT is refused as hosted refuses it', async () => {
    const forged = signJwt({ role: 'service_role', exp: 2_000_000_000 }, 'not-the-project-secret');
    const res = await fetch(`${apiUrl}/storage/v1/object/list/${bucket}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '403', error: 'Unauthorized' });
  });
});

describe("the bucket's size and type limits, answered as hosted", () => {
  it('a file over file_size_limit: 400 with statusCode 413, and no row', async () => {
    const name = 'requests/too-big.pdf';
    const { data } = await serviceClient().storage.from(bucket).createSignedUploadUrl(name);
    const { error } = await anonClient().storage.from(bucket).uploadToSignedUrl(name, data!.token, pdf(pdfBytes(LIMIT)));
    expect(error).toMatchObject({ status: 400, statusCode: '413', message: 'The object exceeded the maximum allowed size' });
    expect(await objectRows(name)).toEqual([]);

    const raw = await serviceClient().storage.from(bucket).upload('requests/too-big-raw.pdf', pdfBytes(LIMIT), { contentType: 'application/pdf' });
    expect(raw.error).toMatchObject({ status: 400, statusCode: '413' });
  });

  it('a type outside allowed_mime_types: 400 with statusCode 415; image/* admits image/png', async () => {
    const { error } = await serviceClient().storage.from(bucket).upload('requests/notes.txt', new Blob(['hello'], { type: 'text/plain' }));
    expect(error).toMatchObject({ status: 400, statusCode: '415', message: 'mime type text/plain is not supported' });
    expect(await objectRows('requests/notes.txt')).toEqual([]);
    const png = await serviceClient().storage.from(bucket).upload('requests/photo.png', new Blob([randomBytes(100)], { type: 'image/png' }));
    expect(png.error).toBeNull();
  });

  it('the global 50 MB cap applies to a bucket without a limit, before the body is read', async () => {
    const open = `test-open-${randomUUID().slice(0, 8)}`;
    await withDb((db) => db.query('insert into storage.buckets (id, name) values ($1, $1)', [open]));
    const res = await rawRequest('POST', `/storage/v1/object/${open}/big.bin`, {
      authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
      'content-type': 'application/octet-stream',
      'content-length': 50 * 1024 * 1024 + 1,
    }, Buffer.alloc(0));
    expect(res).toMatchObject({ status: 400, body: { statusCode: '413', code: 'EntityTooLarge' } });
  });
});

describe('an upload cut off halfway', () => {
  it('leaves no row and no file, and retrying the same signed URL works', async () => {
    const name = `requests/${randomUUID()}.pdf`;
    const { data } = await serviceClient().storage.from(bucket).createSignedUploadUrl(name);
    const signedPath = new URL(data!.signedUrl).pathname + new URL(data!.signedUrl).search;
    await new Promise<void>((resolve) => {
      const req = http.request(`${apiUrl}${signedPath}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/pdf', 'content-length': 200_000 },
      });
      req.on('error', () => resolve());
      req.write(pdfBytes(100_000), () => setTimeout(() => req.destroy(), 100));
      req.on('close', () => resolve());
    });
    const incoming = path.join(dataRoot, 'storage', '.incoming');
    for (let i = 0; i < 50 && existsSync(incoming) && readdirSync(incoming).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(incoming) ? readdirSync(incoming) : []).toEqual([]);
    expect(await objectRows(name)).toEqual([]);

    const bytes = pdfBytes(150_000);
    const retry = await anonClient().storage.from(bucket).uploadToSignedUrl(name, data!.token, pdf(bytes));
    expect(retry.error).toBeNull();
    const { data: blob } = await serviceClient().storage.from(bucket).download(name);
    expect(Buffer.from(await blob!.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('object names cannot reach outside the data folder', () => {
  it('`..` segments (encoded or not) are refused as an invalid key; nothing is written outside', async () => {
    const marker = `escape-${randomUUID()}.pdf`;
    for (const traversal of [`..%2F..%2F..%2F${marker}`, `%2e%2e/%2e%2e/%2e%2e/${marker}`, `letters/..%2f..%2f${marker}`]) {
      const res = await rawRequest('POST', `/storage/v1/object/${bucket}/${traversal}`, {
        authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
        'content-type': 'application/pdf',
      }, pdfBytes(10));
      expect(res).toMatchObject({ status: 400, body: { statusCode: '400', code: 'InvalidKey' } });
    }
    for (const dir of [dataRoot, path.dirname(dataRoot), path.join(dataRoot, 'storage')]) expect(existsSync(path.join(dir, marker))).toBe(false);
    // Files are kept by version, never by name: the storage folder holds bucket folders only.
    expect(readdirSync(path.join(dataRoot, 'storage')).every((entry) => entry === '.incoming' || entry.startsWith('b-'))).toBe(true);
  });

  it('dots inside a segment are an ordinary name', async () => {
    const name = 'letters/a..b/scan (1).pdf';
    const { error } = await serviceClient().storage.from(bucket).upload(name, pdf(pdfBytes(10)));
    expect(error).toBeNull();
    expect(await objectRows(name)).toHaveLength(1);
  });
});
