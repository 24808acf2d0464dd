import { describe, expect, it } from 'vitest';
import { anonClient, staff, submitRequest, withDb, requestId } from './support/clients';
import { SERVICE_STATS_MONTHS } from '../../src/api/service-stats';
import { lastMonths } from '../../src/components/figures/figure-values';

const survey = (overrides: Record<string, unknown> = {}) => ({
  p_reference: '', p_channel: 'website', p_overall: 5, p_courtesy: 5, p_clarity: 4, p_speed: 4, p_ease: 5,
  p_recommend: 9, p_comment: 'شكراً', p_locale: 'ar', p_idempotency_key: crypto.randomUUID(), ...overrides,
});

describe('rating the service', () => {
  it('stores a rating without a reference, once per idempotency key', async () => {
    const args = survey();
    const first = await anonClient().rpc('submit_satisfaction_survey', args);
    const retry = await anonClient().rpc('submit_satisfaction_survey', args);
    expect(first.error).toBeNull();
    expect(retry.data.id).toBe(first.data.id);
  });

  it.each([
    [{ p_overall: 0 }, 'rating_overall_required'],
    [{ p_speed: 6 }, 'rating_speed_required'],
    [{ p_recommend: 11 }, 'recommend_range'],
    [{ p_comment: 'x'.repeat(2001) }, 'comment_length'],
    [{ p_comment: 'تأخر \u202Eالرد' }, 'comment_characters'],
    [{ p_locale: 'fr' }, 'locale_required'],
    [{ p_reference: 'IRT-123' }, 'reference_format'],
  ])('refuses %o with %s', async (overrides, key) => {
    const { error, status } = await anonClient().rpc('submit_satisfaction_survey', survey(overrides));
    expect([status, error?.message]).toEqual([400, key]);
  });

  it('the table itself refuses a comment with hidden characters, whoever writes it', async () => {
    const refused = withDb((db) => db.query(
      `insert into public.satisfaction_surveys (overall, courtesy, clarity, speed, ease, comment, locale) values (4, 4, 4, 4, 4, $1, 'ar')`, ['x\u2066y']));
    await expect(refused).rejects.toThrow('satisfaction_surveys_comment_characters');
  });

  it('keeps a rating naming a reference nobody holds, without a request, answered as any other', async () => {
    const { data, error, status } = await anonClient().rpc('submit_satisfaction_survey', survey({ p_reference: 'IRT-ZZZZZZZZ' }));
    expect([status, error]).toEqual([200, null]);
    const kept = await withDb(async (db) => (await db.query('select request_id from public.satisfaction_surveys where id = $1', [data.id])).rows);
    expect(kept).toEqual([{ request_id: null }]);
  });

  // Issue 14: a low score opens a follow-up only through the request's private link (tests/db/bound-survey.test.ts).
  it('links a rating naming a reference to its request, and a low score there opens no follow-up', async () => {
    const receipt = await submitRequest();
    const { data } = await anonClient().rpc('submit_satisfaction_survey', survey({ p_reference: receipt.reference.toLowerCase(), p_overall: 2 }));
    const officer = await staff('officer');
    const { data: linked } = await officer.from('satisfaction_surveys').select('id').eq('request_id', await requestId(receipt.reference));
    expect(linked).toEqual([{ id: data.id }]);
    const events = await officer.from('request_events').select('kind, note, survey_id').eq('request_id', await requestId(receipt.reference));
    expect(events.data).not.toContainEqual({ kind: 'follow_up', note: 'low_satisfaction_score', survey_id: data.id });
    const happy = await submitRequest();
    await anonClient().rpc('submit_satisfaction_survey', survey({ p_reference: happy.reference, p_overall: 4 }));
    const none = await officer.from('request_events').select('kind').eq('request_id', await requestId(happy.reference)).eq('kind', 'follow_up');
    expect(none.data).toEqual([]);
  });
});

describe('the published service figures', () => {
  it('are aggregates only, with any figure drawn from fewer than 5 rows hidden', async () => {
    // Arrange: a month long ago with 3 requests, and another with 5.
    await withDb(async (db) => {
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      for (const [monthsAgo, count] of [[10, 3], [9, 5]]) {
        await db.query(
          `insert into public.support_requests (reference, full_name, national_id, mobile, city, category, request_type, description,
             preferred_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at, privacy_consent,
             created_at, decision_due_from, decision_due_by)
           select internal.new_reference(), 'سارة أحمد', '1000000008', '+966551230000', 'جدة', 'parent', 'tutoring',
                  'طلب تجريبي لاختبار الإحصاءات المنشورة', 'phone', 'ar', true, 't', now(), true,
                  date_trunc('month', now()) - make_interval(months => $1) + interval '3 days',
                  now() + w.opens_after, now() + w.closes_after
             from generate_series(1, $2), internal.decision_window() w`,
          [monthsAgo, count],
        );
      }
      await db.query('commit');
      // The figures are kept for 5 minutes; start from fresh ones.
      await db.query('delete from internal.service_stats_cache');
    });
    const { data, error } = await anonClient().rpc('service_stats');
    expect(error).toBeNull();
    const month = (ago: number) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - ago);
      return data.months.find((m: { month: string }) => m.month === d.toISOString().slice(0, 7));
    };
    // The public page has a row for each month service_stats() reports, before the figures arrive.
    expect(data.months).toHaveLength(SERVICE_STATS_MONTHS);
    expect(data.months.map((m: { month: string }) => m.month)).toEqual(lastMonths(new Date(data.generated_at)));
    expect(month(10).submitted).toBeNull();
    expect(month(9).submitted).toBe(5);
    expect(data.satisfaction.overall).toEqual(expect.any(Number));
    expect(data.survey_responses).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(data)).not.toMatch(/IRT-|\+966|national_id|full_name/);
  });

  it('hide the satisfaction averages while fewer than 5 people have answered', async () => {
    await withDb(async (db) => {
      const { rows } = await db.query('select count(*)::int as n from public.satisfaction_surveys');
      expect(rows[0].n).toBeGreaterThanOrEqual(5);
      // In a transaction that is rolled back: keep only 4 surveys and ask for the figures.
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      await db.query('update public.request_events set survey_id = null where survey_id is not null');
      await db.query('delete from public.satisfaction_surveys where id not in (select id from public.satisfaction_surveys limit 4)');
      const stats = (await db.query('select internal.compute_service_stats() as s')).rows[0].s;
      await db.query('rollback');
      expect(stats.survey_responses).toBeNull();
      expect(stats.satisfaction).toEqual({ overall: null, courtesy: null, clarity: null, speed: null, ease: null, recommend: null });
    });
  });

  it('are kept for 5 minutes, then recomputed', async () => {
    const first = (await anonClient().rpc('service_stats')).data;
    await submitRequest();
    expect((await anonClient().rpc('service_stats')).data).toEqual(first);
    await withDb((db) => db.query(`update internal.service_stats_cache set computed_at = now() - interval '6 minutes'`));
    const later = (await anonClient().rpc('service_stats')).data;
    expect(Date.parse(later.generated_at)).toBeGreaterThan(Date.parse(first.generated_at));
    expect(later.requests_total).toBe(first.requests_total + 1);
  });

  it('can be read with GET (a read-only transaction) too', async () => {
    await withDb((db) => db.query('delete from internal.service_stats_cache'));
    const { data, error } = await anonClient().rpc('service_stats', undefined, { get: true });
    expect(error).toBeNull();
    expect(data.requests_total).toEqual(expect.any(Number));
  });
});
