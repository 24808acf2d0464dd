// Each provider's request against its documented API (supabase/functions/_shared/providers/*.ts
// name the pages), and what each kind of answer means for the outbox. A fake fetch stands in for
// the provider: tests never call a real one.
import { describe, expect, it } from 'vitest';
import { taqnyatSms } from '../../../supabase/functions/_shared/providers/taqnyat.ts';
import { unifonicSms } from '../../../supabase/functions/_shared/providers/unifonic.ts';
import { resendEmail } from '../../../supabase/functions/_shared/providers/resend.ts';

type Sent = { url: string; init: RequestInit };

function fakeProvider(status: number, body: unknown) {
  const sent: Sent[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { sent, fetchImpl };
}
const unreachable = (async () => {
  throw new TypeError('fetch failed: connect ECONNREFUSED');
}) as typeof fetch;
const headersOf = (s: Sent) => Object.fromEntries(new Headers(s.init.headers).entries());

const SMS = { to: '+966551234567', text: 'وصل طلبك IRT-ABCD1234', messageId: 41 };

describe('Taqnyat', () => {
  it('POSTs /v1/messages with the Bearer token and { recipients, body, sender }, the number without +', async () => {
    const { sent, fetchImpl } = fakeProvider(201, {
      statusCode: 201, messageId: 5452899970, cost: 0.026, currency: 'SAR', totalCount: 1, msgLength: 1,
      accepted: '[966551234567,]', rejected: '[]',
    });
    const outcome = await taqnyatSms({ token: 'tq-token', sender: 'Irtiqaa' }, fetchImpl)(SMS);
    expect(outcome).toEqual({ kind: 'accepted', providerId: '5452899970' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://api.taqnyat.sa/v1/messages');
    expect(sent[0]!.init.method).toBe('POST');
    expect(headersOf(sent[0]!)).toMatchObject({ authorization: 'Bearer tq-token', 'content-type': 'application/json' });
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ recipients: ['966551234567'], body: SMS.text, sender: 'Irtiqaa' });
  });

  it('a number it lists as rejected is refused for good', async () => {
    const { fetchImpl } = fakeProvider(201, { statusCode: 201, messageId: 1, accepted: '[]', rejected: '[966551234567,]' });
    expect(await taqnyatSms({ token: 't', sender: 's' }, fetchImpl)(SMS)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('+966551234567') });
  });

  it.each([
    [400, { statusCode: 400, message: 'invalid sender name' }, 'refused'],
    [401, { statusCode: 401, message: 'invalid credentials information' }, 'retry'],
    [429, { message: 'too many requests' }, 'retry'],
    [503, 'Service Unavailable', 'retry'],
  ] as const)('HTTP %i: %s', async (status, body, kind) => {
    const { fetchImpl } = fakeProvider(status, body);
    const outcome = await taqnyatSms({ token: 't', sender: 's' }, fetchImpl)(SMS);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind !== 'accepted') expect(outcome.reason).toMatch(new RegExp(`^Taqnyat ${status}: `));
  });

  it('no connection: tried again later', async () => {
    expect(await taqnyatSms({ token: 't', sender: 's' }, unreachable)(SMS)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^network: /) });
  });
});

describe('Unifonic', () => {
  it('POSTs /rest/SMS/messages form-encoded with AppSid, SenderID, Body, Recipient (no +), responseType and a CorrelationID', async () => {
    const { sent, fetchImpl } = fakeProvider(200, {
      success: true, message: '', errorCode: 'ER-00',
      data: { MessageID: 3000000011, CorrelationID: 'irtiqaa-41', Status: 'Queued', NumberOfUnits: 1, Cost: 0.04, Balance: 100, Recipient: 966551234567 },
    });
    const outcome = await unifonicSms({ appSid: 'app-sid', sender: 'Irtiqaa' }, fetchImpl)(SMS);
    expect(outcome).toEqual({ kind: 'accepted', providerId: '3000000011' });
    expect(sent[0]!.url).toBe('https://el.cloud.unifonic.com/rest/SMS/messages');
    expect(headersOf(sent[0]!)['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(sent[0]!.init.body)))).toEqual({
      AppSid: 'app-sid', SenderID: 'Irtiqaa', Body: SMS.text, Recipient: '966551234567', responseType: 'JSON', CorrelationID: 'irtiqaa-41',
    });
  });

  it.each([
    [410, { success: false, message: 'Invalid recipient format', errorCode: 'ER-10' }, 'refused'],
    [200, { success: false, message: 'Invalid dest num', errorCode: 'ER-482' }, 'refused'],
    [480, { success: false, message: 'This user cannot use specified SenderID', errorCode: 'ER-480' }, 'retry'],
    [401, { success: false, message: 'Authentication failed' }, 'retry'],
    [500, 'oops', 'retry'],
  ] as const)('HTTP %i %j', async (status, body, kind) => {
    const { fetchImpl } = fakeProvider(status, body);
    expect((await unifonicSms({ appSid: 'a', sender: 's' }, fetchImpl)(SMS)).kind).toBe(kind);
  });
});

describe('Resend', () => {
  const EMAIL = { to: 'sara@example.com', subject: 'استلمنا طلبك IRT-ABCD1234', text: 'نص', html: '<p>نص</p>', messageId: 41, idempotencyKey: 'irtiqaa-outbox-41-0' };

  it('POSTs /emails with the Bearer key, an Idempotency-Key and { from, to, subject, text, html, headers }', async () => {
    const { sent, fetchImpl } = fakeProvider(200, { id: '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794' });
    const outcome = await resendEmail({ apiKey: 're_key', from: 'Irtiqaa <no-reply@irtiqaa.org.sa>' }, fetchImpl)(EMAIL);
    expect(outcome).toEqual({ kind: 'accepted', providerId: '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794' });
    expect(sent[0]!.url).toBe('https://api.resend.com/emails');
    expect(headersOf(sent[0]!)).toMatchObject({ authorization: 'Bearer re_key', 'content-type': 'application/json', 'idempotency-key': 'irtiqaa-outbox-41-0' });
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({
      from: 'Irtiqaa <no-reply@irtiqaa.org.sa>', to: ['sara@example.com'], subject: EMAIL.subject, text: 'نص', html: '<p>نص</p>',
      headers: { 'X-Irtiqaa-Message': '41' },
    });
  });

  it.each([
    [422, { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' }, 'refused'],
    [403, { statusCode: 403, name: 'validation_error', message: 'You can only send testing emails to your own email address' }, 'retry'],
    [429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }, 'retry'],
    [500, { statusCode: 500, name: 'internal_server_error', message: 'x' }, 'retry'],
  ] as const)('HTTP %i %j', async (status, body, kind) => {
    const { fetchImpl } = fakeProvider(status, body);
    const outcome = await resendEmail({ apiKey: 'k', from: 'f' }, fetchImpl)(EMAIL);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind !== 'accepted') expect(outcome.reason).toContain(body.message);
  });

  it('409 for a key it has already seen: that email went out, it is not sent again', async () => {
    const { fetchImpl } = fakeProvider(409, { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request payload.' });
    expect(await resendEmail({ apiKey: 'k', from: 'f' }, fetchImpl)(EMAIL)).toEqual({ kind: 'accepted', providerId: 'idempotent:irtiqaa-outbox-41-0' });
  });
});
