import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { REQUEST_STATUSES, STAFF_ROLES, TRANSITIONS, findTransition, type RequestStatus, type StaffRole } from '../../src/lib/workflow';
import { clientAs, seededStaffByRole, serviceClient, submitFreshRequest } from './support/staff-clients';

/**
 * The staff UI derives its buttons from src/lib/workflow.ts; the database trigger is what
 * actually decides. This test tries every (role, from, to) against the real database and
 * fails wherever the two disagree.
 */
const PATHS: Record<RequestStatus, RequestStatus[]> = {
  submitted: [],
  under_review: ['under_review'],
  needs_info: ['under_review', 'needs_info'],
  escalated: ['under_review', 'escalated'],
  pending_decision: ['under_review', 'pending_decision'],
  accepted: ['under_review', 'pending_decision', 'accepted'],
  rejected: ['under_review', 'pending_decision', 'rejected'],
  registered: ['under_review', 'pending_decision', 'accepted', 'registered'],
  service_delivered: ['under_review', 'pending_decision', 'accepted', 'registered', 'service_delivered'],
  closed: ['under_review', 'pending_decision', 'accepted', 'registered', 'service_delivered', 'closed'],
};

let as: Record<StaffRole, SupabaseClient>;

async function statusOf(id: string): Promise<RequestStatus> {
  const { data, error } = await serviceClient().from('support_requests').select('status').eq('id', id).single();
  if (error) throw error;
  return data.status as RequestStatus;
}

async function requestIn(status: RequestStatus): Promise<string> {
  const { id } = await submitFreshRequest();
  let from: RequestStatus = 'submitted';
  for (const to of PATHS[status]) {
    const step = findTransition(from, to)!;
    const { error } = await as[step.roles[0]!].rpc('transition_request', { p_request_id: id, p_to: to, p_note: 'اختبار المسار' });
    if (error) throw new Error(`walking to ${status}: ${from} -> ${to} refused: ${error.message}`);
    from = to;
  }
  return id;
}

beforeAll(async () => {
  const ids = await seededStaffByRole();
  for (const role of STAFF_ROLES) expect(ids[role], `seed has an active ${role}`).toBeTruthy();
  as = Object.fromEntries(STAFF_ROLES.map((r) => [r, clientAs(ids[r])])) as Record<StaffRole, SupabaseClient>;
}, 120_000);

describe('workflow.ts and the database agree', () => {
  for (const from of REQUEST_STATUSES) {
    it(`refuses every move from ${from} that workflow.ts does not allow`, async () => {
      const id = await requestIn(from);
      for (const role of STAFF_ROLES) {
        for (const to of REQUEST_STATUSES) {
          if (to === from || findTransition(from, to)?.roles.includes(role)) continue;
          const { error } = await as[role].rpc('transition_request', { p_request_id: id, p_to: to, p_note: 'محاولة' });
          expect(error?.message, `${role}: ${from} -> ${to} must be refused`).toMatch(/transition_not_allowed|role_not_allowed/);
        }
      }
      expect(await statusOf(id)).toBe(from);
    }, 120_000);
  }

  for (const t of TRANSITIONS) {
    for (const role of t.roles) {
      it(`lets the ${role} ${t.action} (${t.from} -> ${t.to})${t.noteRequired ? ', only with a note' : ''}`, async () => {
        const id = await requestIn(t.from);
        if (t.noteRequired) {
          const { error } = await as[role].rpc('transition_request', { p_request_id: id, p_to: t.to, p_note: null });
          expect(error?.message).toMatch(t.to === 'rejected' ? /rejection_reason_required/ : /note_required/);
          expect(await statusOf(id)).toBe(t.from);
        }
        const { error } = await as[role].rpc('transition_request', { p_request_id: id, p_to: t.to, p_note: 'ملاحظة الموظف' });
        expect(error).toBeNull();
        expect(await statusOf(id)).toBe(t.to);
        const { data: events } = await serviceClient()
          .from('request_events')
          .select('*')
          .eq('request_id', id)
          .order('id', { ascending: false })
          .limit(1);
        expect(events?.[0]).toMatchObject({ kind: 'status_changed', from_status: t.from, to_status: t.to, actor_role: role, note: 'ملاحظة الموظف' });
      }, 60_000);
    }
  }
});
