// Issue 16, "Who looked at what": staff never receive a full national ID or mobile through the API
// (not from the table, not from any function, not from the export) unless they reveal it on the
// request page, and each reveal and each export is a row of the append-only access log that only
// admins read. Every staff role is tried; the full values are looked for in every answer, in every
// form a mobile is written (E.164, 05..., 9665...).
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, serviceClient, withDb } from './support/clients';
import { clientAs, seededStaffByRole, submitFreshRequest } from './support/staff-clients';
import { insertRequests, uniqueMobile, uniqueNationalId } from './support/workspace-fixtures';
import { REQUEST_COLUMNS } from '../../src/api/request-columns';

const ROLES = ['officer', 'supervisor', 'authority', 'admin'] as const;
type Role = (typeof ROLES)[number];

let staff: Awaited<ReturnType<typeof seededStaffByRole>>;
const nationalId = uniqueNationalId();
const mobile = uniqueMobile();
let target: { id: string; reference: string };
let twin: { id: string; reference: string };
let undelivered: { id: string };
let undeliveredMobile: string;
/** The submission's key: whoever holds it can ask for the receipt again, with a new private link. */
let targetKey: string;

const masked = (value: string) => `••••••${value.slice(-4)}`;
/** Whether an answer holds the full national ID or mobile anywhere, in any form people write a mobile, or the submission's key. */
const leaks = (answer: unknown) => {
  const text = JSON.stringify(answer);
  return [nationalId, mobile, `0${mobile.slice(4)}`, mobile.slice(1), targetKey].some((v) => text.includes(v));
};
const as = (role: Role): SupabaseClient => clientAs(staff[role]);

const accessLog = (requestId: string) =>
  withDb(async (db) => (await db.query(
    'select actor_id, actor_role::text, kind::text, request_id, field, full_values, reason from public.access_log where request_id = $1 order by id',
    [requestId])).rows);
const exportsBy = (actorId: string) =>
  withDb(async (db) => (await db.query(
    `select kind::text, full_values, reason from public.access_log where actor_id = $1 and kind = 'export' order by id`, [actorId])).rows);

type ExportRow = Record<string, unknown> & { id: string; created_at: string };
/** Every page of an export the client started, as the workspace reads them. */
async function readExport(db: SupabaseClient, exportId: number): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  let after: ExportRow | null = null;
  for (;;) {
    const page: { data: ExportRow[] | null; error: { message: string } | null } =
      await db.rpc('request_export_page', { p_export_id: exportId, p_after_created_at: after?.created_at ?? null, p_after_id: after?.id ?? null });
    if (page.error || !page.data) throw new Error(page.error?.message ?? 'no page');
    rows.push(...page.data);
    if (page.data.length < 1000) return rows;
    after = page.data.at(-1)!;
  }
}

beforeAll(async () => {
  staff = await seededStaffByRole();
  // The twin shares the national ID: both are possible duplicates, and the duplicate functions have something to show.
  const inserted = await insertRequests([
    { national_id: nationalId, mobile, full_name: 'هند المطيري', assigned_to: staff.officer, status: 'under_review' },
    { national_id: nationalId, full_name: 'هند المطيري' },
  ]);
  target = inserted[0]!;
  twin = inserted[1]!;
  // As a public submission has one (the fixture inserts without); the key never changes afterwards, hence replica mode.
  targetKey = await withDb(async (db) => {
    await db.query(`set session_replication_role = replica`);
    return (await db.query(
      `update public.support_requests set idempotency_key = gen_random_uuid() where id = $1 returning idempotency_key::text`, [target.id])).rows[0].idempotency_key;
  });
  // A submitted request's acknowledgement that failed for good: its recipient is the mobile.
  undelivered = await submitFreshRequest();
  undeliveredMobile = ((await serviceClient().from('support_requests').select('mobile').eq('id', undelivered.id).single()).data as { mobile: string }).mobile;
  await withDb((db) => db.query(
    `update internal.outbox set state = 'failed', failed_at = now(), attempts = 3, last_error = 'refused' where request_id = $1 and channel = 'sms'`, [undelivered.id]));
});

