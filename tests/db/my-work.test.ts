// "My work" (my_work) and the supervisor's load view (staff_load), against the real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_COLUMNS } from '../../src/api/queue-query';
import { MY_WORK_SECTIONS } from '../../src/api/staff';
import { REQUEST_STATUSES, STATUS_FACTS } from '../../src/lib/workflow';
import { createUser, submitRequest, withDb } from './support/clients';
import { clientAs, seededStaffByRole, serviceClient } from './support/staff-clients';
import { decidedRequest, privatePage } from './support/private-page';
import { insertRequests } from './support/workspace-fixtures';

let staff: Awaited<ReturnType<typeof seededStaffByRole>>;
let member: string;
beforeAll(async () => {
  staff = await seededStaffByRole();
  // A member of their own, so what other tests assign to the demo officer does not get in the way.
  member = (await createUser({ role: 'officer' })).id;
});

interface Work {
  due: { id: string }[];
  waiting: { id: string }[];
  came_back: { id: string; came_back_at: string }[];
  counts: Record<string, number>;
}
const myWork = async () => {
  const { data, error } = await clientAs(member).rpc('my_work');
  expect(error).toBeNull();
  return data as Work;
};
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('my_work()', () => {
  it('lists what is assigned to me: to do by decision date, then decided; waiting on the beneficiary; never others’ or closed ones', async () => {
    const [later, sooner, waiting, decided, closed] = await insertRequests([
      { status: 'under_review', assigned_to: member, due_in_days: 20 },
      { status: 'submitted', assigned_to: member, due_in_days: 2 },
      { status: 'needs_info', assigned_to: member },
      { status: 'registered', assigned_to: member },
      { status: 'closed', assigned_to: member },
      { status: 'submitted', assigned_to: staff.officer },
    ]);
    const work = await myWork();
    expect(ids(work.due)).toEqual([sooner!.id, later!.id, decided!.id]);
    expect(ids(work.waiting)).toEqual([waiting!.id]);
    expect([...ids(work.due), ...ids(work.waiting)]).not.toContain(closed!.id);
    expect(work.counts).toMatchObject({ due: 3, waiting: 1 });
    expect(Object.keys(work).sort()).toEqual([...MY_WORK_SECTIONS, 'counts'].sort());
    for (const row of work.due) expect(Object.keys(row).sort()).toEqual([...QUEUE_COLUMNS].sort());
  });

  it('shows what came back from the beneficiary since I last opened it, until I open it again', async () => {
    const { id, secret } = await decidedRequest('accepted');
    expect((await clientAs(member).rpc('assign_request', { p_request_id: id, p_assignee: member })).error).toBeNull();
    const client = clientAs(member);
    expect((await client.rpc('mark_request_seen', { p_request_id: id })).error).toBeNull();
    expect(ids((await myWork()).came_back)).not.toContain(id);

    // The beneficiary rates the service poorly through their link: a follow-up lands in the history.
    const rated = await privatePage('rate', {
      secret, channel: 'phone', overall: 1, courtesy: 2, clarity: 2, speed: 1, ease: 2, recommend: 2, comment: '', locale: 'ar',
      idempotency_key: crypto.randomUUID(),
    });
    expect(rated.body).toMatchObject({ outcome: 'rated' });
    const work = await myWork();
    expect(ids(work.came_back)).toContain(id);
    expect(work.counts.came_back).toBeGreaterThanOrEqual(1);

    await client.rpc('mark_request_seen', { p_request_id: id });
    expect(ids((await myWork()).came_back)).not.toContain(id);
  });

  it('counts the end of a wait on the beneficiary as coming back', async () => {
    const [request] = await insertRequests([{ status: 'needs_info', assigned_to: member }]);
    await clientAs(member).rpc('mark_request_seen', { p_request_id: request!.id });
    expect((await clientAs(staff.supervisor).rpc('transition_request', { p_request_id: request!.id, p_to: 'under_review' })).error).toBeNull();
    expect(ids((await myWork()).came_back)).toContain(request!.id);
  });

  it('gives nothing to anyone who is not active staff', async () => {
    const former = await createUser({ role: 'officer', active: false });
    expect((await clientAs(former.id).rpc('my_work')).error).toMatchObject({ message: 'staff_inactive' });
    expect((await clientAs(former.id).rpc('mark_request_seen', { p_request_id: crypto.randomUUID() })).error).toMatchObject({ message: 'staff_inactive' });
  });
});

