// Issue 14, the answer: on the private page the beneficiary replies to what staff asked, with text
// and documents; the request goes back under review and the decision clock runs again. Every
// refusal has its rule key and leaves nothing: no reply, no document, no file, no reservation.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiUrl, withDb } from './support/clients';
import { anonClient } from './support/staff-clients';
import fc from 'fast-check';
import { REPLY_MAX, replyRule } from '../../src/schemas/private-reply';
import { BUCKET, pdfBytes, pngBytes, pngWithHtml, privatePage, requestAwaitingReply, staffAs, storedFor, uploadForReply } from './support/private-page';

const NOTHING_SENT = { status: 'needs_info', documents: [], files: [], reservations: [], replies: [] };

describe('a reply with a document', () => {
  it('is kept exactly as typed, moves the request back under review, resumes the clock, and is on the staff timeline', async () => {
    const request = await requestAwaitingReply();
    const before = await withDb(async (db) => (await db.query('select decision_due_by, waiting_since from public.support_requests where id = $1', [request.id])).rows[0]);
    const opened = await privatePage('open', { secret: request.secret });
    expect(opened.body).toMatchObject({
      outcome: 'found', status: 'needs_info', can_reply: true, documents_remaining: 10,
      question: { text: 'نحتاج صورة من الهوية الوطنية وشهادة القيد الدراسي' },
    });

    const bytes = pdfBytes(40_000);
    const { names, uploads } = await uploadForReply(request.secret, [{ name: 'صورة الهوية الوطنية.pdf', type: 'application/pdf', bytes }]);
    expect(uploads.map((u) => u.error)).toEqual([null]);
    const text = '  أرفقت صورة الهوية.\nوسأرسل شهادة القيد غدًا إن شاء الله  ';
    const replied = await privatePage('reply', { secret: request.secret, text, object_names: names, idempotency_key: crypto.randomUUID() });
    expect(replied).toMatchObject({ status: 200, body: { outcome: 'replied' } });

    const after = await withDb(async (db) =>
      (await db.query('select status, decision_due_by, waiting_since, time_waiting > interval \'0\' as waited from public.support_requests where id = $1', [request.id])).rows[0]);
    expect(after).toMatchObject({ status: 'under_review', waiting_since: null, waited: true });
    expect(after.decision_due_by.getTime()).toBeGreaterThan(before.decision_due_by.getTime());

    const officer = await staffAs('officer');
    const { data: events } = await officer.from('request_events').select('kind, note, actor_id, from_status, to_status, document_id').eq('request_id', request.id).order('id');
    expect(events!.slice(-3)).toEqual([
      { kind: 'reply', note: text, actor_id: null, from_status: null, to_status: null, document_id: null },
      { kind: 'document', note: null, actor_id: null, from_status: null, to_status: null, document_id: expect.any(String) },
      { kind: 'status_changed', note: null, actor_id: null, from_status: 'needs_info', to_status: 'under_review', document_id: null },
    ]);
    const { data: documents } = await officer.from('request_documents').select('*').eq('request_id', request.id);
    expect(documents).toEqual([expect.objectContaining({
      id: events!.at(-2)!.document_id, original_name: 'صورة الهوية الوطنية.pdf', mime_type: 'application/pdf', size_bytes: bytes.length,
      added_by: null, object_name: names[0],
    })]);
    expect(names[0]).toMatch(new RegExp(`^${request.id}/[0-9a-f-]{36}\\.pdf$`));
    const download = await officer.storage.from(BUCKET).download(names[0]!);
    expect(Buffer.from(await download.data!.arrayBuffer()).equals(bytes)).toBe(true);

    // The page now shows the reply and its document, and no longer asks.
    const page = await privatePage('open', { secret: request.secret });
    expect(page.body).toMatchObject({
      status: 'under_review', can_reply: false, documents_remaining: 9,
      replies: [{ text, documents: [{ name: 'صورة الهوية الوطنية.pdf', type: 'application/pdf', size: bytes.length }] }],
    });
  });

  it('is saved once for one idempotency key, and a retry answers as the first did', async () => {
    const request = await requestAwaitingReply();
    const { names } = await uploadForReply(request.secret, [{ name: 'letter.png', type: 'image/png', bytes: pngBytes() }]);
    const args = { secret: request.secret, text: 'أرسلت المطلوب', object_names: names, idempotency_key: crypto.randomUUID() };
    const first = await privatePage('reply', args);
    const retry = await privatePage('reply', args);
    expect(retry).toEqual(first);
    expect(await storedFor(request.id)).toMatchObject({ status: 'under_review', documents: ['letter.png'], replies: ['أرسلت المطلوب'], reservations: [] });
  });

  it('text alone is an answer too', async () => {
    const request = await requestAwaitingReply();
    expect((await privatePage('reply', { secret: request.secret, text: 'رقم الهوية الصحيح 1000000008' })).body).toMatchObject({ outcome: 'replied' });
    expect(await storedFor(request.id)).toMatchObject({ status: 'under_review', replies: ['رقم الهوية الصحيح 1000000008'] });
  });
});