describe.each(ROLES)('for the %s, national IDs and mobiles are masked', (role) => {
  it('in the table: the full columns and the search words are refused however they are asked for; the masked ones are there', async () => {
    const db = as(role);
    for (const select of ['*', 'national_id', 'mobile', 'search_text', 'idempotency_key', 'id,possible_duplicate']) {
      const { error, data } = await db.from('support_requests').select(select).eq('id', target.id);
      expect(error?.code, select).toBe('42501');
      expect(data).toBeNull();
    }
    // A filter or an order on a full column would be an oracle: refused too.
    expect((await db.from('support_requests').select('id').eq('national_id', nationalId)).error?.code).toBe('42501');
    expect((await db.from('support_requests').select('id').order('mobile').limit(1)).error?.code).toBe('42501');
    expect((await db.from('support_requests').update({ status: 'under_review' }).eq('id', target.id).select()).error?.code).toBe('42501');

    const { data, error } = await db.from('support_requests').select('id, reference, national_id_masked, mobile_masked').eq('id', target.id).single();
    expect(error).toBeNull();
    expect(data).toEqual({ id: target.id, reference: target.reference, national_id_masked: masked(nationalId), mobile_masked: masked(mobile) });
    const { count } = await db.from('support_requests').select('id', { count: 'exact', head: true }).eq('id', target.id);
    expect(count).toBe(1);
  });

  it('in search results, found by the full national ID or mobile in any form, with the duplicate flag', async () => {
    const db = as(role);
    for (const query of [nationalId, mobile, `0${mobile.slice(4)}`]) {
      const { data, error } = await db.rpc('search_requests', { p_query: query }).select('*, possible_duplicate').order('created_at');
      expect(error).toBeNull();
      expect(data).toEqual(expect.arrayContaining([
        expect.objectContaining({ id: target.id, national_id: masked(nationalId), mobile: masked(mobile), search_text: '', possible_duplicate: true }),
      ]));
      expect(leaks(data)).toBe(false);
    }
    expect((await db.rpc('request_possible_duplicate', { p_request_id: target.id })).data).toBe(true);
  });

  it('in the queue, the duplicates and the messages not delivered', async () => {
    const db = as(role);
    const queue = await db.rpc('queue_requests', { p_search: nationalId, p_scope: 'all' });
    expect(queue.error).toBeNull();
    expect(queue.data.rows).toEqual(expect.arrayContaining([expect.objectContaining({ id: target.id, mobile: masked(mobile) })]));
    expect(leaks(queue.data)).toBe(false);

    const duplicates = await db.rpc('request_duplicates', { p_request_id: target.id });
    expect(duplicates.data).toEqual([expect.objectContaining({ id: twin.id, same_national_id: true })]);
    expect(leaks(duplicates.data)).toBe(false);

    const failed = await db.rpc('undelivered_messages');
    expect(failed.data).toEqual(expect.arrayContaining([expect.objectContaining({ request_id: undelivered.id, channel: 'sms', recipient: masked(undeliveredMobile) })]));
    expect(JSON.stringify(failed.data)).not.toContain(undeliveredMobile);

    // The history carries no values of these fields either.
    const events = await db.from('request_events').select('*').eq('request_id', target.id);
    expect(events.error).toBeNull();
    expect(leaks(events.data)).toBe(false);
  });

  it('in the CSV export without a reason, which the access log records', async () => {
    const db = as(role);
    const started = await db.rpc('start_request_export', { p_since: new Date(Date.now() - 5 * 86_400_000).toISOString() });
    expect(started.error).toBeNull();
    expect(started.data).toEqual({ export_id: expect.any(Number), full_values: false });
    const rows = await readExport(db, started.data.export_id);
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ id: target.id, national_id: masked(nationalId), mobile: masked(mobile) })]));
    expect(leaks(rows)).toBe(false);
    expect((await exportsBy(staff[role])).at(-1)).toEqual({ kind: 'export', full_values: false, reason: null });
  });
});

describe('what the workspace reads', () => {
  it('the request page reads every column staff are granted, and those are all but the full values', async () => {
    const columns = await withDb(async (db) => (await db.query(
      `select column_name, has_column_privilege('authenticated', 'public.support_requests', column_name, 'select') as granted
         from information_schema.columns where table_schema = 'public' and table_name = 'support_requests'`)).rows as { column_name: string; granted: boolean }[]);
    // The retry key of a submission answers a fresh private link when a submission is retried with it.
    expect(columns.filter((c) => !c.granted).map((c) => c.column_name).sort()).toEqual(['idempotency_key', 'mobile', 'national_id', 'search_text']);
    expect(REQUEST_COLUMNS.split(',').sort()).toEqual(columns.filter((c) => c.granted).map((c) => c.column_name).sort());
    const { data, error } = await as('officer').from('support_requests').select(REQUEST_COLUMNS).eq('id', target.id).single();
    expect(error).toBeNull();
    expect(leaks(data)).toBe(false);
  });
});

