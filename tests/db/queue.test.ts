// The queue (queue_requests), the status counts (request_status_counts) and what they rest on,
// against the real database: each view answers the page a service-role query of the same
// filters gives, in the same order, with the same total.
import { beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_COLUMNS, queueArguments } from '../../src/api/queue-query';
import { DUE_SOON_DAYS } from '../../src/lib/deadlines';
import { DAY_MS } from '../../src/lib/decision-window';
import { REQUEST_STATUSES, STATUS_FACTS, UNDECIDED_STATUSES } from '../../src/lib/workflow';
import { DEFAULT_QUEUE_VIEW, QUEUE_DEADLINES, QUEUE_RULE_KEYS, QUEUE_SCOPES, QUEUE_SORTS, type QueueView } from '../../src/schemas/queue-view';
import { anonClient, createUser, withDb } from './support/clients';
import { clientAs, seededStaffByRole, serviceClient } from './support/staff-clients';
import { insertRequests } from './support/workspace-fixtures';

const FINAL = REQUEST_STATUSES.filter((s) => STATUS_FACTS[s].final);
let staff: Awaited<ReturnType<typeof seededStaffByRole>>;

async function page(view: Partial<QueueView>, who: keyof typeof staff = 'officer') {
  const { data, error } = await clientAs(staff[who]).rpc('queue_requests', queueArguments({ ...DEFAULT_QUEUE_VIEW, ...view }, staff[who]));
  expect(error).toBeNull();
  return data as { rows: Record<string, unknown>[]; total: number; total_estimated: boolean };
}

/** The same view as a service-role query: its first rows' ids, in order, and its exact count. */
async function expected(narrow: (q: any) => any, order: [string, boolean][], offset = 0) {
  let ids = narrow(serviceClient().from('support_requests').select('id'));
  for (const [column, ascending] of order) ids = ids.order(column, { ascending });
  const { data } = await ids.order('id', { ascending: order[0]?.[1] ?? true }).range(offset, offset + 24);
  const { count } = await narrow(serviceClient().from('support_requests').select('id', { count: 'exact', head: true }));
  return { ids: (data as { id: string }[]).map((r) => r.id), total: count as number };
}
const open = (q: any) => q.not('status', 'in', `(${FINAL.join(',')})`);
const idsOf = (p: { rows: Record<string, unknown>[] }) => p.rows.map((r) => r.id);

beforeAll(async () => {
  staff = await seededStaffByRole();
  await insertRequests([
    { status: 'under_review', due_in_days: 3, category: 'parent', intake_channel: 'phone', assigned_to: staff.officer },
    { status: 'pending_decision', due_in_days: 9, category: 'parent', intake_channel: 'phone' },
    { status: 'escalated', due_in_days: -2, created_days_ago: 50 },
    { status: 'closed', full_name: 'Aaron Aardvark' },
  ]);
});

