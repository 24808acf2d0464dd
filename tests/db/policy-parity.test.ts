import { describe, expect, it } from 'vitest';
import { DAY_MS, DECISION_MAX_DAYS, DECISION_MIN_DAYS, decisionWindow } from '../../src/lib/decision-window';
import { REQUEST_STATUSES, STAFF_ROLES, STATUS_FACTS, TRANSITIONS } from '../../src/lib/workflow';
import { BENEFICIARY_CATEGORIES, REQUEST_TYPES } from '../../src/schemas/support-request';
import { CHANNELS, STAFF_INTAKE_CHANNELS } from '../../src/schemas/channels';
import { REQUEST_EVENT_CODES, REQUEST_EVENT_KINDS } from '../../src/api/staff-types';
import { locales, messages } from '../../src/i18n';
import { anonClient, application, requestId, staff, submitRequest, withDb } from './support/clients';

/**
 * Each policy number and list is defined once in SQL and once in TypeScript (docs/ARCHITECTURE.md,
 * "Where each rule lives"); this file reads the SQL side through the database and fails, naming
 * the difference, wherever the two disagree.
 */
const query = <T = Record<string, unknown>>(sql: string) => withDb(async (db) => (await db.query(sql)).rows as T[]);
const enumValues = async (type: string) =>
  (await query<{ value: string }>(`select unnest(enum_range(null::${type}))::text as value`)).map((r) => r.value);

describe('the decision window', () => {
  it('is the same number of days in internal.decision_window() and src/lib/decision-window.ts', async () => {
    const [days] = await query(
      `select extract(epoch from opens_after) / 86400 as opens, extract(epoch from closes_after) / 86400 as closes from internal.decision_window()`,
    );
    expect({ opens: Number(days!.opens), closes: Number(days!.closes) }).toEqual({ opens: DECISION_MIN_DAYS, closes: DECISION_MAX_DAYS });
  });

  it('gives a public submission and an on-behalf registration the dates decisionWindow() computes', async () => {
    const officer = await staff('officer');
    const receipts = [
      (await anonClient().rpc('submit_support_request', application())).data,
      (await officer.rpc('register_request_on_behalf', { ...application(), p_intake_channel: 'phone' })).data,
    ];
    for (const receipt of receipts) {
      const { from, by } = decisionWindow(new Date(receipt.submitted_at));
      expect([Date.parse(receipt.decision_due_from), Date.parse(receipt.decision_due_by)]).toEqual([from.getTime(), by.getTime()]);
    }
  });

  it('is the window of every seeded request that never waited on the beneficiary', async () => {
    const windows = await query<{ opens: number; closes: number }>(
      `select distinct extract(epoch from decision_due_from - created_at)::float8 as opens, extract(epoch from decision_due_by - created_at)::float8 as closes
         from public.support_requests where accuracy_declaration_version = '2026-11-policy-step-4' and time_waiting = '0'`,
    );
    expect(windows.map((w) => [w.opens * 1000, w.closes * 1000])).toEqual([[DECISION_MIN_DAYS * DAY_MS, DECISION_MAX_DAYS * DAY_MS]]);
  });
});

describe('the workflow', () => {
  it('has the statuses of workflow.ts, in the same order', async () => {
    expect(await enumValues('public.request_status')).toEqual([...REQUEST_STATUSES]);
    expect(await enumValues('public.staff_role')).toEqual([...STAFF_ROLES]);
  });

  it('gives every status the facts STATUS_FACTS gives it', async () => {
    const rows = await query(
      `select s.status::text, s.is_decision as decision, s.is_final as final, s.awaits_decision as "awaitsDecision",
              s.pauses_decision_clock as "pausesDecisionClock"
         from internal.request_statuses s order by s.status`,
    );
    const expected = REQUEST_STATUSES.map((status) => {
      const { sideStepOf: _siteOnly, ...facts } = STATUS_FACTS[status];
      return { status, ...facts };
    });
    expect(rows).toEqual(expected);
  });

  it('has exactly the moves of TRANSITIONS, with the same action, roles and note rule', async () => {
    const rows = await query(
      `select from_status::text as from, to_status::text as to, action, roles::text[] as roles, note_refusal is not null as "noteRequired"
         from internal.request_transitions`,
    );
    const key = (t: { from: unknown; to: unknown }) => `${t.from}>${t.to}`;
    const normalise = (t: { from: unknown; to: unknown; action: unknown; roles: readonly unknown[]; noteRequired: unknown }) => ({
      move: key(t),
      action: t.action,
      roles: [...t.roles].sort(),
      noteRequired: t.noteRequired,
    });
    const byMove = (a: { move: string }, b: { move: string }) => a.move.localeCompare(b.move);
    expect(rows.map((r) => normalise(r as never)).sort(byMove)).toEqual(TRANSITIONS.map(normalise).sort(byMove));
  });
});

