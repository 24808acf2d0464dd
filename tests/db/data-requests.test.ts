import { describe, expect, it } from 'vitest';
import { COPY_SECTIONS } from '../../src/components/private/data-copy-html';
import { CORRECTABLE_FIELDS, DATA_REQUEST_DAYS, DATA_REQUEST_KINDS, DATA_REQUEST_OUTCOMES } from '../../src/lib/data-requests';
import { LOCAL_SERVICE_ROLE_KEY, withDb } from './support/clients';
import { callFunction, pdfBytes, privatePage, requestAwaitingReply, staffAs, storedFor, uploadForReply } from './support/private-page';

/**
 * Data requests (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"): asked from the
 * private page or registered by staff, answered within 30 days (one extension with a reason), handled
 * by a supervisor or an admin.
 */
const query = <T = Record<string, unknown>>(sql: string, args: unknown[] = []) => withDb(async (db) => (await db.query(sql, args)).rows as T[]);
const DAY_MS = 86_400_000;
const refusal = (r: { error: { message: string } | null }) => r.error?.message;
/** The messages about data requests queued for the beneficiary (the outbox: docs/ARCHITECTURE.md, "Outreach"), and whether each goes to the mobile they gave. */
const mobileOf = new Map<string, string>();
const rememberMobile = async (requestId: string) =>
  mobileOf.set(requestId, (await query<{ mobile: string }>('select mobile from public.support_requests where id = $1', [requestId]))[0]!.mobile);
const messagesFor = async (requestId: string) =>
  (await query<{ moment: string; channel: string; recipient: string }>(
    `select moment::text, channel, recipient from internal.outbox where request_id = $1 and moment::text like 'data_request_%' order by id`, [requestId],
  )).map(({ moment, channel, recipient }) => ({ moment, channel, to_beneficiary: recipient === mobileOf.get(requestId) }));

async function requestWithDocument() {
  const request = await requestAwaitingReply();
  const { names } = await uploadForReply(request.secret, [{ name: 'هوية.pdf', type: 'application/pdf', bytes: pdfBytes(2000) }]);
  await privatePage('reply', { secret: request.secret, text: 'أرفقت الهوية', object_names: names });
  return { ...request, file: names[0]! };
}

describe('the rules, once per layer', () => {
  it('internal.data_request_days(), the enums and the correctable fields match src/lib/data-requests.ts', async () => {
    const [row] = await query(`select internal.data_request_days() as days, internal.correctable_fields() as fields,
      enum_range(null::public.data_request_kind)::text[] as kinds, enum_range(null::public.data_request_outcome)::text[] as outcomes`);
    expect(row).toEqual({ days: DATA_REQUEST_DAYS, fields: [...CORRECTABLE_FIELDS], kinds: [...DATA_REQUEST_KINDS], outcomes: [...DATA_REQUEST_OUTCOMES] });
  });
});

describe('a data request from the private page', () => {
  it('is recorded with its 30-day deadline and an event, and a wrong link asks nothing', async () => {
    const request = await requestAwaitingReply();
    const asked = await privatePage('ask', { secret: request.secret, kind: 'correction', field: 'full_name', details: 'اسمي الصحيح سارة محمد العتيبي' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ outcome: 'asked', id: expect.any(String) });
    const [stored] = await query<{ kind: string; channel: string; due_by: Date; received_at: Date }>('select * from public.data_requests where id = $1', [asked.body.id]);
    expect(stored).toMatchObject({ kind: 'correction', field: 'full_name', channel: 'website', registered_by: null });
    expect(stored!.due_by.getTime() - stored!.received_at.getTime()).toBe(DATA_REQUEST_DAYS * DAY_MS);
    expect(await query(`select code from public.request_events where data_request_id = $1`, [asked.body.id])).toEqual([{ code: 'data_request_received' }]);

    expect((await privatePage('ask', { secret: 'x'.repeat(24), kind: 'deletion' })).body).toEqual({ outcome: 'not_found' });
    const bad = await privatePage('ask', { secret: request.secret, kind: 'correction', field: 'status', details: 'x' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'correction_field', field: 'field' } });
  });
});

