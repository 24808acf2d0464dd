// Issue 15, holes 1, 2, 5 and 6: what an outsider can learn or break with the functions `anon`
// may call, sent as an attacker sends them (plain HTTP through the gateway).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { anonClient, apiUrl, freshMobile, LOCAL_ANON_KEY, submitRequest, withDb } from './support/clients';
import { submissionArgs } from '../fixtures/support-request-samples';

type Params = Record<string, string | number | boolean>;

/** Every function anon may execute, with arguments for a call: `reads` is true for the one allowed to answer GET. */
const ANON_FUNCTIONS: Record<string, { reads: boolean; calls: Params[] }> = {
  get_request_status: { reads: false, calls: [{ p_reference: 'IRT-00000000', p_phone_last4: '1234' }, { p_reference: 'x', p_phone_last4: '' }] },
  submit_support_request: {
    reads: false,
    calls: [
      { ...(submissionArgs({ p_mobile: '0551239999' }) as Params), p_idempotency_key: crypto.randomUUID(), p_form_started_at: '2026-01-01T00:00:00Z' },
      { ...(submissionArgs({ p_full_name: '' }) as Params), p_idempotency_key: crypto.randomUUID() },
      { ...(submissionArgs({ p_mobile: '0551239998' }) as Params), p_idempotency_key: crypto.randomUUID(), p_messages_by_sms: true, p_messages_by_email: false },
      { ...(submissionArgs({ p_mobile: '0551239997' }) as Params), p_idempotency_key: crypto.randomUUID(), p_messages_by_sms: true, p_messages_by_email: false, p_privacy_notice_version: '0123456789ab' },
    ],
  },
  submit_satisfaction_survey: {
    reads: false,
    calls: [
      { p_reference: 'IRT-00000000', p_channel: '', p_overall: 4, p_courtesy: 4, p_clarity: 4, p_speed: 4, p_ease: 4, p_recommend: 7, p_comment: '', p_locale: 'ar', p_idempotency_key: crypto.randomUUID() },
      { p_reference: '', p_channel: 'nowhere', p_overall: 9, p_courtesy: 4, p_clarity: 4, p_speed: 4, p_ease: 4, p_recommend: 7, p_comment: '', p_locale: 'ar', p_idempotency_key: crypto.randomUUID() },
    ],
  },
  service_stats: { reads: true, calls: [{}] },
  stop_messages: { reads: false, calls: [{ p_token: '0000000000000AA' }, { p_token: 'x'.repeat(3000) }] },
  resume_messages: { reads: false, calls: [{ p_token: '0000000000000AA' }, { p_token: '' }] },
};

const rpcUrl = (fn: string, params: Params = {}) =>
  `${apiUrl}/rest/v1/rpc/${fn}${Object.keys(params).length ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : ''}`;
const rpcGet = (fn: string, params: Params, method = 'GET') => fetch(rpcUrl(fn, params), { method, headers: { apikey: LOCAL_ANON_KEY } });