describe('refusals, each with its rule key and nothing stored', () => {
  it('a file over 10 MB: refused when described, and by the bucket when it is bigger than it said', async () => {
    const request = await requestAwaitingReply();
    const described = await uploadForReply(request.secret, [{ name: 'big.pdf', type: 'application/pdf', bytes: pdfBytes(10 * 1024 * 1024) }]);
    expect(described.prepared).toMatchObject({ status: 400, body: { code: 'document_too_large', field: 'documents' } });
    // Claiming to be small does not get a big file past Storage.
    const small = await privatePage('prepare', { secret: request.secret, files: [{ name: 'big.pdf', type: 'application/pdf', size: 1000 }] });
    const { object_name, token } = small.body.uploads[0];
    const upload = await anonClient().storage.from(BUCKET).uploadToSignedUrl(object_name, token, new Blob([new Uint8Array(pdfBytes(10 * 1024 * 1024))], { type: 'application/pdf' }));
    expect(upload.error).toMatchObject({ statusCode: '413' });
    const reply = await privatePage('reply', { secret: request.secret, text: 'مرفق', object_names: [object_name] });
    expect(reply).toMatchObject({ status: 400, body: { code: 'document_missing' } });
    expect(await storedFor(request.id)).toEqual(NOTHING_SENT);
  });

  it('a wrong type: refused when described, and by the bucket when uploaded as another', async () => {
    const request = await requestAwaitingReply();
    for (const type of ['image/svg+xml', 'text/html', 'application/octet-stream']) {
      const { prepared } = await uploadForReply(request.secret, [{ name: 'x', type, bytes: Buffer.from('<svg/>') }]);
      expect(prepared).toMatchObject({ status: 400, body: { code: 'document_type' } });
    }
    const { uploads, names } = await uploadForReply(request.secret, [{ name: 'page.pdf', type: 'application/pdf', bytes: Buffer.from('<html></html>'), uploadAs: 'text/html' }]);
    expect(uploads[0]!.error).toMatchObject({ statusCode: '415' });
    expect((await privatePage('reply', { secret: request.secret, text: 'مرفق', object_names: names })).body.code).toBe('document_missing');
    expect(await storedFor(request.id)).toEqual(NOTHING_SENT);
  });

  it('a PNG renamed to .pdf with HTML inside: its first bytes are read and it is removed', async () => {
    const request = await requestAwaitingReply();
    const good = pdfBytes();
    const { names, uploads } = await uploadForReply(request.secret, [
      { name: 'شهادة.pdf', type: 'application/pdf', bytes: good },
      { name: 'صورة.pdf', type: 'application/pdf', bytes: pngWithHtml() },
    ]);
    expect(uploads.map((u) => u.error)).toEqual([null, null]);
    expect((await storedFor(request.id)).files).toHaveLength(2);
    const reply = await privatePage('reply', { secret: request.secret, text: 'أرفقت المستندين', object_names: names });
    expect(reply).toEqual({ status: 400, body: { code: 'document_content_mismatch', field: 'documents' } });
    // The whole reply is refused: the good file goes with the bad one.
    expect(await storedFor(request.id)).toEqual(NOTHING_SENT);
  });

  it('the eleventh file, whether asked for at once or reserved one by one', async () => {
    const request = await requestAwaitingReply();
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `${i + 1}.pdf`, type: 'application/pdf', bytes: pdfBytes(64) }));
    expect((await uploadForReply(request.secret, eleven)).prepared).toMatchObject({ status: 400, body: { code: 'documents_too_many' } });
    // Ten reserved in two goes (each fits), then one more: the database counts at acceptance too.
    const first = await uploadForReply(request.secret, eleven.slice(0, 9));
    const second = await uploadForReply(request.secret, eleven.slice(9, 10));
    const third = await uploadForReply(request.secret, eleven.slice(10));
    expect([first, second, third].map((u) => u.prepared.status)).toEqual([200, 200, 200]);
    const reply = await privatePage('reply', { secret: request.secret, text: 'المستندات', object_names: [...first.names, ...second.names, ...third.names] });
    expect(reply).toMatchObject({ status: 400, body: { code: 'documents_too_many' } });
    expect(await storedFor(request.id)).toEqual(NOTHING_SENT);
    // Ten is allowed.
    const ten = await uploadForReply(request.secret, eleven.slice(0, 10));
    expect((await privatePage('reply', { secret: request.secret, text: 'المستندات', object_names: ten.names })).body).toMatchObject({ outcome: 'replied' });
    expect((await storedFor(request.id)).documents).toHaveLength(10);
  });

  it.each([
    ['a right-to-left override', 'رقم الطلب \u202Egnp.exe\u202C', 'reply_characters'],
    ['a bidi isolate', 'نص \u2067مخفي\u2069', 'reply_characters'],
    ['an empty answer', ' \n\t ', 'reply_required'],
    ['more than 4000 characters', 'ع'.repeat(REPLY_MAX + 1), 'reply_length'],
    ['a NUL', 'a\u0000b', 'reply_characters'],
  ])('a reply with %s', async (_what, text, code) => {
    const request = await requestAwaitingReply();
    const { names } = await uploadForReply(request.secret, [{ name: 'هوية.pdf', type: 'application/pdf', bytes: pdfBytes() }]);
    const reply = await privatePage('reply', { secret: request.secret, text, object_names: names });
    expect(reply).toEqual({ status: 400, body: { code, field: 'reply' } });
    expect(await storedFor(request.id)).toEqual(NOTHING_SENT);
  });

  it('4000 characters exactly (REPLY_MAX) is accepted', async () => {
    const request = await requestAwaitingReply();
    expect((await privatePage('reply', { secret: request.secret, text: 'ع'.repeat(REPLY_MAX) })).body).toMatchObject({ outcome: 'replied' });
  });

  it('a file name with hidden characters, or none', async () => {
    const request = await requestAwaitingReply();
    for (const [name, code] of [['\u202Efdp.exe', 'document_name_characters'], ['  ', 'document_name_length'], ['a'.repeat(256), 'document_name_length']] as const) {
      const { prepared } = await uploadForReply(request.secret, [{ name, type: 'application/pdf', bytes: pdfBytes() }]);
      expect(prepared).toMatchObject({ status: 400, body: { code } });
    }
    expect(await storedFor(request.id)).toEqual(NOTHING_SENT);
  });

  it('a request that no longer waits on the beneficiary takes no reply and no upload', async () => {
    const request = await requestAwaitingReply();
    const officer = await staffAs('officer');
    await officer.rpc('transition_request', { p_request_id: request.id, p_to: 'under_review' });
    expect(await privatePage('reply', { secret: request.secret, text: 'ردّي' })).toEqual({ status: 400, body: { code: 'reply_not_expected', field: null } });
    expect((await uploadForReply(request.secret, [{ name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes() }])).prepared.body.code).toBe('reply_not_expected');
    expect(await storedFor(request.id)).toMatchObject({ status: 'under_review', documents: [], files: [], reservations: [], replies: [] });
  });

  it('a reply cannot name another request’s files, nor bring its documents down', async () => {
    const mine = await requestAwaitingReply();
    const theirs = await requestAwaitingReply();
    const { names } = await uploadForReply(theirs.secret, [{ name: 'theirs.pdf', type: 'application/pdf', bytes: pdfBytes() }]);
    expect((await privatePage('reply', { secret: mine.secret, text: 'ردّي', object_names: names })).body.code).toBe('document_missing');
    expect(await storedFor(mine.id)).toEqual(NOTHING_SENT);
    expect((await privatePage('reply', { secret: theirs.secret, text: 'ردّهم', object_names: names })).body).toMatchObject({ outcome: 'replied' });
    // Naming an accepted document in a refused reply removes nothing.
    const again = await requestAwaitingReply();
    expect((await privatePage('reply', { secret: again.secret, text: '\u202E', object_names: names })).body.code).toBe('reply_characters');
    expect((await storedFor(theirs.id)).files).toEqual(names);
  });
});

