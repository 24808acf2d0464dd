import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ports } from '../../config/ports.mjs';
import { applyDatabase } from '../../supabase/local/apply.mjs';
import { withDb } from './support/clients';

/**
 * A hosted project applied the migrations before the policy became data (20261201...) and holds
 * history written by them. Applying the newer migrations must keep every row, give the old events
 * their codes and leave what they said unchanged.
 */
const FIRST_NEW = '20261201100000';
const officer = '0ff1ce00-0000-4000-8000-000000000001';
let db: pg.Client;
let historyBefore: unknown[];
let applied: string[];

beforeAll(async () => {
  await withDb((admin) => admin.query('drop database if exists policy_upgrade').then(() => admin.query('create database policy_upgrade')));
  db = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${ports.db}/policy_upgrade` });
  await db.connect();
  await db.query('set client_min_messages = warning');
  await applyDatabase(db, { created: true, seed: false, upTo: FIRST_NEW });
  // History as the earlier migrations wrote it: an on-behalf registration and a low score.
  await db.query(`insert into public.support_requests (reference, full_name, national_id, mobile, city, category, request_type,
      description, preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at,
      privacy_consent, registered_by, decision_due_from, decision_due_by)
    values ('IRT-01D00001', 'سارة أحمد', '1000000008', '+966551230001', 'جدة', 'teacher', 'counselling',
      'طلب قديم سُجّل قبل أن تصبح السياسة بيانات', 'phone', 'interview', 'ar', true, 'old', now(), true,
      '${officer}', now() + interval '14 days', now() + interval '42 days')`);
  await db.query(`select public.submit_satisfaction_survey('IRT-01D00001', '', 1, 2, 2, 2, 2, null, '', 'ar', null)`);
  historyBefore = (await db.query(`select kind, note from public.request_events order by id`)).rows;
  applied = await applyDatabase(db, { created: false, seed: false });
}, 120_000);

afterAll(async () => {
  await db?.end();
  await withDb((admin) => admin.query('drop database if exists policy_upgrade'));
});

describe('upgrading a database that already holds history', () => {
  it('applies only the newer migrations, over history the earlier ones wrote', () => {
    expect(historyBefore).toEqual([
      { kind: 'submitted', note: 'registered_on_behalf:interview' },
      { kind: 'follow_up', note: 'low_satisfaction_score' },
    ]);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.filter((file) => file < FIRST_NEW)).toEqual([]);
  });

  it('gives the old events their codes and keeps what they said', async () => {
    const events = (await db.query(`select kind::text, note, code::text, intake_channel::text from public.request_events order by id`)).rows;
    expect(events).toEqual([
      { kind: 'submitted', note: 'registered_on_behalf:interview', code: 'registered_on_behalf', intake_channel: 'interview' },
      { kind: 'follow_up', note: 'low_satisfaction_score', code: 'low_satisfaction_score', intake_channel: null },
    ]);
  });

  it('keeps the request, its category and type now enum values, and history still append-only', async () => {
    const { rows } = await db.query(
      `select category, request_type, pg_typeof(category)::text as category_type, pg_typeof(request_type)::text as type_type
         from public.support_requests where reference = 'IRT-01D00001'`,
    );
    expect(rows).toEqual([{ category: 'teacher', request_type: 'counselling', category_type: 'beneficiary_category', type_type: 'request_type' }]);
    await expect(db.query(`update public.request_events set note = 'rewritten'`)).rejects.toThrow('events_append_only');
  });
});
