// Issue 15, hole 8: who may (re)assign what (docs/ARCHITECTURE.md, "The workflow and its roles").
// An officer takes an unassigned request or gives back their own; a supervisor or an admin assigns
// anyone who handles requests; nobody reassigns a rejected or closed request. The workspace's
// buttons come from assignmentRefusal() in src/lib/workflow.ts: the last test holds it to the database.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createUser, withDb } from './support/clients';
import { clientAs } from './support/staff-clients';
import { requestsIn } from './support/arrange';
import { assignmentRefusal, STAFF_ROLES, type RequestStatus, type StaffRole } from '../../src/lib/workflow';

type Member = { id: string; role: StaffRole; client: SupabaseClient };
const members = {} as Record<StaffRole | 'officer2', Member>;

beforeAll(async () => {
  for (const role of [...STAFF_ROLES, 'officer2'] as const) {
    const staffRole: StaffRole = role === 'officer2' ? 'officer' : role;
    const { id } = await createUser({ role: staffRole });
    members[role] = { id, role: staffRole, client: clientAs(id) };
  }
});

async function requestAssigned(status: RequestStatus, assignedTo: string | null): Promise<string> {
  const [id] = await requestsIn(status);
  await withDb(async (db) => {
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    await db.query('update public.support_requests set assigned_to = $2 where id = $1', [id, assignedTo]);
    await db.query('commit');
  });
  return id!;
}

const assigneeOf = (id: string) =>
  withDb(async (db) => (await db.query('select assigned_to from public.support_requests where id = $1', [id])).rows[0].assigned_to as string | null);

const assign = async (who: Member, id: string, to: string | null) => {
  const { error, status } = await who.client.rpc('assign_request', { p_request_id: id, p_assignee: to });
  return error ? `${status} ${error.message}` : 'assigned';
};

describe('an officer', () => {
  it('cannot take over, nor clear, a request a supervisor assigned to themselves', async () => {
    const id = await requestAssigned('under_review', members.supervisor.id);
    expect(await assign(members.officer, id, members.officer.id)).toBe('403 role_not_allowed');
    expect(await assign(members.officer, id, null)).toBe('403 role_not_allowed');
    const patch = await members.officer.client.from('support_requests').update({ assigned_to: members.officer.id }).eq('id', id).select('id, assigned_to');
    expect(patch.error?.message).toBe('role_not_allowed');
    expect(await assigneeOf(id)).toBe(members.supervisor.id);
  });

  it('takes an unassigned request and gives back their own, nothing else', async () => {
    const id = await requestAssigned('submitted', null);
    expect(await assign(members.officer, id, members.officer.id)).toBe('assigned');
    expect(await assign(members.officer2, id, members.officer2.id)).toBe('403 role_not_allowed');
    expect(await assign(members.officer, id, members.officer2.id)).toBe('403 role_not_allowed');
    expect(await assign(members.officer, id, null)).toBe('assigned');
    expect(await assigneeOf(id)).toBeNull();
  });
});

describe('a supervisor or an admin', () => {
  it('reassigns any request that is not final to an officer or a supervisor, or to nobody', async () => {
    const id = await requestAssigned('escalated', members.officer.id);
    expect(await assign(members.supervisor, id, members.supervisor.id)).toBe('assigned');
    expect(await assign(members.admin, id, members.officer2.id)).toBe('assigned');
    expect(await assign(members.supervisor, id, null)).toBe('assigned');
    expect(await assign(members.supervisor, id, members.authority.id)).toBe('400 assignee_invalid');
    expect(await assign(members.admin, id, members.admin.id)).toBe('400 assignee_invalid');
  });

  it('cannot reassign a rejected or closed request, by function or PATCH', async () => {
    for (const status of ['rejected', 'closed'] as const) {
      const id = await requestAssigned(status, members.officer.id);
      expect(await assign(members.supervisor, id, members.supervisor.id)).toBe('400 request_final');
      expect(await assign(members.admin, id, null)).toBe('400 request_final');
      const patch = await members.supervisor.client.from('support_requests').update({ assigned_to: null }).eq('id', id).select('id, assigned_to');
      expect(patch.error?.message).toBe('request_final');
      expect(await assigneeOf(id)).toBe(members.officer.id);
    }
  });
});

describe('assignmentRefusal() (what the workspace offers) and the database agree', () => {
  it('for every role, request state and target', async () => {
    const differences: string[] = [];
    for (const status of ['under_review', 'closed'] as const) {
      for (const holder of ['nobody', 'me', 'colleague'] as const) {
        for (const role of STAFF_ROLES) {
          const me = members[role];
          const colleague = role === 'officer' ? members.officer2 : members.officer;
          const assignedTo = holder === 'nobody' ? null : holder === 'me' ? me.id : colleague.id;
          const targets: { name: string; id: string | null; role: StaffRole | null }[] = [
            { name: 'themselves', id: me.id, role: me.role },
            { name: 'an officer', id: members.officer2.id, role: 'officer' },
            { name: 'a supervisor', id: members.supervisor.id, role: 'supervisor' },
            { name: 'the authority', id: members.authority.id, role: 'authority' },
            { name: 'nobody', id: null, role: null },
          ];
          for (const target of targets) {
            const id = await requestAssigned(status, assignedTo);
            const expected = assignmentRefusal({ userId: me.id, role: me.role }, { status, assignedTo }, target.id, target.role);
            const actual = await assign(me, id, target.id);
            const verdict = actual === 'assigned' ? null : actual.split(' ')[1];
            if (verdict !== expected) differences.push(`${role}, ${status}, held by ${holder}, to ${target.name}: workflow.ts ${expected}, database ${verdict}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  }, 120_000);
});
