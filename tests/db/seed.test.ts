import { describe, expect, it } from 'vitest';
import { anonClient, DEMO_STAFF, signIn, withDb } from './support/clients';

describe('the local demo data', () => {
  it('has one demo staff member per role who can sign in with the documented password', async () => {
    for (const who of ['officer', 'supervisor', 'authority', 'admin'] as const) {
      const client = await signIn(DEMO_STAFF[who].email, DEMO_STAFF[who].password);
      const { data } = await client.from('staff').select('role, active').eq('user_id', (await client.auth.getUser()).data.user!.id);
      expect(data).toEqual([{ role: who, active: true }]);
    }
  });

  it('gives each demo account a verified authenticator with the secret the README and `npm run totp` use', async () => {
    const secrets = await withDb(async (db) =>
      (await db.query(`select u.email, f.secret from auth.mfa_factors f join auth.users u on u.id = f.user_id
                        where f.status = 'verified' and f.factor_type = 'totp' and u.email like '%@irtiqaa.local' order by u.email`)).rows);
    const demo = Object.values(DEMO_STAFF).map(({ email, totpSecret }) => ({ email, secret: totpSecret }));
    expect(secrets).toEqual(demo.sort((a, b) => a.email.localeCompare(b.email)));
  });

  it('has about 40 requests over the last 10 weeks in every status, some overdue, with consistent histories', async () => {
    await withDb(async (db) => {
      const seeded = `from public.support_requests where accuracy_declaration_version = '2026-11-policy-step-4' and created_at < now() - interval '12 hours'`;
      const { rows: statuses } = await db.query(`select distinct status::text ${seeded} order by 1`);
      expect(statuses.map((r) => r.status)).toEqual(
        ['accepted', 'closed', 'escalated', 'needs_info', 'pending_decision', 'registered', 'rejected', 'service_delivered', 'submitted', 'under_review'],
      );
      const { rows: [span] } = await db.query(`select count(*)::int as n, extract(day from now() - min(created_at))::int as days ${seeded}`);
      expect(span.n).toBeGreaterThanOrEqual(38);
      expect(span.days).toBeGreaterThanOrEqual(63);
      expect(span.days).toBeLessThanOrEqual(71);
      const { rows: [overdue] } = await db.query(
        `select count(*)::int as n ${seeded} and decision_due_by < now() and decided_at is null and status not in ('accepted', 'rejected', 'registered', 'service_delivered', 'closed')`,
      );
      expect(overdue.n).toBeGreaterThan(0);
      const { rows: mismatched } = await db.query(
        `select r.reference from public.support_requests r
          where r.accuracy_declaration_version = '2026-11-policy-step-4'
            and r.status <> (select e.to_status from public.request_events e where e.request_id = r.id and e.to_status is not null order by e.created_at desc, e.id desc limit 1)`,
      );
      expect(mismatched).toEqual([]);
    });
  });

  it('has enough surveys and decisions that the published figures show', async () => {
    const { data } = await anonClient().rpc('service_stats');
    expect(data.survey_responses).toBeGreaterThanOrEqual(20);
    expect(data.satisfaction.overall).toBeGreaterThan(3);
    expect(data.median_days_to_decision).toEqual(expect.any(Number));
    expect(data.decided_within_window_share).toEqual(expect.any(Number));
    // Other tests add decisions made late on purpose (overdue requests, bulk fixtures), so the seed's
    // own share is read from its requests, as service_stats computes it.
    const seededShare = await withDb(async (db) => (await db.query(
      `select avg((decided_at <= decision_due_by)::int)::float as share from public.support_requests
        where accuracy_declaration_version = '2026-11-policy-step-4' and created_at < now() - interval '12 hours' and decided_at is not null`,
    )).rows[0].share as number);
    expect(seededShare).toBeGreaterThan(0.5);
  });
});
