// The outbox as the database keeps it (docs/ARCHITECTURE.md, "Outreach"): each moment writes its
// messages in the same transaction as the change that causes it, once per change and channel, on
// the channels the beneficiary chose; the notify function's claim and record; undelivered
// messages and their retry; the stop link. No templates are served here, so the stack's own
// notify runs claim nothing: these tests claim by hand.
import { beforeEach, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, application, requestId, serviceClient, submitRequest, withDb } from './support/clients';
import { clientAs, seededStaffByRole } from './support/staff-clients';
import { allowSweep, eventsOf, makeOverdue, outboxOf, settleOutbox } from './support/outreach';
import { privatePage } from './support/private-page';
import type { StaffRole } from '../../src/lib/workflow';

let as: Record<StaffRole, SupabaseClient>;
const staffAs = async (role: StaffRole) => {
  as ??= Object.fromEntries(Object.entries(await seededStaffByRole()).map(([r, id]) => [r, clientAs(id)])) as Record<StaffRole, SupabaseClient>;
  return as[role];
};

/** A fresh request, as the public submits it, with the choice of updates given or left to the default. */
async function submitted(overrides: Record<string, unknown> = {}) {
  const receipt = await submitRequest(overrides);
  return { ...receipt, id: await requestId(receipt.reference) };
}

async function move(id: string, steps: [StaffRole, string, string?][]) {
  for (const [role, to, note] of steps) {
    const { error } = await (await staffAs(role)).rpc('transition_request', { p_request_id: id, p_to: to, p_note: note ?? null });
    if (error) throw new Error(`${to}: ${error.message}`);
  }
}
const toDecision: [StaffRole, string][] = [['officer', 'under_review'], ['officer', 'pending_decision']];
const moments = async (id: string) => (await outboxOf(id)).map((m) => `${m.moment}:${m.channel}`);