describe('what the definer functions hand out', () => {
  it('differs from the stored row in exactly the columns staff are not granted, by one definition made current', async () => {
    const { rows: [row] } = await withDb((db) => db.query(
      `select array(select e.key from jsonb_each(to_jsonb(r)) e
                     where e.value is distinct from to_jsonb(internal.masked_request(r)) -> e.key order by e.key) as differ,
              (internal.masked_request(r)).national_id as national_id,
              position(internal.masked_columns('r') in pg_get_functiondef('internal.masked_request'::regproc)) > 0 as current
         from public.support_requests r where r.id = $1`, [target.id]));
    // The same list as the grants above: whatever the table refuses staff, the functions mask.
    expect(row.differ).toEqual(['idempotency_key', 'mobile', 'national_id', 'search_text']);
    expect(row.national_id).toBe(masked(nationalId));
    // A migration that adds a column runs internal.define_masked_request() again, or this fails.
    expect(row.current).toBe(true);
  });
});

describe('what still works with the full values', () => {
  it('the register form finds the open requests of the national ID or mobile being typed, and tells which matched', async () => {
    for (const role of ['officer', 'supervisor'] as const) {
      const byId = await as(role).rpc('open_requests_for_applicant', { p_national_id: nationalId, p_mobile: '' });
      expect(byId.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: target.id, same_national_id: true }), expect.objectContaining({ id: twin.id })]));
      const byMobile = await as(role).rpc('open_requests_for_applicant', { p_national_id: '', p_mobile: `0${mobile.slice(4)}` });
      expect(byMobile.data).toEqual([expect.objectContaining({ id: target.id, same_mobile: true })]);
      expect(leaks([byId.data, byMobile.data])).toBe(false);
    }
  });

  it('moves and assignments answer the changed request masked', async () => {
    const [mine] = await insertRequests([{ national_id: nationalId, mobile }]);
    const assigned = await as('officer').rpc('assign_request', { p_request_id: mine!.id, p_assignee: staff.officer });
    expect(assigned.error).toBeNull();
    expect(assigned.data).toEqual(expect.objectContaining({ national_id: masked(nationalId), mobile: masked(mobile), search_text: '' }));
    const moved = await as('officer').rpc('transition_request', { p_request_id: mine!.id, p_to: 'under_review' });
    expect(moved.error).toBeNull();
    const bulk = await as('supervisor').rpc('assign_requests', { p_request_ids: [mine!.id], p_assignee: staff.supervisor });
    expect(bulk.error).toBeNull();
    expect(bulk.data).toHaveLength(1);
    expect(leaks([assigned.data, moved.data, bulk.data])).toBe(false);
  });

  it('my work lists the officer’s requests masked', async () => {
    const { data, error } = await as('officer').rpc('my_work');
    expect(error).toBeNull();
    expect(data.due).toEqual(expect.arrayContaining([expect.objectContaining({ id: target.id, mobile: masked(mobile) })]));
    expect(leaks(data)).toBe(false);
  });

  it('the service role reads the stored values, and the masked columns beside them (a correction: data-requests.test.ts)', async () => {
    const { data } = await serviceClient().from('support_requests').select('national_id, mobile, national_id_masked').eq('id', target.id).single();
    expect(data).toEqual({ national_id: nationalId, mobile, national_id_masked: masked(nationalId) });
  });
});

describe('a reveal', () => {
  it('answers the full value to any active staff member and is recorded once per reveal: who, when, which request, which field', async () => {
    const [request] = await insertRequests([{ national_id: nationalId, mobile }]);
    for (const role of ROLES) {
      const shown = await as(role).rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'national_id' });
      expect(shown).toMatchObject({ status: 200, data: nationalId });
    }
    expect((await as('officer').rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'mobile' })).data).toBe(mobile);
    expect((await as('officer').rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'mobile' })).data).toBe(mobile);
    expect(await accessLog(request!.id)).toEqual([
      ...ROLES.map((role) => ({ actor_id: staff[role], actor_role: role, kind: 'reveal', request_id: request!.id, field: 'national_id', full_values: false, reason: null })),
      { actor_id: staff.officer, actor_role: 'officer', kind: 'reveal', request_id: request!.id, field: 'mobile', full_values: false, reason: null },
      { actor_id: staff.officer, actor_role: 'officer', kind: 'reveal', request_id: request!.id, field: 'mobile', full_values: false, reason: null },
    ]);
  });

  it('is refused, and recorded nowhere, as a GET, for another field, an unknown request, a password-only session or anyone signed out', async () => {
    const [request] = await insertRequests([{}]);
    const officer = as('officer');
    expect((await officer.rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'mobile' }, { get: true })).status).toBe(405);
    const other = await officer.rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'email' });
    expect([other.status, other.error?.message]).toEqual([400, 'reveal_field_invalid']);
    expect((await officer.rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'full_name' })).error?.message).toBe('reveal_field_invalid');
    const unknown = await officer.rpc('reveal_applicant_field', { p_request_id: '00000000-0000-4000-8000-000000000000', p_field: 'mobile' });
    expect(unknown.error?.message).toBe('request_not_found');
    expect((await clientAs(staff.officer, { aal: 'aal1' }).rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'mobile' })).error?.message).toBe('mfa_required');
    expect((await anonClient().rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'mobile' })).error?.code).toBe('42501');
    expect(await accessLog(request!.id)).toEqual([]);
  });
});

