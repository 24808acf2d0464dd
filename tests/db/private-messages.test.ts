// Issue 14, the page's Messages section (with issue 13's contact preferences): the beneficiary sees
// how they hear about their request and changes it through their private link: SMS, email (only
// with an address), stopped or not. The staff rules, one more (no way at all is a stop), the same
// history events with no actor, the link's throttle; stopped messages stop all but the decision.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requestId, submitRequest, withDb } from './support/clients';
import { eventsOf, outboxOf } from './support/outreach';
import { privatePage, staffAs } from './support/private-page';
import { messagesRule } from '../../src/schemas/private-messages';

/** A fresh request as the public submits it, with its private link's secret. */
async function submitted(overrides: Record<string, unknown> = {}) {
  const receipt = await submitRequest(overrides);
  return { id: await requestId(receipt.reference), secret: receipt.private_link_secret };
}
const withEmail = (overrides: Record<string, unknown> = {}) => submitted({ p_email: 'sara.messages@example.com', ...overrides });

// This file's beneficiary calls from an address of its own, so no other file's wrong links count against it.
const BENEFICIARY = 'private-messages-beneficiary';
const setMessages = (secret: string, choice: Record<string, unknown>, client = BENEFICIARY) => privatePage('messages', { secret, ...choice }, client);
const messagesOf = async (secret: string) => (await privatePage('open', { secret }, BENEFICIARY)).body.messages;
const preferencesOf = (id: string) =>
  withDb(async (db) => (await db.query('select sms, email, stopped_at, updated_by from public.contact_preferences where request_id = $1', [id])).rows[0]);
/** The request's message-choice events: code, and who (null: the beneficiary). */
const choiceEvents = async (id: string) =>
  (await eventsOf(id)).filter((e) => e.kind === 'contact_preferences').map((e) => ({ code: e.code, actor_id: e.actor_id, actor_role: e.actor_role }));
const byBeneficiary = (code: string) => ({ code, actor_id: null, actor_role: null });

describe('the page shows the choice', () => {
  it('as made at submission: SMS by default, email only where there is an address', async () => {
    const plain = await submitted();
    expect(await messagesOf(plain.secret)).toEqual({ sms: true, email: false, email_available: false, stopped: false });
    const emailOnly = await withEmail({ p_messages_by_sms: false, p_messages_by_email: true });
    expect(await messagesOf(emailOnly.secret)).toEqual({ sms: false, email: true, email_available: true, stopped: false });
  });

  it('as staff changed it when the beneficiary asked by phone', async () => {
    const r = await withEmail();
    const { error } = await (await staffAs('officer')).rpc('set_contact_preferences', { p_request_id: r.id, p_sms: false, p_email: true, p_stopped: true });
    expect(error).toBeNull();
    expect(await messagesOf(r.secret)).toEqual({ sms: false, email: true, email_available: true, stopped: true });
  });
});

describe('the beneficiary changes it', () => {
  it('the ways: saved, answered with the new state, in the history with no actor; the same choice again records nothing', async () => {
    const r = await withEmail();
    const saved = await setMessages(r.secret, { sms: false, email: true, stopped: false });
    expect(saved).toEqual({ status: 200, body: { outcome: 'saved', messages: { sms: false, email: true, email_available: true, stopped: false } } });
    expect(await preferencesOf(r.id)).toEqual({ sms: false, email: true, stopped_at: null, updated_by: null });
    expect(await messagesOf(r.secret)).toEqual(saved.body.messages);
    expect(await choiceEvents(r.id)).toEqual([byBeneficiary('contact_preferences_changed')]);

    expect((await setMessages(r.secret, { sms: false, email: true, stopped: false })).body.outcome).toBe('saved');
    expect(await choiceEvents(r.id)).toHaveLength(1);
  });

  it('stops and resumes, as the stop link does; the ways and the stop changed at once are both recorded', async () => {
    const r = await withEmail();
    const stopped = await setMessages(r.secret, { sms: true, email: true, stopped: true });
    expect(stopped.body.messages).toEqual({ sms: true, email: true, email_available: true, stopped: true });
    const { stopped_at: since } = await preferencesOf(r.id);
    expect(since).toBeInstanceOf(Date);
    // Changing the ways while stopped keeps the time they were stopped.
    await setMessages(r.secret, { sms: false, email: true, stopped: true });
    expect((await preferencesOf(r.id)).stopped_at).toEqual(since);
    const resumed = await setMessages(r.secret, { sms: true, email: false, stopped: false });
    expect(resumed.body.messages).toEqual({ sms: true, email: false, email_available: true, stopped: false });
    expect(await preferencesOf(r.id)).toMatchObject({ stopped_at: null, updated_by: null });
    expect(await choiceEvents(r.id)).toEqual([
      byBeneficiary('messages_stopped'),
      byBeneficiary('contact_preferences_changed'),
      byBeneficiary('contact_preferences_changed'),
      byBeneficiary('messages_resumed'),
    ]);
  });

  it('stopping with no way at all is allowed: the decision still goes, by SMS', async () => {
    const r = await submitted();
    expect((await setMessages(r.secret, { sms: false, email: false, stopped: true })).body).toEqual({
      outcome: 'saved', messages: { sms: false, email: false, email_available: false, stopped: true },
    });
  });
});