describe('the lists a request is checked against', () => {
  it.each([
    ['public.beneficiary_category', BENEFICIARY_CATEGORIES],
    ['public.request_type', REQUEST_TYPES],
    ['public.channel', CHANNELS],
  ] as const)('%s holds the values of the zod schema, in order', async (type, values) => {
    expect(await enumValues(type)).toEqual([...values]);
  });

  it('registers on behalf from the channels STAFF_INTAKE_CHANNELS names', async () => {
    const [row] = await query<{ channels: string[] }>(`select internal.staff_intake_channels()::text[] as channels`);
    expect(row!.channels).toEqual([...STAFF_INTAKE_CHANNELS]);
  });
});

describe('what the database writes into a request history', () => {
  it('has the event kinds and codes of src/api/staff-types.ts', async () => {
    expect(await enumValues('public.request_event_kind')).toEqual([...REQUEST_EVENT_KINDS]);
    expect(await enumValues('public.request_event_code')).toEqual([...REQUEST_EVENT_CODES]);
  });

  // Every enum column of request_events is shown through a label; a new one needs its prefix here.
  const LABEL_PREFIX: Record<string, string> = {
    kind: 'staff.timeline.kind.',
    code: 'staff.timeline.code.',
    from_status: 'staff.status.',
    to_status: 'staff.status.',
    actor_role: 'staff.role.',
    intake_channel: 'staff.channel.',
  };

  it('labels every value of every enum column in both languages', async () => {
    const columns = await query<{ column_name: string; type: string }>(
      `select a.attname as column_name, format_type(a.atttypid, null) as type
         from pg_attribute a join pg_type t on t.oid = a.atttypid
        where a.attrelid = 'public.request_events'::regclass and a.attnum > 0 and not a.attisdropped and t.typtype = 'e'`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(Object.keys(LABEL_PREFIX).sort());
    const missing: string[] = [];
    for (const { column_name, type } of columns) {
      for (const value of await enumValues(type)) {
        for (const locale of locales) {
          const key = `${LABEL_PREFIX[column_name]}${value}`;
          if (!(messages[locale] as Record<string, string>)[key]) missing.push(`${locale}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('records an on-behalf registration and a low score with their codes', async () => {
    const officer = await staff('officer');
    const { data: registered } = await officer.rpc('register_request_on_behalf', { ...application(), p_intake_channel: 'letter' });
    const rated = await submitRequest();
    await anonClient().rpc('submit_satisfaction_survey', {
      p_reference: rated.reference, p_channel: '', p_overall: 1, p_courtesy: 3, p_clarity: 3, p_speed: 3, p_ease: 3,
      p_recommend: null, p_comment: '', p_locale: 'ar', p_idempotency_key: crypto.randomUUID(),
    });
    const eventOf = async (reference: string, kind: string) =>
      (await officer.from('request_events').select('code, intake_channel').eq('request_id', await requestId(reference)).eq('kind', kind)).data;
    expect(await eventOf(registered.reference, 'submitted')).toEqual([{ code: 'registered_on_behalf', intake_channel: 'letter' }]);
    expect(await eventOf(rated.reference, 'follow_up')).toEqual([{ code: 'low_satisfaction_score', intake_channel: null }]);
    expect(await eventOf(rated.reference, 'submitted')).toEqual([{ code: null, intake_channel: null }]);
  });
});
