// Changes staff make from the workspace: a change made on stale data is refused (request_changed,
// HTTP 409) and leaves nothing behind; bulk assignment changes every request or none, and records
// one event in each request's history.
import { beforeAll, describe, expect, it } from 'vitest';
import { withDb } from './support/clients';
import { clientAs, seededStaffByRole } from './support/staff-clients';
import { insertRequests } from './support/workspace-fixtures';

let staff: Awaited<ReturnType<typeof seededStaffByRole>>;
beforeAll(async () => {
  staff = await seededStaffByRole();
});

const row = (id: string) =>
  withDb(async (db) => (await db.query('select status, assigned_to, updated_at from public.support_requests where id = $1', [id])).rows[0]);
const eventsOf = (id: string) =>
  withDb(async (db) => (await db.query('select kind, actor_id, assigned_to from public.request_events where request_id = $1 order by id', [id])).rows);
/** updated_at as PostgREST sends it (microseconds kept), the version the workspace shows. */
const versionOf = async (id: string) =>
  ((await clientAs(staff.officer).from('support_requests').select('updated_at').eq('id', id).single()).data as { updated_at: string }).updated_at;

describe('a change made on stale data', () => {
  it('is refused with request_changed (409) when another member changed the request meanwhile, and nothing is written', async () => {
    const [request] = await insertRequests([{ status: 'submitted' }]);
    const seen = await versionOf(request!.id);
    // Meanwhile a colleague takes the request.
    expect((await clientAs(staff.supervisor).rpc('assign_request', { p_request_id: request!.id, p_assignee: staff.supervisor })).error).toBeNull();
    const before = await eventsOf(request!.id);

    const stale = await clientAs(staff.officer).rpc('transition_request', { p_request_id: request!.id, p_to: 'under_review', p_note: null, p_expected_updated_at: seen });
    expect(stale.status).toBe(409);
    expect(stale.error).toMatchObject({ message: 'request_changed', details: JSON.stringify([request!.id]) });
    const reassign = await clientAs(staff.officer).rpc('assign_request', { p_request_id: request!.id, p_assignee: staff.officer, p_expected_updated_at: seen });
    expect(reassign.error).toMatchObject({ message: 'request_changed' });
    expect(await row(request!.id)).toMatchObject({ status: 'submitted', assigned_to: staff.supervisor });
    expect(await eventsOf(request!.id)).toEqual(before);

    // With what the request is now, the same move goes through.
    const fresh = await clientAs(staff.officer).rpc('transition_request', { p_request_id: request!.id, p_to: 'under_review', p_note: null, p_expected_updated_at: await versionOf(request!.id) });
    expect(fresh.error).toBeNull();
    expect((await row(request!.id)).status).toBe('under_review');
  });

  it('is not checked for callers that do not send a version (the signatures of before still work)', async () => {
    const [request] = await insertRequests([{ status: 'submitted' }]);
    const client = clientAs(staff.officer);
    expect((await client.rpc('transition_request', { p_request_id: request!.id, p_to: 'under_review' })).error).toBeNull();
    expect((await client.rpc('transition_request', { p_request_id: request!.id, p_to: 'needs_info', p_note: 'صورة الهوية' })).error).toBeNull();
    expect((await client.rpc('assign_request', { p_request_id: request!.id, p_assignee: staff.officer })).error).toBeNull();
    expect(await row(request!.id)).toMatchObject({ status: 'needs_info', assigned_to: staff.officer });
  });
});

describe('bulk assignment', () => {
  it('assigns every request in one call and records one assigned event in each request’s history', async () => {
    const requests = await insertRequests([{ status: 'submitted' }, { status: 'under_review' }, { status: 'escalated', assigned_to: staff.officer }]);
    const versions = await Promise.all(requests.map((r) => versionOf(r.id)));
    const { data, error } = await clientAs(staff.supervisor).rpc('assign_requests', {
      p_request_ids: requests.map((r) => r.id), p_assignee: staff.officer, p_expected_updated_at: versions,
    });
    expect(error).toBeNull();
    // The third was the officer's already: nothing changed there, nothing is recorded.
    expect((data as { id: string }[]).map((r) => r.id).sort()).toEqual(requests.slice(0, 2).map((r) => r.id).sort());
    for (const r of requests.slice(0, 2)) {
      expect(await eventsOf(r.id)).toEqual([{ kind: 'assigned', actor_id: staff.supervisor, assigned_to: staff.officer }]);
      expect((await row(r.id)).assigned_to).toBe(staff.officer);
    }
    expect(await eventsOf(requests[2]!.id)).toEqual([]);
  });

  it('changes none when one of them changed meanwhile, and names the one that did', async () => {
    const requests = await insertRequests([{ status: 'submitted' }, { status: 'submitted' }]);
    const versions = await Promise.all(requests.map((r) => versionOf(r.id)));
    await clientAs(staff.officer).rpc('assign_request', { p_request_id: requests[1]!.id, p_assignee: staff.officer });
    const { error, status } = await clientAs(staff.supervisor).rpc('assign_requests', {
      p_request_ids: requests.map((r) => r.id), p_assignee: staff.supervisor, p_expected_updated_at: versions,
    });
    expect(status).toBe(409);
    expect(error).toMatchObject({ message: 'request_changed', details: JSON.stringify([requests[1]!.id]) });
    expect((await row(requests[0]!.id)).assigned_to).toBeNull();
    expect(await eventsOf(requests[0]!.id)).toEqual([]);
  });

  it('changes none when the role may not make one of the changes', async () => {
    const requests = await insertRequests([{ status: 'submitted' }, { status: 'submitted' }]);
    // An officer takes requests; handing them to someone else is the supervisor's.
    const { error } = await clientAs(staff.officer).rpc('assign_requests', { p_request_ids: requests.map((r) => r.id), p_assignee: staff.supervisor });
    expect(error).toMatchObject({ message: 'role_not_allowed' });
    for (const r of requests) expect(await eventsOf(r.id)).toEqual([]);
    const taken = await clientAs(staff.officer).rpc('assign_requests', { p_request_ids: requests.map((r) => r.id), p_assignee: staff.officer });
    expect(taken.error).toBeNull();
  });

  it('refuses an empty, an oversized, a mismatched or an unknown list with its key', async () => {
    const client = clientAs(staff.supervisor);
    const [request] = await insertRequests([{ status: 'submitted' }]);
    const refusal = async (args: Record<string, unknown>) => (await client.rpc('assign_requests', { p_assignee: staff.officer, ...args })).error;
    expect(await refusal({ p_request_ids: [] })).toMatchObject({ message: 'requests_required', hint: 'request_ids' });
    expect(await refusal({ p_request_ids: Array.from({ length: 101 }, () => crypto.randomUUID()) })).toMatchObject({ message: 'bulk_limit', hint: 'request_ids' });
    expect(await refusal({ p_request_ids: [request!.id], p_expected_updated_at: [] })).toMatchObject({ message: 'expected_updated_at_mismatch' });
    expect(await refusal({ p_request_ids: [request!.id, crypto.randomUUID()] })).toMatchObject({ message: 'request_not_found' });
    expect((await row(request!.id)).assigned_to).toBeNull();
  });
});