describe('refusals: a rule key and its field, nothing changed and nothing recorded', () => {
  it.each([
    ['email without an address', { sms: true, email: true, stopped: false }, 'email_missing', 'email'],
    ['no way at all while messages go on', { sms: false, email: false, stopped: false }, 'messages_channel_required', 'messages'],
    ['a missing answer', { sms: true, email: false }, 'contact_preferences_required', 'messages'],
    ['a null answer', { sms: null, email: false, stopped: false }, 'contact_preferences_required', 'messages'],
    ['an answer that is not a yes or no', { sms: 'yes', email: false, stopped: false }, 'invalid_request', 'messages'],
  ])('%s', async (_what, choice, code, field) => {
    const r = await submitted();
    const before = await preferencesOf(r.id);
    expect(await setMessages(r.secret, choice)).toEqual({ status: 400, body: { code, field } });
    expect(await preferencesOf(r.id)).toEqual(before);
    expect(await choiceEvents(r.id)).toEqual([]);
  });

  it('the page’s rule (src/schemas/private-messages.ts) and the database’s agree on every choice', async () => {
    const yesNo = [true, false];
    const cases = yesNo.flatMap((sms) => yesNo.flatMap((email) => yesNo.flatMap((stopped) => yesNo.map((available) => ({ sms, email, stopped, available })))));
    const database = await withDb(async (db) =>
      (await db.query(`select internal.private_messages_rule((c ->> 'sms')::boolean, (c ->> 'email')::boolean, (c ->> 'stopped')::boolean, (c ->> 'available')::boolean) as rule
          from jsonb_array_elements($1::jsonb) with ordinality as e (c, n) order by e.n`, [JSON.stringify(cases)])).rows.map((row) => row.rule));
    expect(database).toEqual(cases.map((c) => messagesRule(c, c.available)));
    expect(new Set(database)).toEqual(new Set([null, 'email_missing', 'messages_channel_required']));
  });
});

describe('the link', () => {
  const client = () => `messages-${randomBytes(6).toString('hex')}`;

  it('a wrong or replaced link answers not_found and changes nothing; it counts as a wrong link of that client', async () => {
    const r = await submitted();
    const replaced = await submitted();
    expect((await (await staffAs('officer')).rpc('issue_private_link', { p_request_id: replaced.id })).error).toBeNull();
    const who = client();
    for (const secret of [randomBytes(18).toString('base64url'), replaced.secret, 'not a secret']) {
      expect(await setMessages(secret, { sms: false, email: false, stopped: true }, who)).toEqual({ status: 200, body: { outcome: 'not_found' } });
    }
    expect(await preferencesOf(replaced.id)).toMatchObject({ stopped_at: null });
    expect(await choiceEvents(replaced.id)).toEqual([]);
    // Counted with the other lookups: after 20 wrong links this client is stopped, even with the right one.
    for (let i = 0; i < 17; i++) await privatePage('open', { secret: randomBytes(18).toString('base64url') }, who);
    const throttled = await setMessages(r.secret, { sms: false, email: false, stopped: true }, who);
    expect(throttled.body).toMatchObject({ outcome: 'throttled' });
    expect(throttled.body.retry_after_seconds).toBeGreaterThan(0);
    expect(await preferencesOf(r.id)).toMatchObject({ sms: true, stopped_at: null });
    // The beneficiary's own connection is not.
    expect((await setMessages(r.secret, { sms: true, email: false, stopped: true })).body.outcome).toBe('saved');
  });

  it('counts no failure for a right link: changes of one’s own never stop the beneficiary', async () => {
    const r = await submitted();
    const who = client();
    for (let i = 0; i < 19; i++) await privatePage('open', { secret: randomBytes(18).toString('base64url') }, who);
    for (const stopped of [true, false, true]) {
      expect((await setMessages(r.secret, { sms: true, email: false, stopped }, who)).body.outcome).toBe('saved');
    }
    expect((await privatePage('open', { secret: r.secret }, who)).body.outcome).toBe('found');
  });
});

describe('what is queued afterwards', () => {
  async function move(id: string, steps: ['officer' | 'authority', string, string?][]) {
    for (const [role, to, note] of steps) {
      const { error } = await (await staffAs(role)).rpc('transition_request', { p_request_id: id, p_to: to, p_note: note ?? null });
      if (error) throw new Error(`${to}: ${error.message}`);
    }
  }
  const moments = async (id: string) => (await outboxOf(id)).map((m) => `${m.moment}:${m.channel}`);

  it('stopped on the page: no message about the request but the decision, on the ways chosen', async () => {
    const r = await withEmail();
    await setMessages(r.secret, { sms: false, email: true, stopped: true });
    await move(r.id, [['officer', 'under_review'], ['officer', 'needs_info', 'Please send the enrolment letter'], ['officer', 'under_review'], ['officer', 'pending_decision'], ['authority', 'accepted']]);
    expect(await moments(r.id)).toEqual(['request_received:sms', 'request_received:email', 'decision_accepted:email']);
  });

  it('resumed on the page: the next moments go out again, on the ways chosen', async () => {
    const r = await withEmail();
    await setMessages(r.secret, { sms: true, email: true, stopped: true });
    await move(r.id, [['officer', 'under_review'], ['officer', 'needs_info', 'Please send the enrolment letter']]);
    await setMessages(r.secret, { sms: true, email: false, stopped: false });
    await move(r.id, [['officer', 'under_review'], ['officer', 'needs_info', 'And the national ID, please']]);
    expect(await moments(r.id)).toEqual(['request_received:sms', 'request_received:email', 'information_needed:sms']);
  });
});
