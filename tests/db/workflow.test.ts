import { describe, expect, it } from 'vitest';
import { staff, withDb, type DemoStaff } from './support/clients';
import { requestsIn, STATUSES, type Status } from './support/arrange';

// docs/ARCHITECTURE.md's transitions and who may make them.
const ALLOWED: Record<string, DemoStaff[]> = {
  'submitted>under_review': ['officer', 'supervisor'],
  'under_review>needs_info': ['officer', 'supervisor'],
  'under_review>escalated': ['officer', 'supervisor'],
  'under_review>pending_decision': ['officer', 'supervisor'],
  'needs_info>under_review': ['officer', 'supervisor'],
  'escalated>under_review': ['supervisor'],
  'escalated>pending_decision': ['supervisor'],
  'pending_decision>accepted': ['authority'],
  'pending_decision>rejected': ['authority'],
  'accepted>registered': ['officer', 'supervisor'],
  'registered>service_delivered': ['officer', 'supervisor'],
  'service_delivered>closed': ['officer', 'supervisor'],
};

const pairs = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => [from, to] as [Status, Status]));

const eventsOf = (id: string) =>
  withDb(async (db) => (await db.query('select * from public.request_events where request_id = $1 order by id', [id])).rows);

describe.each(['officer', 'supervisor', 'authority', 'admin'] as const)('the %s moving requests', (role) => {
  it('succeeds with every transition the role may make and is refused every other, with a clear error', async () => {
    const client = await staff(role);
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [from, to] of pairs) {
      const [id] = await requestsIn(from);
      const { data, error } = await client.rpc('transition_request', { p_request_id: id, p_to: to, p_note: 'Checked by phone.' });
      const mayMove = ALLOWED[`${from}>${to}`];
      outcomes.push(`${from}>${to}: ${error ? error.message : data.status}`);
      expected.push(`${from}>${to}: ${!mayMove ? 'transition_not_allowed' : mayMove.includes(role) ? to : 'role_not_allowed'}`);
    }
    expect(outcomes).toEqual(expected);
  });
});

describe('a transition', () => {
  it('writes an event with the actor, their role, the old and new status and the note', async () => {
    const officer = await staff('officer');
    const [id] = await requestsIn('submitted');
    const { data: me } = await officer.auth.getUser();
    const { error } = await officer.rpc('transition_request', { p_request_id: id, p_to: 'under_review', p_note: 'Started review' });
    expect(error).toBeNull();
    const [event] = (await eventsOf(id)).filter((e) => e.kind === 'status_changed');
    expect(event).toMatchObject({
      from_status: 'submitted',
      to_status: 'under_review',
      actor_id: me.user!.id,
      actor_role: 'officer',
      note: 'Started review',
    });
  });

  it('is refused with HTTP 403 for the wrong role and HTTP 400 for a move the workflow does not have', async () => {
    const officer = await staff('officer');
    const [pending] = await requestsIn('pending_decision');
    const decide = await officer.rpc('transition_request', { p_request_id: pending, p_to: 'accepted' });
    expect([decide.status, decide.error?.message]).toEqual([403, 'role_not_allowed']);
    const [submitted] = await requestsIn('submitted');
    const skip = await officer.rpc('transition_request', { p_request_id: submitted, p_to: 'accepted' });
    expect([skip.status, skip.error?.message]).toEqual([400, 'transition_not_allowed']);
  });

  it('through a PATCH of status goes through the same checks', async () => {
    const officer = await staff('officer');
    const [id] = await requestsIn('submitted');
    const ok = await officer.from('support_requests').update({ status: 'under_review' }).eq('id', id).select('status').single();
    expect(ok.data).toEqual({ status: 'under_review' });
    const [pending] = await requestsIn('pending_decision');
    const refused = await officer.from('support_requests').update({ status: 'accepted' }).eq('id', pending).select('id, status');
    expect(refused.error?.message).toBe('role_not_allowed');
  });

  it('cannot change what the beneficiary submitted', async () => {
    const supervisor = await staff('supervisor');
    const [id] = await requestsIn('under_review');
    const { error } = await supervisor.from('support_requests').update({ full_name: 'Someone Else' }).eq('id', id);
    expect(error?.code).toBe('42501');
    const row = await withDb(async (db) => (await db.query('select full_name from public.support_requests where id = $1', [id])).rows[0]);
    expect(row.full_name).toBe('سارة أحمد');
  });
});