describe('the access log', () => {
  it('is read by active admins only, for a request or for a member within a time window', async () => {
    const [request] = await insertRequests([{}]);
    const before = new Date(Date.now() - 1000).toISOString();
    await as('supervisor').rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'mobile' });
    for (const role of ['officer', 'supervisor', 'authority'] as const) {
      const { data, error } = await as(role).from('access_log').select('*').eq('request_id', request!.id);
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    expect((await anonClient().from('access_log').select('*')).error?.code).toBe('42501');

    const admin = as('admin');
    const ofRequest = await admin.from('access_log').select('*, support_requests(reference)').eq('request_id', request!.id);
    expect(ofRequest.data).toEqual([expect.objectContaining({
      actor_id: staff.supervisor, actor_role: 'supervisor', kind: 'reveal', field: 'mobile', support_requests: { reference: request!.reference },
    })]);
    const inWindow = await admin.from('access_log').select('request_id, field').eq('actor_id', staff.supervisor).gte('created_at', before).lt('created_at', new Date(Date.now() + 60_000).toISOString());
    expect(inWindow.data).toEqual(expect.arrayContaining([{ request_id: request!.id, field: 'mobile' }]));
    const beforeWindow = await admin.from('access_log').select('id').eq('actor_id', staff.supervisor).eq('request_id', request!.id).lt('created_at', before);
    expect(beforeWindow.data).toEqual([]);
  });

  it('cannot be written, changed or removed through the API by any role, the service role included', async () => {
    const [request] = await insertRequests([{}]);
    await as('officer').rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'national_id' });
    for (const db of [...ROLES.map(as), serviceClient(), anonClient()]) {
      const insert = await db.from('access_log').insert({ actor_id: staff.officer, actor_role: 'officer', kind: 'reveal', request_id: request!.id, field: 'mobile' });
      expect(insert.error?.code).toBe('42501');
      const update = await db.from('access_log').update({ field: 'mobile' }).eq('request_id', request!.id).select('id');
      expect(update.error?.code ?? (update.data?.length === 0 ? 'nothing' : 'changed')).not.toBe('changed');
      const remove = await db.from('access_log').delete().eq('request_id', request!.id).select('id');
      expect(remove.error?.code ?? (remove.data?.length === 0 ? 'nothing' : 'removed')).not.toBe('removed');
    }
    expect(await accessLog(request!.id)).toEqual([expect.objectContaining({ actor_id: staff.officer, field: 'national_id' })]);
  });

  it('records every private link staff issue, since its page copies the applicant’s data', async () => {
    const [request] = await insertRequests([{}]);
    const issued = await as('officer').rpc('issue_private_link', { p_request_id: request!.id });
    expect(issued.error).toBeNull();
    expect(await accessLog(request!.id)).toEqual([
      { actor_id: staff.officer, actor_role: 'officer', kind: 'private_link', request_id: request!.id, field: null, full_values: false, reason: null },
    ]);
    const refused = await as('authority').rpc('issue_private_link', { p_request_id: request!.id });
    expect(refused.error?.message).toBe('role_not_allowed');
    expect(await accessLog(request!.id)).toHaveLength(1);
  });

  it('refuses its own owner too, also in replica mode: no update, delete or truncate', async () => {
    const [request] = await insertRequests([{}]);
    await as('officer').rpc('reveal_applicant_field', { p_request_id: request!.id, p_field: 'mobile' });
    for (const statement of [
      `update public.access_log set field = 'national_id' where request_id = '${request!.id}'`,
      `delete from public.access_log where request_id = '${request!.id}'`,
      'truncate public.access_log',
    ]) {
      for (const replica of [false, true]) {
        const refusal = await withDb(async (db) => {
          await db.query('begin');
          if (replica) await db.query('set local session_replication_role = replica');
          try {
            await db.query(statement);
            return 'done';
          } catch (error) {
            return (error as Error).message;
          } finally {
            await db.query('rollback');
          }
        });
        expect(refusal, `${statement} (replica: ${replica})`).toBe('access_log_append_only');
      }
    }
    expect(await accessLog(request!.id)).toHaveLength(1);
  });
});