/** POST /rest/v1/rpc/get_request_status from a local address of our choosing: another client, as the gateway sees it. */
function lookUpFrom(localAddress: string, reference: string, last4: string, headers: Record<string, string> = {}): Promise<any> {
  const body = JSON.stringify({ p_reference: reference, p_phone_last4: last4 });
  return new Promise((resolve, reject) => {
    const req = http.request(`${apiUrl}/rest/v1/rpc/get_request_status`, {
      method: 'POST', localAddress,
      headers: { apikey: LOCAL_ANON_KEY, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
    }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const failuresRecorded = (reference: string) =>
  withDb(async (db) => (await db.query('select count(*)::int as n from internal.status_lookup_failures where reference = $1', [reference])).rows[0].n as number);

async function freshReceipt() {
  const mobile = freshMobile();
  const receipt = await submitRequest({ p_mobile: mobile });
  return { reference: receipt.reference, last4: mobile.slice(-4), wrong: String((Number(mobile.slice(-4)) + 1) % 10_000).padStart(4, '0') };
}

describe('hole 1: a GET cannot skip what a function records', () => {
  it('answers the status lookup by GET or HEAD with the same 405 for a right and a wrong guess, and records nothing', async () => {
    const { reference, last4, wrong } = await freshReceipt();
    const right = await rpcGet('get_request_status', { p_reference: reference, p_phone_last4: last4 });
    const guess = await rpcGet('get_request_status', { p_reference: reference, p_phone_last4: wrong });
    expect([right.status, guess.status]).toEqual([405, 405]);
    expect(right.headers.get('allow')).toBe('POST');
    expect(await right.json()).toEqual(await guess.json());
    const heads = await Promise.all([last4, wrong].map((p) => rpcGet('get_request_status', { p_reference: reference, p_phone_last4: p }, 'HEAD')));
    expect(heads.map((h) => h.status)).toEqual([405, 405]);
    expect(await failuresRecorded(reference)).toBe(0);
  });

  it('keeps the throttle whatever the method: five wrong POSTs lock the reference, a GET neither unlocks nor reveals it', async () => {
    const { reference, last4, wrong } = await freshReceipt();
    for (let i = 0; i < 5; i++) {
      expect((await anonClient().rpc('get_request_status', { p_reference: reference, p_phone_last4: wrong })).data).toEqual({ outcome: 'not_found' });
    }
    expect((await rpcGet('get_request_status', { p_reference: reference, p_phone_last4: last4 })).status).toBe(405);
    expect((await anonClient().rpc('get_request_status', { p_reference: reference, p_phone_last4: last4 })).data.outcome).toBe('throttled');
  });

  it('holds for every function anon can call: each that records refuses GET alike for any arguments', async () => {
    const granted = await withDb(async (db) => (await db.query(
      `select distinct p.proname from pg_proc p where p.pronamespace = 'public'::regnamespace and has_function_privilege('anon', p.oid, 'execute') order by 1`,
    )).rows.map((r) => r.proname as string));
    expect(granted, 'a function anon may call is listed above, with arguments').toEqual(Object.keys(ANON_FUNCTIONS).sort());
    for (const [fn, { reads, calls }] of Object.entries(ANON_FUNCTIONS)) {
      const statuses = await Promise.all(calls.map(async (params) => (await rpcGet(fn, params)).status));
      expect(statuses, fn).toEqual(calls.map(() => (reads ? 200 : 405)));
    }
  });
});

describe('hole 2: input is bounded before it reaches an index, and no error names an internal object', () => {
  it('a 5,000-character reference is simply not found', async () => {
    // Random text does not compress: it once reached the index whole (54000 "index row size ... status_lookup_failures_idx").
    const random = `IRT-${randomBytes(4000).toString('base64url').slice(0, 5000)}`;
    for (const p_reference of [random, `IRT-${'A'.repeat(5000)}`, 'ا'.repeat(5000), `${'IRT-00000000 '.repeat(400)}`]) {
      const { data, error, status } = await anonClient().rpc('get_request_status', { p_reference, p_phone_last4: '1'.repeat(5000) });
      expect([status, error, data]).toEqual([200, null, { outcome: 'not_found' }]);
    }
    const survey = await anonClient().rpc('submit_satisfaction_survey', {
      p_reference: random, p_channel: '', p_overall: 4, p_courtesy: 4, p_clarity: 4, p_speed: 4, p_ease: 4,
      p_recommend: null, p_comment: '', p_locale: 'ar', p_idempotency_key: crypto.randomUUID(),
    });
    expect([survey.status, survey.error?.message]).toEqual([400, 'reference_format']);
    expect(await failuresRecorded(random.toUpperCase())).toBe(0);
  });
});

describe('hole 6: strangers cannot lock the beneficiary out', () => {
  it('a stranger’s five wrong guesses lock out the stranger, not the beneficiary on another connection', async () => {
    const { reference, last4, wrong } = await freshReceipt();
    const stranger = await Promise.all(Array.from({ length: 5 }, () => lookUpFrom('127.0.0.2', reference, wrong)));
    expect(stranger).toEqual(Array.from({ length: 5 }, () => ({ outcome: 'not_found' })));
    expect((await lookUpFrom('127.0.0.2', reference, last4)).outcome).toBe('throttled');
    expect(await lookUpFrom('127.0.0.1', reference, last4)).toMatchObject({ outcome: 'found', reference });
  });

  it('the client is the address the gateway sees, not the X-Forwarded-For a caller sends', async () => {
    const { reference, last4, wrong } = await freshReceipt();
    for (let i = 0; i < 5; i++) await lookUpFrom('127.0.0.3', reference, wrong, { 'x-forwarded-for': `10.0.0.${i}` });
    expect((await lookUpFrom('127.0.0.3', reference, last4, { 'x-forwarded-for': '10.0.0.99' })).outcome).toBe('throttled');
  });

  it('guesses from many addresses at one reference lock it for everyone after twenty in 15 minutes', async () => {
    const { reference, last4, wrong } = await freshReceipt();
    const guessers = ['127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7'];
    for (const address of guessers) {
      for (let i = 0; i < 5; i++) expect((await lookUpFrom(address, reference, wrong)).outcome).toBe('not_found');
    }
    const everyone = await lookUpFrom('127.0.0.1', reference, last4);
    expect(everyone.outcome).toBe('throttled');
    expect(everyone.retry_after_seconds).toBeGreaterThan(14 * 60);
    expect(await failuresRecorded(reference)).toBe(20);
  });
});

// Hole 5 for the survey: the private page binds a survey to the request's link (issue 14), so the
// public survey opens no follow-up and answers an unknown reference as a real one.
describe('hole 5: no anonymous function tells whether a reference exists', () => {
  const survey = (reference: string, overall = 4) => anonClient().rpc('submit_satisfaction_survey', {
    p_reference: reference, p_channel: '', p_overall: overall, p_courtesy: 3, p_clarity: 3, p_speed: 3, p_ease: 3,
    p_recommend: null, p_comment: '', p_locale: 'ar', p_idempotency_key: crypto.randomUUID(),
  });

  it('the status lookup answers a wrong guess at a real reference as it answers a reference that does not exist', async () => {
    const { reference, wrong } = await freshReceipt();
    const real = await anonClient().rpc('get_request_status', { p_reference: reference, p_phone_last4: wrong });
    const none = await anonClient().rpc('get_request_status', { p_reference: 'IRT-ZZZZZZZZ', p_phone_last4: wrong });
    expect([real.status, real.data]).toEqual([none.status, none.data]);
  });

  it('the survey answers a real reference and one that does not exist alike', async () => {
    const { reference } = await freshReceipt();
    const real = await survey(reference);
    const none = await survey('IRT-ZZZZZZZZ');
    expect([none.status, none.error?.message ?? null]).toEqual([real.status, real.error?.message ?? null]);
  });

  it('a reference alone does not open a follow-up per low-score survey', async () => {
    const { reference } = await freshReceipt();
    for (let i = 0; i < 5; i++) await survey(reference, 1);
    const followUps = await withDb(async (db) => (await db.query(
      `select count(*)::int as n from public.request_events e join public.support_requests r on r.id = e.request_id
        where r.reference = $1 and e.kind = 'follow_up'`, [reference])).rows[0].n as number);
    expect(followUps).toBeLessThanOrEqual(1);
  });
});