describe('the decision', () => {
  it('is made only by the authority, who is recorded with the time', async () => {
    const authority = await staff('authority');
    const [id] = await requestsIn('pending_decision');
    const { data, error } = await authority.rpc('transition_request', { p_request_id: id, p_to: 'accepted', p_note: 'Eligible' });
    expect(error).toBeNull();
    const { data: me } = await authority.auth.getUser();
    expect(data).toMatchObject({ status: 'accepted', decided_by: me.user!.id, decision_note: 'Eligible' });
    expect(Date.parse(data.decided_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('to reject needs a reason', async () => {
    const authority = await staff('authority');
    const [id] = await requestsIn('pending_decision');
    for (const note of [undefined, '', '   ']) {
      const { error, status } = await authority.rpc('transition_request', { p_request_id: id, p_to: 'rejected', p_note: note });
      expect([status, error?.message]).toEqual([400, 'rejection_reason_required']);
    }
    const withReason = await authority.rpc('transition_request', { p_request_id: id, p_to: 'rejected', p_note: 'Outside our programmes' });
    expect(withReason.data).toMatchObject({ status: 'rejected', decision_note: 'Outside our programmes' });
  });
});

describe('asking the beneficiary for missing information', () => {
  it('needs a note saying what is missing', async () => {
    const officer = await staff('officer');
    const [id] = await requestsIn('under_review');
    const { error } = await officer.rpc('transition_request', { p_request_id: id, p_to: 'needs_info' });
    expect(error?.message).toBe('note_required');
  });

  it('pauses the decision clock: the window moves by the time spent waiting', async () => {
    const officer = await staff('officer');
    const [id] = await requestsIn('under_review');
    const asked = await officer.rpc('transition_request', { p_request_id: id, p_to: 'needs_info', p_note: 'Please send the school certificate' });
    const before = asked.data;
    // Three days pass while the beneficiary gathers the document.
    await withDb(async (db) => {
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      await db.query(`update public.support_requests set waiting_since = waiting_since - interval '3 days' where id = $1`, [id]);
      await db.query('commit');
    });
    const resumed = await officer.rpc('transition_request', { p_request_id: id, p_to: 'under_review' });
    const moved = Date.parse(resumed.data.decision_due_by) - Date.parse(before.decision_due_by);
    expect(moved).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(moved).toBeLessThan(3 * 86_400_000 + 60_000);
    expect(Date.parse(resumed.data.decision_due_from) - Date.parse(before.decision_due_from)).toBe(moved);
    expect(resumed.data.waiting_since).toBeNull();
  });
});

describe('inactive staff', () => {
  it('can do nothing: no transition, no note, no assignment, and no request to read', async () => {
    const former = await staff('former');
    const [id] = await requestsIn('submitted');
    const move = await former.rpc('transition_request', { p_request_id: id, p_to: 'under_review' });
    expect([move.status, move.error?.message]).toEqual([403, 'staff_inactive']);
    const note = await former.rpc('add_request_note', { p_request_id: id, p_note: 'hello' });
    expect(note.error?.message).toBe('staff_inactive');
    const { data: me } = await former.auth.getUser();
    const assign = await former.rpc('assign_request', { p_request_id: id, p_assignee: me.user!.id });
    expect(assign.error?.message).toBe('staff_inactive');
    const read = await former.from('support_requests').select('id');
    expect(read.data).toEqual([]);
    const patch = await former.from('support_requests').update({ status: 'under_review' }).eq('id', id).select('id, status');
    expect(patch.data ?? []).toEqual([]);
    const row = await withDb(async (db) => (await db.query('select status from public.support_requests where id = $1', [id])).rows[0]);
    expect(row.status).toBe('submitted');
  });
});

describe('assigning requests', () => {
  it('lets an officer take a request, a supervisor assign anyone, and records it', async () => {
    const officer = await staff('officer');
    const supervisor = await staff('supervisor');
    const { data: o } = await officer.auth.getUser();
    const { data: s } = await supervisor.auth.getUser();
    const [id] = await requestsIn('submitted');
    const took = await officer.rpc('assign_request', { p_request_id: id, p_assignee: o.user!.id });
    expect(took.data.assigned_to).toBe(o.user!.id);
    const toOther = await officer.rpc('assign_request', { p_request_id: id, p_assignee: s.user!.id });
    expect(toOther.error?.message).toBe('role_not_allowed');
    const reassigned = await supervisor.rpc('assign_request', { p_request_id: id, p_assignee: s.user!.id });
    expect(reassigned.data.assigned_to).toBe(s.user!.id);
    const assignments = (await eventsOf(id)).filter((e) => e.kind === 'assigned').map((e) => e.assigned_to);
    expect(assignments).toEqual([o.user!.id, s.user!.id]);
  });

  it('refuses an assignee who is not active staff', async () => {
    const supervisor = await staff('supervisor');
    const [id] = await requestsIn('submitted');
    const former = await withDb(async (db) => (await db.query(`select user_id from public.staff where not active limit 1`)).rows[0].user_id);
    const { error } = await supervisor.rpc('assign_request', { p_request_id: id, p_assignee: former });
    expect(error?.message).toBe('assignee_invalid');
  });
});

describe('notes and requests registered on the beneficiary\'s behalf', () => {
  it('lets any active staff member add a note to the history', async () => {
    const authority = await staff('authority');
    const [id] = await requestsIn('pending_decision');
    const { data, error } = await authority.rpc('add_request_note', { p_request_id: id, p_note: 'Called the school to confirm.' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ kind: 'note', actor_role: 'authority', note: 'Called the school to confirm.' });
    const empty = await authority.rpc('add_request_note', { p_request_id: id, p_note: '  ' });
    expect(empty.error?.message).toBe('note_required');
  });

  it('lets an officer register a request received by phone, in the same reference series', async () => {
    const officer = await staff('officer');
    const { data, error } = await officer.rpc('register_request_on_behalf', {
      p_full_name: 'فهد سعيد', p_national_id: '2000000006', p_mobile: '0559990001', p_email: '', p_city: 'أبها',
      p_category: 'parent', p_request_type: 'educational_supplies',
      p_description: 'اتصل ولي الأمر يطلب أدوات مدرسية لطفلين في المرحلة الابتدائية',
      p_preferred_channel: 'phone', p_locale: 'ar', p_accuracy_confirmed: true, p_privacy_consent: true,
      p_declaration_version: '2026-11-policy-step-4', p_idempotency_key: crypto.randomUUID(), p_intake_channel: 'phone',
    });
    expect(error).toBeNull();
    expect(data.reference).toMatch(/^IRT-[0-9A-HJKMNP-TV-Z]{8}$/);
    const row = await withDb(async (db) => (await db.query('select * from public.support_requests where reference = $1', [data.reference])).rows[0]);
    const { data: me } = await officer.auth.getUser();
    expect(row).toMatchObject({ intake_channel: 'phone', registered_by: me.user!.id, status: 'submitted' });
    const authority = await staff('authority');
    const refused = await authority.rpc('register_request_on_behalf', {
      p_full_name: 'فهد سعيد', p_national_id: '2000000006', p_mobile: '0559990001', p_email: '', p_city: 'أبها',
      p_category: 'parent', p_request_type: 'educational_supplies', p_description: 'x'.repeat(30), p_preferred_channel: 'phone',
      p_locale: 'ar', p_accuracy_confirmed: true, p_privacy_consent: true, p_declaration_version: 'v', p_idempotency_key: null,
      p_intake_channel: 'phone',
    });
    expect(refused.error?.message).toBe('role_not_allowed');
  });
});