describe('the CSV export’s pages', () => {
  it('give every request once, in order, when a page ends among requests submitted at the same moment', async () => {
    // 1,005 requests at one instant: the first page ends inside them, the second starts after its last id.
    const [first] = await insertRequests([{ status: 'closed' }]);
    const moment = await withDb(async (db) => {
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      // As text: a Date would drop the microseconds.
      const { rows: [{ created_at }] } = await db.query('select created_at::text from public.support_requests where id = $1', [first!.id]);
      await db.query(
        `insert into public.support_requests (id, reference, created_at, full_name, national_id, mobile, city, category, request_type,
           description, preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at,
           privacy_consent, status, decision_due_from, decision_due_by, decided_at)
         select gen_random_uuid(), internal.new_reference(), r.created_at, r.full_name, r.national_id, r.mobile, r.city, r.category, r.request_type,
                r.description, r.preferred_channel, r.intake_channel, r.locale, true, r.accuracy_declaration_version, r.accuracy_confirmed_at,
                true, r.status, r.decision_due_from, r.decision_due_by, r.decided_at
           from public.support_requests r, generate_series(1, 1004) where r.id = $1`, [first!.id]);
      await db.query('commit');
      return created_at as string;
    });
    const started = await as('officer').rpc('start_request_export', { p_since: moment });
    const rows = await readExport(as('officer'), started.data.export_id);
    const inOrder = await withDb(async (db) => (await db.query(
      `select array(select id from public.support_requests where created_at >= $1::timestamptz order by created_at, id) as ids,
              array(select id from public.support_requests where created_at = $1::timestamptz) as at_moment`, [moment])).rows[0]);
    expect(inOrder.at_moment).toHaveLength(1005);
    expect(rows.map((r) => r.id)).toEqual(inOrder.ids);
  });
});

describe('the CSV export with a reason', () => {
  const since = () => new Date(Date.now() - 5 * 86_400_000).toISOString();

  it('gives an admin the full values, and records the export with its reason', async () => {
    const admin = as('admin');
    const started = await admin.rpc('start_request_export', { p_since: since(), p_reason: '  Investigation of a suspected leak, ticket 42  ' });
    expect(started.data).toEqual({ export_id: expect.any(Number), full_values: true });
    const rows = await readExport(admin, started.data.export_id);
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ id: target.id, national_id: nationalId, mobile })]));
    expect((await exportsBy(staff.admin)).at(-1)).toEqual({ kind: 'export', full_values: true, reason: 'Investigation of a suspected leak, ticket 42' });
  });

  it('is refused to every other role, and recorded nowhere; a blank reason is none', async () => {
    for (const role of ['officer', 'supervisor', 'authority'] as const) {
      const before = (await exportsBy(staff[role])).length;
      const refused = await as(role).rpc('start_request_export', { p_reason: 'I need them' });
      expect([refused.status, refused.error?.message]).toEqual([403, 'role_not_allowed']);
      expect(await exportsBy(staff[role])).toHaveLength(before);
    }
    expect((await as('admin').rpc('start_request_export', { p_reason: '   ' })).data).toEqual({ export_id: expect.any(Number), full_values: false });
  });

  it('refuses a reason with hidden characters or over 2,000 characters, a GET, and pages of an export not the caller’s or over an hour old', async () => {
    const admin = as('admin');
    expect((await admin.rpc('start_request_export', { p_reason: 'reason\u202E' })).error?.message).toBe('note_characters');
    expect((await admin.rpc('start_request_export', { p_reason: 'x'.repeat(2001) })).error?.message).toBe('note_length');
    expect((await admin.rpc('start_request_export', {}, { get: true })).status).toBe(405);

    const started = await admin.rpc('start_request_export', { p_reason: 'audit' });
    const stolen = await as('officer').rpc('request_export_page', { p_export_id: started.data.export_id });
    expect([stolen.status, stolen.error?.message]).toEqual([400, 'export_not_found']);
    const old = await withDb(async (db) => (await db.query(
      `insert into public.access_log (created_at, actor_id, actor_role, kind, full_values, reason)
       values (now() - interval '61 minutes', $1, 'admin', 'export', true, 'old') returning id`, [staff.admin])).rows[0].id as string);
    expect((await admin.rpc('request_export_page', { p_export_id: Number(old) })).error?.message).toBe('export_not_found');
  });
});