describe('each moment queues its messages with the change that causes it', () => {
  it('a submission: SMS by default, and email when the beneficiary gave an address', async () => {
    const withEmail = await submitted({ p_email: 'Sara.Ahmed@Example.com' });
    expect(await outboxOf(withEmail.id)).toMatchObject([
      { moment: 'request_received', channel: 'sms', recipient: expect.stringMatching(/^\+9665\d{8}$/), state: 'queued', locale: 'ar' },
      { moment: 'request_received', channel: 'email', recipient: 'sara.ahmed@example.com', state: 'queued' },
    ]);
    const without = await submitted();
    expect(await moments(without.id)).toEqual(['request_received:sms']);
  });

  it('the choice made at submission, through the public form and the staff registration alike', async () => {
    const emailOnly = await submitted({ p_email: 'a@example.com', p_messages_by_sms: false, p_messages_by_email: true });
    expect(await moments(emailOnly.id)).toEqual(['request_received:email']);
    const nothing = await submitted({ p_email: 'b@example.com', p_messages_by_sms: false, p_messages_by_email: false });
    expect(await moments(nothing.id)).toEqual([]);
    const { data: prefs } = await serviceClient().from('contact_preferences').select('sms, email, stopped_at').eq('request_id', nothing.id).single();
    expect(prefs).toEqual({ sms: false, email: false, stopped_at: null });

    const { data, error } = await (await staffAs('officer')).rpc('register_request_on_behalf', {
      ...application({ p_email: 'c@example.com' }), p_intake_channel: 'phone', p_messages_by_sms: true, p_messages_by_email: false,
    });
    expect(error).toBeNull();
    expect(await moments(await requestId(data.reference))).toEqual(['request_received:sms']);
  });

  it('a retried submission (the same idempotency key) queues nothing more', async () => {
    const key = crypto.randomUUID();
    const first = await submitted({ p_idempotency_key: key, p_email: 'retry@example.com' });
    const again = await anonClient().rpc('submit_support_request', application({ p_idempotency_key: key, p_email: 'retry@example.com' }));
    expect(again.data.reference).toBe(first.reference);
    expect(await moments(first.id)).toEqual(['request_received:sms', 'request_received:email']);
  });

  it('information needed, the decision and the service delivered, each with its own message', async () => {
    const asked = await submitted();
    await move(asked.id, [['officer', 'under_review'], ['officer', 'needs_info', 'Please send the school certificate']]);
    const rejected = await submitted();
    await move(rejected.id, [...toDecision, ['authority', 'rejected', 'Outside our programmes']]);
    const delivered = await submitted();
    await move(delivered.id, [...toDecision, ['authority', 'accepted'], ['officer', 'registered'], ['officer', 'service_delivered'], ['officer', 'closed']]);
    expect(await moments(asked.id)).toEqual(['request_received:sms', 'information_needed:sms']);
    expect(await moments(rejected.id)).toEqual(['request_received:sms', 'decision_rejected:sms']);
    // Starting the review, registering and closing say nothing to the beneficiary.
    expect(await moments(delivered.id)).toEqual(['request_received:sms', 'decision_accepted:sms', 'service_delivered:sms']);
  });

  it('a second request for information is a second change: a second message', async () => {
    const r = await submitted();
    await move(r.id, [['officer', 'under_review'], ['officer', 'needs_info', 'First'], ['officer', 'under_review'], ['officer', 'needs_info', 'Second']]);
    expect(await moments(r.id)).toEqual(['request_received:sms', 'information_needed:sms', 'information_needed:sms']);
  });

  it('refuses, and queues nothing, when the text for the beneficiary hides characters (note_characters)', async () => {
    const r = await submitted();
    await move(r.id, [['officer', 'under_review']]);
    const { error, status } = await (await staffAs('officer')).rpc('transition_request', { p_request_id: r.id, p_to: 'needs_info', p_note: 'Send \u202Eevil' });
    expect({ status, message: error?.message, hint: error?.hint }).toEqual({ status: 400, message: 'note_characters', hint: 'note' });
    const { data } = await serviceClient().from('support_requests').select('status').eq('id', r.id).single();
    expect(data!.status).toBe('under_review');
    expect(await moments(r.id)).toEqual(['request_received:sms']);
  });

  it('overdue: flags the request for the supervisor and queues one apology, once', async () => {
    const late = await submitted({ p_email: 'late@example.com' });
    await makeOverdue(late.id);
    const waiting = await submitted();
    await move(waiting.id, [['officer', 'under_review'], ['officer', 'needs_info', 'Documents please']]);
    await makeOverdue(waiting.id);
    for (let sweep = 0; sweep < 2; sweep++) {
      await allowSweep();
      await serviceClient().rpc('queue_overdue_messages');
    }
    expect(await moments(late.id)).toEqual(['request_received:sms', 'request_received:email', 'overdue_apology:sms', 'overdue_apology:email']);
    const { data: flags } = await (await staffAs('supervisor')).from('overdue_flags').select('request_id').in('request_id', [late.id, waiting.id]);
    expect(flags).toEqual([{ request_id: late.id }]);
    // Waiting on the beneficiary stops the clock: no apology, no flag.
    expect(await moments(waiting.id)).toEqual(['request_received:sms', 'information_needed:sms']);
    expect((await eventsOf(late.id)).filter((e) => e.code === 'overdue_flagged')).toHaveLength(1);
  });

  it('sweeps at most every five minutes', async () => {
    await allowSweep();
    await serviceClient().rpc('queue_overdue_messages');
    const late = await submitted();
    await makeOverdue(late.id);
    const { data } = await serviceClient().rpc('queue_overdue_messages');
    expect(data).toBe(0);
    expect(await moments(late.id)).toEqual(['request_received:sms']);
  });
});