describe('queue_requests()', () => {
  it('shows open requests by decision date by default, with their exact total', async () => {
    const want = await expected(open, [['decision_due_by', true]]);
    const got = await page({});
    expect(idsOf(got)).toEqual(want.ids);
    expect(got).toMatchObject({ total: want.total, total_estimated: false });
  });

  it.each([
    ['one status, newest first', { status: 'escalated', sort: 'created_at', desc: true }, (q: any) => q.eq('status', 'escalated'), [['created_at', false]]],
    ['every request by name, page 2', { scope: 'all', sort: 'full_name', page: 2 }, (q: any) => q, [['full_name', true]]],
    ['category and intake channel', { category: 'parent', channel: 'phone' }, (q: any) => open(q).eq('category', 'parent').eq('intake_channel', 'phone'), [['decision_due_by', true]]],
    ['by status, then decision date', { sort: 'status' }, open, [['status', true], ['decision_due_by', true]]],
    ['nobody’s', { assignee: 'none' }, (q: any) => open(q).is('assigned_to', null), [['decision_due_by', true]]],
  ] as [string, Partial<QueueView>, (q: any) => any, [string, boolean][]][])('%s', async (_name, view, narrow, order) => {
    const want = await expected(narrow, order, ((view.page ?? 1) - 1) * 25);
    const got = await page(view);
    expect(idsOf(got)).toEqual(want.ids);
    expect(got.total).toBe(want.total);
  });

  it('mine: what is assigned to the member asking', async () => {
    const want = await expected((q) => open(q).eq('assigned_to', staff.officer), [['decision_due_by', true]]);
    expect(want.total).toBeGreaterThan(0);
    expect(idsOf(await page({ assignee: 'me' }))).toEqual(want.ids);
    expect(idsOf(await page({ assignee: staff.officer }, 'supervisor'))).toEqual(want.ids);
  });

  it('overdue: past decision_due_by, no decision, still undecided', async () => {
    const now = new Date().toISOString();
    const want = await expected((q) => q.lt('decision_due_by', now).is('decided_at', null).in('status', UNDECIDED_STATUSES), [['decision_due_by', true]]);
    expect(want.total).toBeGreaterThan(0);
    const got = await page({ deadline: 'overdue' });
    expect(idsOf(got)).toEqual(want.ids);
    expect(got.total).toBe(want.total);
  });

  it(`due soon: within the next ${DUE_SOON_DAYS} days`, async () => {
    const now = Date.now();
    const want = await expected(
      (q) => q.gte('decision_due_by', new Date(now).toISOString()).lte('decision_due_by', new Date(now + DUE_SOON_DAYS * DAY_MS).toISOString())
        .is('decided_at', null).in('status', UNDECIDED_STATUSES),
      [['decision_due_by', true]],
    );
    const got = await page({ deadline: 'due_soon' });
    expect(idsOf(got)).toEqual(want.ids);
    const { rows: [window] } = await withDb((db) => db.query(`select extract(epoch from internal.due_soon_window()) * 1000 as ms`));
    expect(Number(window.ms)).toBe(DUE_SOON_DAYS * DAY_MS);
  });

  it('pages never overlap and together are the whole view', async () => {
    const first = await page({ scope: 'all', sort: 'status' });
    const second = await page({ scope: 'all', sort: 'status', page: 2 });
    expect(idsOf(first).filter((id) => idsOf(second).includes(id))).toEqual([]);
    expect(first.rows).toHaveLength(25);
  });

  it('answers each row with the queue’s columns (QUEUE_COLUMNS), the duplicate flag included', async () => {
    const got = await page({});
    for (const row of got.rows) expect(Object.keys(row).sort()).toEqual([...QUEUE_COLUMNS].sort());
  });

  it('estimates a total over 1,000 instead of counting it, and says so', async () => {
    // Closed letters from educational institutions: a view no other test reads.
    await withDb(async (db) => {
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      await db.query(`insert into public.support_requests (reference, full_name, national_id, mobile, city, category, request_type, description,
          preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at, privacy_consent,
          status, decided_at, decision_due_from, decision_due_by)
        select internal.new_reference(), 'سارة أحمد', '1000000008', '+966551230000', 'جدة', 'educational_institution', 'tutoring',
               'طلب لاختبار تقدير العدد في قائمة الطلبات', 'phone', 'letter', 'ar', true, 'workspace-test', now(), true,
               'closed', now(), now() - interval '40 days', now() - interval '20 days'
          from generate_series(1, 1500)`);
      await db.query('commit');
      await db.query('analyze public.support_requests');
    });
    const got = await page({ scope: 'all', category: 'educational_institution', channel: 'letter' });
    expect(got.total_estimated).toBe(true);
    expect(got.total).toBeGreaterThan(1000);
    expect(got.rows).toHaveLength(25);
  });

  it('pages a view of more than 1,000 as the ordered query does, whether it sorted what it found or read the order again', async () => {
    // The 1,500 letters of the test above: a filter (more than it reads at once: the page is read again in
    // order) and a search (the planner expects fewer than 5,000: the page is sorted from what it found).
    const letters = (q: any) => q.eq('category', 'educational_institution').eq('intake_channel', 'letter');
    const named = (q: any) => q.like('search_text', '*ساره*').like('search_text', '*احمد*');
    for (const [view, narrow, order] of [
      [{ scope: 'all', category: 'educational_institution', channel: 'letter', sort: 'created_at', desc: true, page: 3 }, letters, [['created_at', false]]],
      [{ q: 'سارة أحمد', page: 2 }, named, [['decision_due_by', true]]],
      [{ q: 'سارة أحمد', sort: 'full_name', desc: true, page: 4 }, named, [['full_name', false]]],
    ] as [Partial<QueueView>, (q: any) => any, [string, boolean][]][]) {
      const want = await expected(narrow, order, ((view.page ?? 1) - 1) * 25);
      const got = await page(view);
      expect(want.total, JSON.stringify(view)).toBeGreaterThan(1000);
      expect(idsOf(got), JSON.stringify(view)).toEqual(want.ids);
      expect(got.total_estimated).toBe(true);
    }
  });

  it('refuses a choice it does not have with its key; the lists are the view’s', async () => {
    const client = clientAs(staff.officer);
    const bad = async (args: Record<string, unknown>) => (await client.rpc('queue_requests', args)).error;
    expect(await bad({ p_scope: 'everything' })).toMatchObject({ message: 'queue_scope_invalid', hint: 'scope' });
    expect(await bad({ p_deadline: 'yesterday' })).toMatchObject({ message: 'queue_deadline_invalid', hint: 'deadline' });
    expect(await bad({ p_sort: 'national_id' })).toMatchObject({ message: 'queue_sort_invalid', hint: 'sort' });
    expect(await bad({ p_limit: 1000 })).toMatchObject({ message: 'queue_page_invalid', hint: 'page' });
    expect(await bad({ p_search: 'ab' })).toMatchObject({ message: QUEUE_RULE_KEYS[0] });
    for (const scope of QUEUE_SCOPES) expect(await bad({ p_scope: scope })).toBeNull();
    for (const deadline of QUEUE_DEADLINES) expect(await bad({ p_deadline: deadline })).toBeNull();
    for (const sort of QUEUE_SORTS) expect(await bad({ p_sort: sort })).toBeNull();
  });

  it('gives nothing to anyone who is not active staff', async () => {
    expect((await anonClient().rpc('queue_requests', {})).status).toBe(401);
    const outsider = await createUser();
    expect((await clientAs(outsider.id).rpc('queue_requests', {})).error).toMatchObject({ message: 'role_not_allowed' });
    const former = await createUser({ role: 'officer', active: false });
    expect((await clientAs(former.id).rpc('queue_requests', {})).error).toMatchObject({ message: 'staff_inactive' });
  });

  it('has open-request indexes whose condition is exactly the final statuses', async () => {
    const { rows } = await withDb((db) => db.query(`select indexname, indexdef from pg_indexes where tablename = 'support_requests' and indexdef like '%WHERE%status%'`));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const listed = [...row.indexdef.matchAll(/'([a-z_]+)'::request_status/g)].map((m: RegExpMatchArray) => m[1]).sort();
      expect(listed, row.indexname).toEqual([...FINAL].sort());
    }
  });
});