describe('an upload cut off halfway', () => {
  it('leaves nothing staff can see, and sending again works', async () => {
    const request = await requestAwaitingReply();
    const bytes = pdfBytes(300_000);
    const prepared = await privatePage('prepare', { secret: request.secret, files: [{ name: 'هوية.pdf', type: 'application/pdf', size: bytes.length }] });
    const { object_name, token } = prepared.body.uploads[0];
    const path = `/storage/v1/object/upload/sign/${BUCKET}/${object_name}?token=${token}`;
    await new Promise<void>((resolve) => {
      const req = http.request(`${apiUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/pdf', 'content-length': bytes.length } });
      req.on('error', () => resolve());
      req.write(bytes.subarray(0, 100_000), () => setTimeout(() => req.destroy(), 100));
      req.on('close', () => resolve());
    });
    const officer = await staffAs('officer');
    expect((await officer.storage.from(BUCKET).list(request.id)).data).toEqual([]);
    expect(await storedFor(request.id)).toMatchObject({ files: [], documents: [] });
    expect((await privatePage('reply', { secret: request.secret, text: 'مرفق', object_names: [object_name] })).body.code).toBe('document_missing');

    const retried = await uploadForReply(request.secret, [{ name: 'هوية.pdf', type: 'application/pdf', bytes }]);
    expect((await privatePage('reply', { secret: request.secret, text: 'مرفق', object_names: retried.names })).body).toMatchObject({ outcome: 'replied' });
    const download = await officer.storage.from(BUCKET).download(retried.names[0]!);
    expect(Buffer.from(await download.data!.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('the reply’s rules, held by the database itself', () => {
  it.each([
    ['', 'request_events_reply_required'],
    ['x'.repeat(REPLY_MAX + 1), 'request_events_reply_length'],
    ['\u202Ex', 'request_events_reply_characters'],
  ])('a reply event %#', async (note, constraint) => {
    const request = await requestAwaitingReply();
    const refused = withDb(async (db) => db.query(`insert into public.request_events (request_id, kind, note) values ($1, 'reply', $2)`, [request.id, note]));
    await expect(refused).rejects.toThrow(constraint);
  });
});

describe('the reply’s rules are the same in zod and in SQL', () => {
  // Letters, spaces of every kind, line breaks, joiners and marks kept, and hidden characters refused.
  const piece = fc.constantFrom('ع', 'a', ' ', '\n', '\t', '\r', '\u00A0', '\u3000', '\u200C', '\u200D', '\u200E', '\u200F',
    '\u202A', '\u202E', '\u2066', '\u2069', '\u0007', '\u001B', '\u007F', '\u0085', '😀', 'ـ');
  it('for any short text of those characters, the rule broken (or none) is the same', async () => {
    const request = await requestAwaitingReply();
    await withDb(async (db) => {
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), async (text) => {
          await db.query('begin');
          const sql = await db.query(`insert into public.request_events (request_id, kind, note) values ($1, 'reply', $2)`, [request.id, text])
            .then(() => null, (error: { constraint?: string }) => error.constraint?.replace('request_events_', '') ?? 'unknown');
          await db.query('rollback');
          // Short texts break at most one rule, so both name the same one.
          expect(sql, JSON.stringify(text)).toBe(replyRule(text));
        }),
        { numRuns: 200 },
      );
    });
  });
});
