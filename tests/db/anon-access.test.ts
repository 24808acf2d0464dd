import { describe, expect, it } from 'vitest';
import { anonClient, application, submitRequest, withDb } from './support/clients';
import { requestsIn } from './support/arrange';

const TABLES = ['staff', 'support_requests', 'request_events', 'satisfaction_surveys', 'contact_preferences', 'overdue_flags', 'request_documents'] as const;

describe('the public (anon key)', () => {
  it('can submit a request and look up its status', async () => {
    const receipt = await submitRequest({ p_mobile: '0554443322' });
    const { data } = await anonClient().rpc('get_request_status', { p_reference: receipt.reference, p_phone_last4: '3322' });
    expect(data).toMatchObject({ outcome: 'found', reference: receipt.reference, status: 'submitted' });
  });

  it.each(TABLES)('reads no row of %s', async (table) => {
    const { data, error } = await anonClient().from(table).select('*').limit(1);
    expect(data).toBeNull();
    expect(error?.code).toBe('42501');
  });

  const rows: Record<(typeof TABLES)[number], Record<string, unknown>> = {
    staff: { user_id: crypto.randomUUID(), full_name: 'Intruder', role: 'admin' },
    support_requests: { reference: 'IRT-00000000', status: 'accepted', full_name: 'x y' },
    request_events: { request_id: crypto.randomUUID(), kind: 'note', note: 'forged' },
    satisfaction_surveys: { overall: 1, courtesy: 1, clarity: 1, speed: 1, ease: 1, locale: 'ar' },
    contact_preferences: { request_id: crypto.randomUUID(), sms: false, email: false },
    overdue_flags: { request_id: crypto.randomUUID() },
    request_documents: { request_id: crypto.randomUUID(), object_name: 'x/y.pdf', original_name: 'y.pdf', mime_type: 'application/pdf', size_bytes: 1 },
  };
  it.each(TABLES)('cannot insert into %s directly', async (table) => {
    const { error } = await anonClient().from(table).insert(rows[table]);
    expect(error?.code).toBe('42501');
  });

  it('cannot update or delete requests', async () => {
    const [id] = await requestsIn('submitted');
    const update = await anonClient().from('support_requests').update({ status: 'accepted' }).eq('id', id);
    expect(update.error?.code).toBe('42501');
    const remove = await anonClient().from('support_requests').delete().eq('id', id);
    expect(remove.error?.code).toBe('42501');
    const events = await anonClient().from('request_events').delete().eq('request_id', id);
    expect(events.error?.code).toBe('42501');
    const row = await withDb(async (db) => (await db.query('select status from public.support_requests where id = $1', [id])).rows[0]);
    expect(row.status).toBe('submitted');
  });

  it('cannot set status, assignee or decision fields through the submit function', async () => {
    const sneaky = await anonClient().rpc('submit_support_request', {
      ...application(),
      p_status: 'accepted',
      p_assigned_to: crypto.randomUUID(),
      p_decided_at: new Date().toISOString(),
    });
    // PostgREST finds no function with those parameters: nothing is created.
    expect(sneaky.error?.code).toBe('PGRST202');
    const receipt = await submitRequest();
    const row = await withDb(async (db) =>
      (await db.query('select status, assigned_to, decided_at, decided_by, decision_note from public.support_requests where reference = $1', [receipt.reference])).rows[0],
    );
    expect(row).toEqual({ status: 'submitted', assigned_to: null, decided_at: null, decided_by: null, decision_note: null });
  });

  it.each([
    ['transition_request', { p_request_id: crypto.randomUUID(), p_to: 'accepted' }],
    ['assign_request', { p_request_id: crypto.randomUUID(), p_assignee: crypto.randomUUID() }],
    ['add_request_note', { p_request_id: crypto.randomUUID(), p_note: 'x' }],
    ['set_staff_role', { p_user_id: crypto.randomUUID(), p_role: 'admin' }],
    ['set_staff_active', { p_user_id: crypto.randomUUID(), p_active: true }],
    ['set_contact_preferences', { p_request_id: crypto.randomUUID(), p_sms: false, p_email: false, p_stopped: true }],
    ['send_staff_message', { p_request_id: crypto.randomUUID(), p_message: 'x' }],
    ['close_follow_up', { p_request_id: crypto.randomUUID(), p_note: 'x' }],
    ['retry_message', { p_message_id: 1 }],
    ['undelivered_messages', {}],
    ['claim_messages', { p_limit: 5 }],
    ['record_message_result', { p_id: 1, p_claim: crypto.randomUUID(), p_outcome: 'sent' }],
    ['queue_overdue_messages', {}],
    ['issue_private_link', { p_request_id: crypto.randomUUID() }],
    ['mark_documents_checked', { p_request_id: crypto.randomUUID(), p_note: null }],
    ['reserve_staff_documents', { p_request_id: crypto.randomUUID(), p_files: [] }],
    ['private_link_open', { p_secret: 'x', p_client: 'y' }],
    ['private_link_set_messages', { p_secret: 'x', p_client: 'y', p_sms: false, p_email: false, p_stopped: true }],
    ['private_link_reply', { p_secret: 'x', p_client: 'y', p_text: 'z', p_object_names: [], p_idempotency_key: null }],
    ['accept_staff_documents', { p_request_id: crypto.randomUUID(), p_object_names: [] }],
  ])('cannot call the staff function %s', async (fn, args) => {
    const { error, status } = await anonClient().rpc(fn, args);
    expect(status).toBe(401);
    expect(error?.code).toBe('42501');
  });
});