describe('request_status_counts()', () => {
  const counts = async () => {
    const { data, error } = await clientAs(staff.authority).rpc('request_status_counts');
    expect(error).toBeNull();
    return Object.fromEntries((data as { status: string; requests: number }[]).map((r) => [r.status, r.requests]));
  };
  const truth = async () => {
    const { rows } = await withDb((db) => db.query('select s.status::text, count(r.id)::int as n from internal.request_statuses s left join public.support_requests r on r.status = s.status group by s.status'));
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };

  it('counts every status in one call, as a count of the table does, before and after requests arrive and move', async () => {
    expect(await counts()).toEqual(await truth());
    expect(Object.keys(await counts()).sort()).toEqual([...REQUEST_STATUSES].sort());
    const [moved] = await insertRequests([{ status: 'submitted' }, { status: 'pending_decision' }]);
    await clientAs(staff.officer).rpc('transition_request', { p_request_id: moved!.id, p_to: 'under_review' });
    expect(await counts()).toEqual(await truth());
  });

  it('gives nothing to anyone who is not active staff', async () => {
    expect((await anonClient().rpc('request_status_counts')).status).toBe(401);
    const former = await createUser({ role: 'officer', active: false });
    expect((await clientAs(former.id).rpc('request_status_counts')).error).toMatchObject({ message: 'staff_inactive' });
  });
});