describe('staff write to the beneficiary', () => {
  it('sends a message on the chosen channels, once for one idempotency key', async () => {
    const r = await submitted({ p_email: 'msg@example.com' });
    const key = crypto.randomUUID();
    const officer = await staffAs('officer');
    const first = await officer.rpc('send_staff_message', { p_request_id: r.id, p_message: '  نرجو الاتصال بنا غدًا  ', p_idempotency_key: key });
    const again = await officer.rpc('send_staff_message', { p_request_id: r.id, p_message: 'نرجو الاتصال بنا غدًا', p_idempotency_key: key });
    expect(first.error).toBeNull();
    expect(again.data).toEqual(first.data);
    expect(first.data.channels).toEqual(['sms', 'email']);
    expect(await moments(r.id)).toEqual(['request_received:sms', 'request_received:email', 'staff_message:sms', 'staff_message:email']);
    const [event] = (await eventsOf(r.id)).filter((e) => e.code === 'staff_message');
    expect(event).toMatchObject({ kind: 'message', note: 'نرجو الاتصال بنا غدًا', actor_role: 'officer', message_moment: 'staff_message' });
  });

  it('refuses what the form refuses, and roles that do not handle requests', async () => {
    const r = await submitted();
    const officer = await staffAs('officer');
    const refusal = async (client: SupabaseClient, message: unknown) => {
      const { error, status } = await client.rpc('send_staff_message', { p_request_id: r.id, p_message: message });
      return `${status} ${error?.message}`;
    };
    expect(await refusal(officer, '   ')).toBe('400 message_required');
    expect(await refusal(officer, 'x'.repeat(1001))).toBe('400 message_length');
    expect(await refusal(officer, 'hello \u2066world')).toBe('400 message_characters');
    expect(await refusal(await staffAs('authority'), 'hello')).toBe('403 role_not_allowed');
    expect(await refusal(anonClient(), 'hello')).toMatch(/^401 /);
    const { error } = await officer.rpc('send_staff_message', { p_request_id: crypto.randomUUID(), p_message: 'hello' });
    expect(error?.message).toBe('request_not_found');
  });

  it('closes the follow-up of a low score with what was done, sent to the beneficiary', async () => {
    // A low score opens a follow-up only through the request's private link, once it is decided (issue 14).
    const r = await submitted();
    await move(r.id, [...toDecision, ['authority', 'accepted']]);
    const rated = await privatePage('rate', {
      secret: r.private_link_secret, channel: '', overall: 1, courtesy: 2, clarity: 2, speed: 1, ease: 2, recommend: '', comment: '',
      locale: 'ar', idempotency_key: crypto.randomUUID(),
    });
    expect(rated.body).toMatchObject({ outcome: 'rated' });
    const officer = await staffAs('officer');
    expect((await officer.rpc('close_follow_up', { p_request_id: r.id, p_note: '' })).error?.message).toBe('note_required');
    expect((await officer.rpc('close_follow_up', { p_request_id: r.id, p_note: 'اتصلنا \u202Eبك' })).error?.message).toBe('note_characters');
    const closed = await officer.rpc('close_follow_up', { p_request_id: r.id, p_note: 'اتصلنا بك واعتذرنا، وخصصنا لك موظفًا للمتابعة.' });
    expect(closed.error).toBeNull();
    expect(closed.data).toMatchObject({ kind: 'follow_up', code: 'follow_up_closed', actor_role: 'officer' });
    expect(await moments(r.id)).toEqual(['request_received:sms', 'decision_accepted:sms', 'follow_up_closed:sms']);
    expect((await officer.rpc('close_follow_up', { p_request_id: r.id, p_note: 'again' })).error?.message).toBe('follow_up_not_open');
    const other = await submitted();
    expect((await officer.rpc('close_follow_up', { p_request_id: other.id, p_note: 'x' })).error?.message).toBe('follow_up_not_open');
  });
});

