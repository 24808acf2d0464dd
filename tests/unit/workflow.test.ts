import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, STAFF_ROLES, TRANSITIONS, actionsFor, isAllowed } from '../../src/lib/workflow';

describe('the request workflow table', () => {
  it('holds exactly the transitions of docs/ARCHITECTURE.md', () => {
    const pairs = TRANSITIONS.map((t) => `${t.from}->${t.to}`).sort();
    expect(pairs).toEqual(
      [
        'submitted->under_review',
        'under_review->needs_info',
        'under_review->escalated',
        'under_review->pending_decision',
        'needs_info->under_review',
        'escalated->under_review',
        'escalated->pending_decision',
        'pending_decision->accepted',
        'pending_decision->rejected',
        'accepted->registered',
        'registered->service_delivered',
        'service_delivered->closed',
      ].sort(),
    );
  });

  it('lets only the authority accept or reject, and a rejection needs a reason', () => {
    for (const role of STAFF_ROLES) {
      expect(isAllowed(role, 'pending_decision', 'accepted')).toBe(role === 'authority');
      expect(isAllowed(role, 'pending_decision', 'rejected')).toBe(role === 'authority');
    }
    expect(actionsFor('authority', 'pending_decision').find((t) => t.to === 'rejected')?.noteRequired).toBe(true);
  });

  it('offers an officer review actions on a new request, and nothing after closing', () => {
    expect(actionsFor('officer', 'submitted').map((t) => t.action)).toEqual(['start_review']);
    expect(actionsFor('officer', 'under_review').map((t) => t.action)).toEqual([
      'ask_for_information',
      'refer_to_supervisor',
      'send_for_decision',
    ]);
    expect(actionsFor('officer', 'escalated')).toEqual([]);
    expect(actionsFor('supervisor', 'escalated').map((t) => t.to)).toEqual(['under_review', 'pending_decision']);
    for (const role of STAFF_ROLES) {
      expect(actionsFor(role, 'closed')).toEqual([]);
      expect(actionsFor(role, 'rejected')).toEqual([]);
    }
  });

  it('gives the admin no request actions', () => {
    for (const status of REQUEST_STATUSES) expect(actionsFor('admin', status)).toEqual([]);
  });

  it('asks for a note when asking the beneficiary for missing information', () => {
    expect(actionsFor('officer', 'under_review').find((t) => t.to === 'needs_info')?.noteRequired).toBe(true);
  });
});