describe('staff', () => {
  it('register a request received by phone; an authority may not', async () => {
    const request = await requestAwaitingReply();
    const officer = await staffAs('officer');
    const { data, error } = await officer.rpc('register_data_request', { p_request_id: request.id, p_kind: 'deletion', p_channel: 'phone' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ kind: 'deletion', channel: 'phone', outcome: null });
    expect(refusal(await (await staffAs('authority')).rpc('register_data_request', { p_request_id: request.id, p_kind: 'deletion', p_channel: 'phone' }))).toBe('role_not_allowed');
    expect(refusal(await officer.rpc('register_data_request', { p_request_id: request.id, p_kind: 'deletion', p_channel: 'website' }))).toBe('intake_channel_invalid');
  });

  it('a supervisor extends once, with a reason, by 30 days; an officer may not handle it', async () => {
    const request = await requestAwaitingReply();
    const asked = await privatePage('ask', { secret: request.secret, kind: 'withdraw_consent' });
    const supervisor = await staffAs('supervisor');
    expect(refusal(await (await staffAs('officer')).rpc('extend_data_request', { p_id: asked.body.id, p_reason: 'نحتاج وقتًا' }))).toBe('role_not_allowed');
    expect(refusal(await supervisor.rpc('extend_data_request', { p_id: asked.body.id, p_reason: '  ' }))).toBe('extension_reason_required');
    const [before] = await query<{ due_by: Date }>('select due_by from public.data_requests where id = $1', [asked.body.id]);
    const extended = await supervisor.rpc('extend_data_request', { p_id: asked.body.id, p_reason: 'نراجع مع الجهة المانحة ما يلزم حفظه' });
    expect(extended.error).toBeNull();
    expect(Date.parse(extended.data.due_by) - before!.due_by.getTime()).toBe(DATA_REQUEST_DAYS * DAY_MS);
    expect(refusal(await supervisor.rpc('extend_data_request', { p_id: asked.body.id, p_reason: 'مرة أخرى' }))).toBe('data_request_extended_once');
    await rememberMobile(request.id);
    expect(await messagesFor(request.id)).toEqual([{ moment: 'data_request_extended', channel: 'sms', to_beneficiary: true }]);
  });

  it('carry out a correction: the field takes the confirmed value under the submission\'s checks', async () => {
    const request = await requestAwaitingReply();
    const asked = await privatePage('ask', { secret: request.secret, kind: 'correction', field: 'mobile', details: 'رقمي الجديد 0551110000' });
    const admin = await staffAs('admin');
    expect(refusal(await admin.rpc('decide_data_request', { p_id: asked.body.id, p_outcome: 'done', p_corrected_value: '12345' }))).toBe('corrected_value_invalid');
    const done = await admin.rpc('decide_data_request', { p_id: asked.body.id, p_outcome: 'done', p_corrected_value: '٠٥٥١١١٠٠٠٠' });
    expect(done.error).toBeNull();
    // The masked form staff see follows the correction (the masking trigger).
    expect(await query('select mobile, mobile_masked from public.support_requests where id = $1', [request.id]))
      .toEqual([{ mobile: '+966551110000', mobile_masked: '••••••0000' }]);
    expect(refusal(await admin.rpc('decide_data_request', { p_id: asked.body.id, p_outcome: 'refused', p_note: 'x' }))).toBe('data_request_decided');
  });

  it.each([
    ['full_name', '  سارة   محمد  العتيبي ', 'سارة محمد العتيبي'],
    ['email', ' Sara.Otaibi@Example.COM ', 'sara.otaibi@example.com'],
    ['city', 'المدينة   المنورة', 'المدينة المنورة'],
  ] as const)('a corrected %s is stored as the submission would have stored it', async (field, typed, stored) => {
    const request = await requestAwaitingReply();
    const asked = await privatePage('ask', { secret: request.secret, kind: 'correction', field, details: `الصحيح: ${typed}` });
    const done = await (await staffAs('supervisor')).rpc('decide_data_request', { p_id: asked.body.id, p_outcome: 'done', p_corrected_value: typed });
    expect(done.error).toBeNull();
    expect(await query(`select ${field} as value from public.support_requests where id = $1`, [request.id])).toEqual([{ value: stored }]);
  });

  it('carry out a deletion: the request is anonymised and its files leave Storage; keeping it needs a legal reason', async () => {
    const request = await requestWithDocument();
    await rememberMobile(request.id);
    const asked = await privatePage('ask', { secret: request.secret, kind: 'deletion' });
    const supervisor = await staffAs('supervisor');
    expect(refusal(await supervisor.rpc('decide_data_request', { p_id: asked.body.id, p_outcome: 'kept_for_legal_reason' }))).toBe('outcome_reason_required');
    expect((await supervisor.rpc('decide_data_request', { p_id: asked.body.id, p_outcome: 'done' })).error).toBeNull();
    expect(await query('select full_name, national_id, mobile, anonymised_at is not null as anonymised from public.support_requests where id = $1', [request.id]))
      .toEqual([{ full_name: '', national_id: '', mobile: '', anonymised: true }]);
    expect(await query(`select code from public.request_events where request_id = $1 and kind = 'anonymised'`, [request.id])).toEqual([{ code: 'deletion_requested' }]);
    // The beneficiary is told, at the number they gave: the message was queued before the deletion.
    expect(await messagesFor(request.id)).toEqual([{ moment: 'data_request_done', channel: 'sms', to_beneficiary: true }]);
    // The retention run (woken at once locally; daily on a hosted project) removes the queued files.
    await callFunction('retention', 'run', { source: 'schedule' }, { token: LOCAL_SERVICE_ROLE_KEY });
    expect((await storedFor(request.id)).files).toEqual([]);
    expect((await privatePage('ask', { secret: request.secret, kind: 'deletion' })).body).toMatchObject({ code: 'request_anonymised' });
  });

  it('keep a request for a legal reason: nothing is removed', async () => {
    const request = await requestWithDocument();
    const asked = await privatePage('ask', { secret: request.secret, kind: 'deletion' });
    const kept = await (await staffAs('admin')).rpc('decide_data_request', { p_id: asked.body.id, p_outcome: 'kept_for_legal_reason', p_note: 'نظام حفظ سجلات الجمعيات يلزمنا بحفظه' });
    expect(kept.error).toBeNull();
    await rememberMobile(request.id);
    expect(await messagesFor(request.id)).toEqual([{ moment: 'data_request_kept', channel: 'sms', to_beneficiary: true }]);
    expect((await storedFor(request.id)).files).toEqual([request.file]);
    expect(await query('select anonymised_at from public.support_requests where id = $1', [request.id])).toEqual([{ anonymised_at: null }]);
  });
});