describe('contact preferences', () => {
  it('stopped messages stop everything but the decision; staff change them when the beneficiary asks', async () => {
    const r = await submitted({ p_email: 'stop@example.com' });
    const officer = await staffAs('officer');
    const { error } = await officer.rpc('set_contact_preferences', { p_request_id: r.id, p_sms: true, p_email: true, p_stopped: true });
    expect(error).toBeNull();
    await move(r.id, [['officer', 'under_review'], ['officer', 'needs_info', 'Documents please'], ['officer', 'under_review'], ['officer', 'pending_decision']]);
    expect((await officer.rpc('send_staff_message', { p_request_id: r.id, p_message: 'hello' })).error?.message).toBe('messages_stopped');
    await move(r.id, [['authority', 'accepted']]);
    expect(await moments(r.id)).toEqual(['request_received:sms', 'request_received:email', 'decision_accepted:sms', 'decision_accepted:email']);
    const codes = (await eventsOf(r.id)).map((e) => e.code).filter(Boolean);
    expect(codes).toContain('contact_preferences_changed');
  });

  it('the decision reaches a beneficiary who chose no channel, by SMS', async () => {
    const r = await submitted({ p_messages_by_sms: false, p_messages_by_email: false });
    await move(r.id, [...toDecision, ['authority', 'rejected', 'Outside our programmes']]);
    expect(await moments(r.id)).toEqual(['decision_rejected:sms']);
  });

  it('refuses email for a request without an address, and roles that do not handle requests', async () => {
    const r = await submitted();
    const { error } = await (await staffAs('officer')).rpc('set_contact_preferences', { p_request_id: r.id, p_sms: true, p_email: true, p_stopped: false });
    expect(error?.message).toBe('email_missing');
    for (const role of ['authority', 'admin'] as const) {
      const { error: refused, status } = await (await staffAs(role)).rpc('set_contact_preferences', { p_request_id: r.id, p_sms: false, p_email: false, p_stopped: false });
      expect(`${status} ${refused?.message}`).toBe('403 role_not_allowed');
    }
    const { data } = await (await staffAs('authority')).from('contact_preferences').select('sms').eq('request_id', r.id).single();
    expect(data).toEqual({ sms: true });
  });
});

describe('the stop link', () => {
  const stopPath = (id: string) => withDb(async (db) => (await db.query('select internal.stop_link_path($1) as p', [id])).rows[0].p as string);

  it('stops the messages of its own request, without an account, and starts them again', async () => {
    const r = await submitted();
    const token = (await stopPath(r.id)).slice('/stop#'.length);
    expect((await anonClient().rpc('stop_messages', { p_token: token })).data).toEqual({ outcome: 'stopped', reference: r.reference });
    expect((await anonClient().rpc('stop_messages', { p_token: token.toLowerCase() })).data).toEqual({ outcome: 'stopped', reference: r.reference });
    const codes = () => eventsOf(r.id).then((events) => events.map((e) => e.code).filter(Boolean));
    expect(await codes()).toEqual(['messages_stopped']);
    expect((await anonClient().rpc('resume_messages', { p_token: token })).data).toEqual({ outcome: 'resumed', reference: r.reference });
    expect(await codes()).toEqual(['messages_stopped', 'messages_resumed']);
  });

  it('cannot be forged for another request: a wrong signature is not_found, and five of them throttle the reference', async () => {
    const target = await submitted();
    const code = target.reference.slice(4);
    const signature = (await stopPath(target.id)).slice(-7);
    const forged = (n: number) => `${code}${signature.slice(0, 6)}${'0123456789ABC'.replace(signature[6]!, '')[n]}`;
    for (let n = 0; n < 5; n++) expect((await anonClient().rpc('stop_messages', { p_token: forged(n) })).data).toEqual({ outcome: 'not_found' });
    expect((await anonClient().rpc('stop_messages', { p_token: `${code}${signature}` })).data).toMatchObject({ outcome: 'throttled', retry_after_seconds: expect.any(Number) });
    const { data } = await serviceClient().from('contact_preferences').select('stopped_at').eq('request_id', target.id).single();
    expect(data).toEqual({ stopped_at: null });
    for (const junk of ['', 'not a token', 'IRT-ABCD1234', '😀'.repeat(20)]) {
      expect((await anonClient().rpc('stop_messages', { p_token: junk })).data).toEqual({ outcome: 'not_found' });
    }
  });
});

