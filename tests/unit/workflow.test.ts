import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, STAFF_ROLES, STATUS_FACTS, TRANSITIONS, UNDECIDED_STATUSES, actionsFor, isAllowed, type RequestStatus } from '../../src/lib/workflow';

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

// The facts are stored beside the moves (in SQL too); these keep the two from contradicting each other.
describe('the status facts', () => {
  const movesFrom = (status: RequestStatus) => TRANSITIONS.filter((t) => t.from === status).map((t) => t.to);
  const reachable = (from: RequestStatus): Set<RequestStatus> => {
    const seen = new Set<RequestStatus>();
    const queue = movesFrom(from);
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...movesFrom(next));
    }
    return seen;
  };

  it('call a status final exactly when no move leaves it', () => {
    for (const status of REQUEST_STATUSES) expect([status, STATUS_FACTS[status].final]).toEqual([status, movesFrom(status).length === 0]);
  });

  it('say a decision is awaited exactly where one is still ahead', () => {
    for (const status of REQUEST_STATUSES) {
      const ahead = [...reachable(status)].some((s) => STATUS_FACTS[s].decision);
      expect([status, STATUS_FACTS[status].awaitsDecision]).toEqual([status, !STATUS_FACTS[status].decision && ahead]);
    }
    expect(UNDECIDED_STATUSES).toEqual(['submitted', 'under_review', 'needs_info', 'escalated', 'pending_decision']);
  });

  it('make accepted and rejected the decisions, and only the authority makes them', () => {
    const decisions = REQUEST_STATUSES.filter((s) => STATUS_FACTS[s].decision);
    expect(decisions).toEqual(['accepted', 'rejected']);
    for (const t of TRANSITIONS.filter((m) => decisions.includes(m.to))) expect(t.roles).toEqual(['authority']);
  });

  it('give every side step a way back to the status it belongs to, and a way there from it', () => {
    for (const status of REQUEST_STATUSES) {
      const of = STATUS_FACTS[status].sideStepOf;
      if (!of) continue;
      expect(movesFrom(of), `${of} -> ${status}`).toContain(status);
      expect(reachable(status).has(of), `${status} comes back to ${of}`).toBe(true);
    }
  });

  it('stop the decision clock only while waiting on the beneficiary', () => {
    expect(REQUEST_STATUSES.filter((s) => STATUS_FACTS[s].pausesDecisionClock)).toEqual(['needs_info']);
  });
});