describe('the copy of everything held', () => {
  it('gives the beneficiary their personal data, history, replies, documents and data requests; never staff notes', async () => {
    const request = await requestWithDocument();
    const officer = await staffAs('officer');
    await officer.rpc('add_request_note', { p_request_id: request.id, p_note: 'ملاحظة داخلية للموظفين فقط' });
    await privatePage('ask', { secret: request.secret, kind: 'withdraw_consent', details: 'لم أعد أحتاج الدعم' });
    const { status, body } = await privatePage('copy', { secret: request.secret });
    expect(status).toBe(200);
    expect(Object.keys(body.copy).sort()).toEqual([...COPY_SECTIONS].sort());
    const [held] = await query<Record<string, unknown>>('select full_name, national_id, mobile, email, city, description from public.support_requests where id = $1', [request.id]);
    expect(body.copy.personal_data).toMatchObject(held!);
    expect(body.copy.personal_data).not.toHaveProperty('search_text');
    expect(body.copy.documents).toEqual([expect.objectContaining({ name: 'هوية.pdf', type: 'application/pdf' })]);
    expect(body.copy.history.map((e: { kind: string }) => e.kind)).toContain('reply');
    expect(body.copy.data_requests).toEqual([expect.objectContaining({ kind: 'withdraw_consent', details: 'لم أعد أحتاج الدعم' })]);
    expect(JSON.stringify(body)).not.toContain('ملاحظة داخلية');
    expect((await privatePage('copy', { secret: 'y'.repeat(24) })).body).toEqual({ outcome: 'not_found' });
  });
});
