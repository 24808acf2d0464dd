import { describe, expect, it } from 'vitest';
import { serviceClient, staff, submitRequest, withDb, requestId } from './support/clients';

describe('the request history', () => {
  it('records the submission from inside the database', async () => {
    const receipt = await submitRequest();
    const id = await requestId(receipt.reference);
    const events = await withDb(async (db) => (await db.query('select kind, to_status, actor_id from public.request_events where request_id = $1', [id])).rows);
    expect(events).toEqual([{ kind: 'submitted', to_status: 'submitted', actor_id: null }]);
  });

  it('is append-only for staff of every role: no update, no delete', async () => {
    const receipt = await submitRequest();
    const id = await requestId(receipt.reference);
    for (const role of ['officer', 'supervisor', 'authority', 'admin'] as const) {
      const client = await staff(role);
      const visible = await client.from('request_events').select('id').eq('request_id', id);
      expect(visible.data).toHaveLength(1);
      const update = await client.from('request_events').update({ note: 'rewritten' }).eq('request_id', id);
      expect(update.error?.code).toBe('42501');
      const remove = await client.from('request_events').delete().eq('request_id', id);
      expect(remove.error?.code).toBe('42501');
      const insert = await client.from('request_events').insert({ request_id: id, kind: 'note', note: 'forged' });
      expect(insert.error?.code).toBe('42501');
    }
  });

  it('is append-only even for the service role and the database owner', async () => {
    const receipt = await submitRequest();
    const id = await requestId(receipt.reference);
    const service = serviceClient();
    expect((await service.from('request_events').update({ note: 'x' }).eq('request_id', id)).error?.code).toBe('42501');
    expect((await service.from('request_events').delete().eq('request_id', id)).error?.code).toBe('42501');
    expect((await service.from('support_requests').delete().eq('id', id)).error?.code).toBe('42501');
    await withDb(async (db) => {
      await expect(db.query('update public.request_events set note = $1 where request_id = $2', ['x', id])).rejects.toThrow('events_append_only');
      await expect(db.query('delete from public.request_events where request_id = $1', [id])).rejects.toThrow('events_append_only');
      await expect(db.query('truncate public.request_events cascade')).rejects.toThrow();
      await expect(db.query('delete from public.support_requests where id = $1', [id])).rejects.toThrow('support_requests_never_deleted');
      const { rows } = await db.query('select count(*)::int as n from public.request_events where request_id = $1', [id]);
      expect(rows[0].n).toBe(1);
    });
  });
});