describe('staff_load()', () => {
  type Load = { user_id: string | null; open_requests: number; waiting: number; overdue: number }[];
  const staffLoad = async () => {
    const { data, error } = await clientAs(staff.supervisor).rpc('staff_load');
    expect(error).toBeNull();
    return data as Load;
  };
  /** staff_load() against a count of the table: every assignee's row, nobody's included. */
  const expectLoadAsCounted = async () => {
    const load = await staffLoad();
    const open = REQUEST_STATUSES.filter((s) => !STATUS_FACTS[s].final);
    const awaiting = REQUEST_STATUSES.filter((s) => STATUS_FACTS[s].awaitsDecision);
    const { rows } = await withDb((db) => db.query(
      `select assigned_to, count(*)::int as open_requests,
              count(*) filter (where status = 'needs_info')::int as waiting,
              count(*) filter (where status = any ($2::public.request_status[]) and decided_at is null and decision_due_by < now())::int as overdue
         from public.support_requests where status = any ($1::public.request_status[]) group by assigned_to`, [open, awaiting]));
    for (const truth of rows) {
      expect(load.find((l) => l.user_id === truth.assigned_to), String(truth.assigned_to)).toMatchObject({
        open_requests: truth.open_requests, waiting: truth.waiting, overdue: truth.overdue,
      });
    }
    // A member with nothing open has a row of zeros, not a stale count.
    for (const l of load.filter((l) => l.user_id !== null && !rows.some((r) => r.assigned_to === l.user_id))) {
      expect(l, String(l.user_id)).toMatchObject({ open_requests: 0, waiting: 0, overdue: 0 });
    }
    return load;
  };

  it('gives supervisors each member’s open, waiting and overdue requests, as counting the table does', async () => {
    await insertRequests([
      { status: 'under_review', assigned_to: member, due_in_days: -3 },
      { status: 'needs_info', assigned_to: member },
      { status: 'accepted', assigned_to: member, due_in_days: -3 },
    ]);
    const load = await expectLoadAsCounted();
    expect(load.find((l) => l.user_id === member)?.waiting).toBeGreaterThanOrEqual(1);
    expect(load.some((l) => l.user_id === null)).toBe(true);
  });

  it('stays as counting the table does while requests are assigned, handed over in bulk, moved and closed', async () => {
    const other = (await createUser({ role: 'officer' })).id;
    const [a, b, c] = await insertRequests([
      { status: 'submitted', assigned_to: null, due_in_days: -2 },
      { status: 'under_review', assigned_to: other, due_in_days: 5 },
      { status: 'needs_info', assigned_to: other },
    ]);
    await expectLoadAsCounted();
    const supervisor = clientAs(staff.supervisor);
    expect((await supervisor.rpc('assign_request', { p_request_id: a!.id, p_assignee: other })).error).toBeNull();
    expect((await staffLoad()).find((l) => l.user_id === other)).toMatchObject({ open_requests: 3, waiting: 1, overdue: 1 });
    expect((await supervisor.rpc('assign_requests', { p_request_ids: [a!.id, b!.id, c!.id], p_assignee: member })).error).toBeNull();
    expect((await staffLoad()).find((l) => l.user_id === other)).toMatchObject({ open_requests: 0, waiting: 0, overdue: 0 });
    await expectLoadAsCounted();
    // Moved by the workflow, and written with the other triggers off (as the seed and fixtures do).
    expect((await supervisor.rpc('transition_request', { p_request_id: a!.id, p_to: 'under_review' })).error).toBeNull();
    await withDb(async (db) => {
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      await db.query(`update public.support_requests set status = 'closed' where id = $1`, [b!.id]);
      await db.query('update public.support_requests set assigned_to = null where id = $1', [c!.id]);
      await db.query('commit');
    });
    await expectLoadAsCounted();
  });

  it('is the supervisor’s and the admin’s view only', async () => {
    expect((await clientAs(staff.admin).rpc('staff_load')).error).toBeNull();
    expect((await clientAs(staff.officer).rpc('staff_load')).error).toMatchObject({ message: 'role_not_allowed' });
  });
});
