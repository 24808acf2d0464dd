import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, applyFilters, type QueueFilters } from '../../src/api/queue-query';

/** Records the PostgREST filters the island would send. */
function recorder() {
  const calls: string[] = [];
  const q = new Proxy({} as Record<string, unknown>, {
    get: (_t, method: string) => (...args: unknown[]) => {
      calls.push(`${method}(${args.map((a) => JSON.stringify(a)).join(',')})`);
      return q;
    },
  });
  return { q, calls };
}
const run = (filters: Partial<QueueFilters>) => {
  const { q, calls } = recorder();
  applyFilters(q as never, { ...EMPTY_FILTERS, ...filters }, 'me-uuid', new Date('2026-11-28T12:00:00Z'));
  return calls;
};

describe('queue filters sent to PostgREST', () => {
  it('overdue: past decision_due_by, no decision, still undecided', () => {
    expect(run({ deadline: 'overdue' })).toEqual([
      'lt("decision_due_by","2026-11-28T12:00:00.000Z")',
      'is("decided_at",null)',
      'in("status",["submitted","under_review","needs_info","escalated","pending_decision"])',
    ]);
  });
  it('flagged for the supervisor: an overdue flag and still no decision', () => {
    expect(run({ deadline: 'flagged' })).toEqual(['not("overdue_flags","is",null)', 'is("decided_at",null)']);
  });
  it('due soon: within the next 7 days', () => {
    expect(run({ deadline: 'due_soon' })[0]).toBe('gte("decision_due_by","2026-11-28T12:00:00.000Z")');
    expect(run({ deadline: 'due_soon' })[1]).toBe('lte("decision_due_by","2026-12-05T12:00:00.000Z")');
  });
  it('a whole reference, typed loosely, is looked up exactly', () => {
    expect(run({ search: 'irt-7k3m9q2o' })).toEqual(['eq("reference","IRT-7K3M9Q20")']);
  });
  it('a whole mobile in any form and digit script is looked up as E.164', () => {
    expect(run({ search: '٠٥٥١٢٣٤٥٦٧' })).toEqual(['eq("mobile","+966551234567")']);
  });
  it('a name (or part of anything) matches reference, name or mobile, with PostgREST separators removed', () => {
    expect(run({ search: 'القحطاني, (x)' })).toEqual(['or("reference.ilike.*القحطاني   x*,full_name.ilike.*القحطاني   x*")']);
    expect(run({ search: 'Haddad Al' })).toEqual(['or("reference.ilike.*Haddad Al*,full_name.ilike.*Haddad Al*")']);
  });
  it('assigned to me, status, category and channel', () => {
    expect(run({ mine: true, status: 'escalated', category: 'parent', channel: 'phone' })).toEqual([
      'eq("status","escalated")',
      'eq("category","parent")',
      'eq("intake_channel","phone")',
      'eq("assigned_to","me-uuid")',
    ]);
  });
});
