import { describe, expect, it } from 'vitest';
import { anonClient, application, submitRequest, withDb } from './support/clients';

const DAY = 86_400_000;

describe('a beneficiary submits a support request', () => {
  it('gets an unguessable reference, status submitted and the 2-to-6-week decision window', async () => {
    const receipt = await submitRequest();
    expect(receipt.reference).toMatch(/^IRT-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(receipt.status).toBe('submitted');
    const submitted = Date.parse(receipt.submitted_at);
    expect(Date.parse(receipt.decision_due_from) - submitted).toBe(14 * DAY);
    expect(Date.parse(receipt.decision_due_by) - submitted).toBe(42 * DAY);
  });

  it('stores what was typed the way the form normalises it, with the declaration version and time', async () => {
    const receipt = await submitRequest({
      p_full_name: '  محمد   عبدالله ',
      p_national_id: '١٠٠٠٠٠٠٠٠٨',
      p_mobile: '٠٥٥ ٩٨٧ ٦٥٤٣',
      p_email: ' Someone@Example.COM ',
    });
    const row = await withDb(async (db) =>
      (await db.query('select * from public.support_requests where reference = $1', [receipt.reference])).rows[0],
    );
    expect(row).toMatchObject({
      full_name: 'محمد عبدالله',
      national_id: '1000000008',
      mobile: '+966559876543',
      email: 'someone@example.com',
      status: 'submitted',
      assigned_to: null,
      intake_channel: 'website',
      accuracy_confirmed: true,
      accuracy_declaration_version: '2026-11-policy-step-4',
    });
    expect(row.accuracy_confirmed_at).toBeInstanceOf(Date);
  });

  it('gets the same reference back when a submission is retried with the same idempotency key', async () => {
    const args = application();
    const first = await anonClient().rpc('submit_support_request', args);
    const retry = await anonClient().rpc('submit_support_request', args);
    expect(retry.data.reference).toBe(first.data.reference);
    const count = await withDb(async (db) =>
      (await db.query('select count(*)::int as n from public.support_requests where idempotency_key = $1', [args.p_idempotency_key])).rows[0].n,
    );
    expect(count).toBe(1);
  });

  it('is refused with the rule key and field when a rule is broken, and nothing is saved', async () => {
    const args = application({ p_national_id: '1000000009' });
    const { data, error, status } = await anonClient().rpc('submit_support_request', args);
    expect(data).toBeNull();
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: '23514', message: 'national_id_checksum', hint: 'national_id' });
    const saved = await withDb(async (db) =>
      (await db.query('select count(*)::int as n from public.support_requests where idempotency_key = $1', [args.p_idempotency_key])).rows[0].n,
    );
    expect(saved).toBe(0);
  });

  it('refuses a filled honeypot and a form filled faster than a person can', async () => {
    const bot = await anonClient().rpc('submit_support_request', application({ p_honeypot: 'http://spam.example' }));
    expect(bot.error).toMatchObject({ message: 'honeypot_filled', hint: 'form' });
    const fast = await anonClient().rpc('submit_support_request', application({ p_form_started_at: new Date().toISOString() }));
    expect(fast.error).toMatchObject({ message: 'filled_too_fast', hint: 'form' });
    const human = await anonClient().rpc('submit_support_request', application({ p_form_started_at: new Date(Date.now() - 60_000).toISOString() }));
    expect(human.error).toBeNull();
    // A phone whose clock runs 5 minutes fast is not a bot.
    const fastClock = await anonClient().rpc('submit_support_request', application({ p_form_started_at: new Date(Date.now() + 300_000).toISOString() }));
    expect(fastClock.error).toBeNull();
  });

  it('stops a flood: a fourth request from one mobile within 24 hours gets HTTP 429', async () => {
    const mobile = '0501112233';
    for (let i = 0; i < 3; i++) await submitRequest({ p_mobile: mobile });
    const { error, status } = await anonClient().rpc('submit_support_request', application({ p_mobile: mobile }));
    expect(status).toBe(429);
    expect(error).toMatchObject({ message: 'mobile_daily_limit', hint: 'mobile' });
  });

  it('gives two simultaneous retries of one submission the same single request', async () => {
    const args = application();
    const [a, b] = await Promise.all([anonClient().rpc('submit_support_request', args), anonClient().rpc('submit_support_request', args)]);
    expect(a.data.reference).toBe(b.data.reference);
    const count = await withDb(async (db) =>
      (await db.query('select count(*)::int as n from public.support_requests where idempotency_key = $1', [args.p_idempotency_key])).rows[0].n,
    );
    expect(count).toBe(1);
  });

  it('holds the daily limit when a flood arrives all at once', async () => {
    const mobile = '0502223344';
    const results = await Promise.all(Array.from({ length: 6 }, () => anonClient().rpc('submit_support_request', application({ p_mobile: mobile }))));
    expect(results.filter((r) => !r.error)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
  });
});
