// What the private-page tests share: calling the private-page Edge Function as a browser does (the
// anon key, a client address), putting a request where a test needs it through the staff API, and
// files whose first bytes are, or are not, what they claim.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { SupabaseClient } from '@supabase/supabase-js';
import { apiUrl, LOCAL_ANON_KEY, withDb } from './clients';
import { anonClient, clientAs, seededStaffByRole, submitFreshRequest } from './staff-clients';

export const BUCKET = 'request-documents';

export type Answer = { status: number; body: Record<string, any> };

/**
 * The loopback address a named client calls from: the gateway sets X-Forwarded-For to the socket's
 * address (a caller cannot choose it), so clients differ by the address they connect from.
 */
export function clientAddress(client: string): string {
  const hash = createHash('sha256').update(client).digest();
  return `127.${hash[0]! % 250 + 1}.${hash[1]}.${hash[2]! % 250 + 1}`;
}

/** An HTTP request from the loopback address of `client` (clientAddress): status, headers and body as received. */
export function requestFrom(client: string, url: string, { method = 'POST', headers = {} as Record<string, string>, body = '' as string | Buffer } = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const req = http.request(url, { method, localAddress: clientAddress(client), headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])),
        body: Buffer.concat(chunks),
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /functions/v1/<fn>/<action> with the anon key, from the loopback address of `client` (clientAddress). */
export async function callFunction(fn: string, action: string, body: unknown, { client = 'beneficiary', token = LOCAL_ANON_KEY, headers = {} as Record<string, string> } = {}): Promise<Answer> {
  const answer = await requestFrom(client, `${apiUrl}/functions/v1/${fn}/${action}`, {
    headers: { apikey: LOCAL_ANON_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: answer.status, body: JSON.parse(answer.body.toString('utf8')) };
}

export const privatePage = (action: string, body: unknown, client?: string, headers?: Record<string, string>) =>
  callFunction('private-page', action, body, { client, headers });

export const pdfBytes = (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
export const pngBytes = (size = 512) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]);
/** A PNG renamed to .pdf, with HTML inside: the type says PDF, the first bytes say PNG. */
export const pngWithHtml = () => Buffer.concat([pngBytes(16), Buffer.from('<html><script>alert(1)</script></html>')]);

let staffIds: Awaited<ReturnType<typeof seededStaffByRole>> | null = null;
export async function staffAs(role: 'officer' | 'supervisor' | 'authority' | 'admin'): Promise<SupabaseClient> {
  staffIds ??= await seededStaffByRole();
  return clientAs(staffIds[role]);
}

async function move(client: SupabaseClient, id: string, to: string, note?: string) {
  const { error } = await client.rpc('transition_request', { p_request_id: id, p_to: to, p_note: note ?? null });
  if (error) throw new Error(`moving to ${to}: ${error.message}`);
}

/** A fresh request (and its private link's secret) that waits on the beneficiary: staff asked for `question`. */
export async function requestAwaitingReply(question = 'نحتاج صورة من الهوية الوطنية وشهادة القيد الدراسي') {
  const request = await submitFreshRequest();
  const officer = await staffAs('officer');
  await move(officer, request.id, 'under_review');
  await move(officer, request.id, 'needs_info', question);
  return request;
}

/** A fresh request the authority has decided (`rejected` with `reason`, or `accepted`). */
export async function decidedRequest(outcome: 'accepted' | 'rejected', reason = 'الطلب خارج نطاق الدعم التعليمي للجمعية') {
  const request = await submitFreshRequest();
  const officer = await staffAs('officer');
  await move(officer, request.id, 'under_review');
  await move(officer, request.id, 'pending_decision');
  await move(await staffAs('authority'), request.id, outcome, outcome === 'rejected' ? reason : undefined);
  return request;
}

/** Reserves names for `files` and uploads each body to its signed URL with the type it declares. */
export async function uploadForReply(secret: string, files: { name: string; type: string; bytes: Buffer; uploadAs?: string }[], client?: string) {
  const prepared = await privatePage('prepare', { secret, files: files.map((f) => ({ name: f.name, type: f.type, size: f.bytes.length })) }, client);
  if (prepared.body.outcome !== 'reserved') return { prepared, names: [] as string[], uploads: [] as { error: unknown }[] };
  const storage = anonClient().storage.from(BUCKET);
  const uploads = await Promise.all(
    prepared.body.uploads.map((u: { object_name: string; token: string }, i: number) =>
      storage.uploadToSignedUrl(u.object_name, u.token, new Blob([new Uint8Array(files[i]!.bytes)], { type: files[i]!.uploadAs ?? files[i]!.type })),
    ),
  );
  return { prepared, names: prepared.body.uploads.map((u: { object_name: string }) => u.object_name) as string[], uploads };
}

/** What a request holds that staff could see or that is kept for it: documents, files, reservations, replies, status. */
export async function storedFor(requestId: string) {
  return withDb(async (db) => {
    const one = async (sql: string) => (await db.query(sql, [requestId])).rows;
    return {
      status: (await one('select status from public.support_requests where id = $1'))[0]!.status as string,
      documents: (await one('select original_name from public.request_documents where request_id = $1')).map((r) => r.original_name),
      files: (await one(`select name from storage.objects where bucket_id = 'request-documents' and name like $1::text || '/%'`)).map((r) => r.name),
      reservations: (await one('select object_name from internal.document_uploads where request_id = $1')).map((r) => r.object_name),
      replies: (await one(`select note from public.request_events where request_id = $1 and kind = 'reply'`)).map((r) => r.note),
    };
  });
}

/**
 * Puts a request in `status` since `daysAgo` days, e.g. closed long ago, with the move in its history
 * (arranged directly, the triggers off for these statements).
 */
export async function backdateStatus(requestId: string, status: string, daysAgo: number) {
  await withDb(async (db) => {
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    await db.query(
      `insert into public.request_events (request_id, kind, from_status, to_status)
       select id, 'status_changed', status, $2::public.request_status from public.support_requests where id = $1`,
      [requestId, status],
    );
    await db.query(`update public.support_requests set status = $2, status_changed_at = now() - make_interval(days => $3) where id = $1`, [
      requestId, status, daysAgo,
    ]);
    await db.query('commit');
  });
}