describe('the notify function’s side of the outbox', () => {
  beforeEach(settleOutbox);

  it('is not the public’s nor staff’s: claim and record are the service role’s only', async () => {
    for (const client of [anonClient(), await staffAs('supervisor')]) {
      expect((await client.rpc('claim_messages', { p_limit: 5 })).error?.code).toBe('42501');
      expect((await client.rpc('record_message_result', { p_id: 1, p_claim: crypto.randomUUID(), p_outcome: 'sent' })).error?.code).toBe('42501');
      expect((await client.rpc('queue_overdue_messages')).error?.code).toBe('42501');
    }
  });

  it('claims what a message needs and nothing more: no national ID, no description, no full name', async () => {
    const r = await submitted({ p_full_name: 'د. عبد الله أحمد القحطاني', p_email: 'claim@example.com' });
    const { data, error } = await serviceClient().rpc('claim_messages', { p_limit: 10, p_lease_seconds: 30 });
    expect(error).toBeNull();
    const mine = (data as Record<string, unknown>[]).filter((m) => m.reference === r.reference);
    expect(mine.map((m) => m.channel)).toEqual(['sms', 'email']);
    expect(Object.keys(mine[0]!).sort()).toEqual([
      'attempts', 'channel', 'claim', 'decision_due_by', 'decision_due_from', 'first_name', 'id', 'link_path', 'locale', 'message',
      'moment', 'recipient', 'reference', 'retries', 'stop_path',
    ]);
    expect(mine[0]).toMatchObject({ first_name: 'عبد الله', link_path: expect.stringMatching(/^\/r\/#[A-Za-z0-9_-]{24}$/), stop_path: expect.stringMatching(/^\/stop#/), message: null });
    expect(JSON.stringify(mine)).not.toMatch(/1000000008|القحطاني|أحتاج/);
  });

  it('never gives one message to two runs at once', async () => {
    for (let i = 0; i < 6; i++) await submitted();
    const claims = await Promise.all([0, 1, 2].map(() => serviceClient().rpc('claim_messages', { p_limit: 3, p_lease_seconds: 30 })));
    const ids = claims.flatMap((c) => (c.data as { id: number }[]).map((m) => m.id));
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('records an outcome only for the run that holds the claim; sent writes the history', async () => {
    const r = await submitted();
    const [claimed] = ((await serviceClient().rpc('claim_messages', { p_limit: 1, p_lease_seconds: 30 })).data as { id: number; claim: string }[]);
    const record = (claim: string, outcome: string, detail?: string) =>
      serviceClient().rpc('record_message_result', { p_id: claimed!.id, p_claim: claim, p_outcome: outcome, p_detail: detail });
    expect((await record(crypto.randomUUID(), 'sent')).data).toBe('stale');
    expect((await record(claimed!.claim, 'sent', 'provider-77')).data).toBe('sent');
    expect((await record(claimed!.claim, 'failed', 'late')).data).toBe('stale');
    expect(await outboxOf(r.id)).toMatchObject([{ state: 'sent', provider_id: 'provider-77', attempts: 1 }]);
    expect((await eventsOf(r.id)).at(-1)).toMatchObject({ kind: 'message', code: 'message_sent', message_moment: 'request_received', message_channel: 'sms', actor_id: null });
  });

  it('tries again later with back-off, and fails a message after the last try, with the reason', async () => {
    const r = await submitted();
    let outcome = '';
    for (let attempt = 1; attempt <= 10; attempt++) {
      await withDb((db) => db.query(`update internal.outbox set next_attempt_at = now() where request_id = $1 and state = 'queued'`, [r.id]));
      const claimed = ((await serviceClient().rpc('claim_messages', { p_limit: 200, p_lease_seconds: 30 })).data as { id: number; claim: string; reference: string }[])
        .find((m) => m.reference === r.reference)!;
      outcome = (await serviceClient().rpc('record_message_result', { p_id: claimed.id, p_claim: claimed.claim, p_outcome: 'retry', p_detail: 'SMTP 421: busy\u202E' })).data;
      if (attempt === 1) {
        const [row] = await withDb(async (db) => (await db.query(`select extract(epoch from next_attempt_at - now()) as wait from internal.outbox where request_id = $1`, [r.id])).rows);
        expect(Number(row.wait)).toBeGreaterThan(10);
        expect(Number(row.wait)).toBeLessThanOrEqual(15);
      }
    }
    expect(outcome).toBe('failed');
    // Staff read the reason without its hidden characters.
    expect(await outboxOf(r.id)).toMatchObject([{ state: 'failed', attempts: 10, last_error: 'SMTP 421: busy' }]);
    expect((await eventsOf(r.id)).at(-1)).toMatchObject({ code: 'message_failed', note: 'SMTP 421: busy' });
  });

  it('keeps a reason that quotes a number with the number masked (staff read it), and a provider\'s message id as it is', async () => {
    const [failing, sent] = [await submitted(), await submitted()];
    const claimed = (await serviceClient().rpc('claim_messages', { p_limit: 200, p_lease_seconds: 30 })).data as { id: number; claim: string; reference: string }[];
    const [refused, delivered] = [failing, sent].map((r) => claimed.find((m) => m.reference === r.reference)!);
    await serviceClient().rpc('record_message_result', { p_id: refused.id, p_claim: refused.claim, p_outcome: 'failed', p_detail: 'Taqnyat 400: Invalid mobile number 966551234567 (+966551234567), code 1001' });
    const reason = 'Taqnyat 400: Invalid mobile number ••••••4567 (••••••4567), code 1001';
    expect((await outboxOf(failing.id)).find((m) => m.state === 'failed')).toMatchObject({ last_error: reason });
    expect((await eventsOf(failing.id)).at(-1)).toMatchObject({ code: 'message_failed', note: reason });
    await serviceClient().rpc('record_message_result', { p_id: delivered.id, p_claim: delivered.claim, p_outcome: 'sent', p_detail: '1234567890123' });
    const [row] = await withDb(async (db) => (await db.query('select provider_id from internal.outbox where id = $1', [delivered.id])).rows);
    expect(row).toEqual({ provider_id: '1234567890123' });
  });

  it('claims again, once its lease is over, a message whose run died', async () => {
    const r = await submitted();
    const take = async () => ((await serviceClient().rpc('claim_messages', { p_limit: 200, p_lease_seconds: 10 })).data as { reference: string; attempts: number }[])
      .filter((m) => m.reference === r.reference);
    expect(await take()).toMatchObject([{ attempts: 1 }]);
    expect(await take()).toEqual([]);
    await withDb((db) => db.query(`update internal.outbox set next_attempt_at = now() where request_id = $1`, [r.id]));
    expect(await take()).toMatchObject([{ attempts: 2 }]);
  });
});

describe('messages not delivered', () => {
  it('are listed for staff with the reason, and a retry queues the message again from its first try', async () => {
    await settleOutbox();
    const r = await submitted();
    const [claimed] = ((await serviceClient().rpc('claim_messages', { p_limit: 1, p_lease_seconds: 30 })).data as { id: number; claim: string }[]);
    await serviceClient().rpc('record_message_result', { p_id: claimed!.id, p_claim: claimed!.claim, p_outcome: 'failed', p_detail: 'Taqnyat 400: invalid number' });
    const supervisor = await staffAs('supervisor');
    const { data: listed } = await supervisor.rpc('undelivered_messages');
    expect(listed.find((m: { id: number }) => m.id === claimed!.id)).toMatchObject({
      request_id: r.id, reference: r.reference, moment: 'request_received', channel: 'sms', reason: 'Taqnyat 400: invalid number', attempts: 1,
    });
    expect((await anonClient().rpc('undelivered_messages')).error?.code).toBe('42501');
    expect((await (await staffAs('authority')).rpc('retry_message', { p_message_id: claimed!.id })).error?.message).toBe('role_not_allowed');

    const retried = await supervisor.rpc('retry_message', { p_message_id: claimed!.id });
    expect(retried.data).toEqual({ id: claimed!.id, state: 'queued' });
    expect(await outboxOf(r.id)).toMatchObject([{ state: 'queued', attempts: 0, retries: 1 }]);
    expect((await supervisor.rpc('retry_message', { p_message_id: claimed!.id })).error?.message).toBe('message_not_failed');
    expect((await supervisor.rpc('retry_message', { p_message_id: 999_999_999 })).error?.message).toBe('message_not_found');
    expect((await eventsOf(r.id)).at(-1)).toMatchObject({ code: 'message_retried', actor_role: 'supervisor', message_id: String(claimed!.id) });
  });
});
