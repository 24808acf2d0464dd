import { describe, expect, it } from 'vitest';
import { daysSince, deadlineState, median } from '../../src/lib/deadlines';

const now = new Date('2026-11-28T12:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();

describe('deadline state', () => {
  it('is on time with more than a week left', () => {
    expect(deadlineState({ decision_due_by: inDays(8) }, now)).toBe('on_time');
  });
  it('is due soon within 7 days', () => {
    expect(deadlineState({ decision_due_by: inDays(7) }, now)).toBe('due_soon');
    expect(deadlineState({ decision_due_by: inDays(0.1) }, now)).toBe('due_soon');
  });
  it('is overdue past decision_due_by with no decision', () => {
    expect(deadlineState({ decision_due_by: inDays(-1) }, now)).toBe('overdue');
  });
  it('is decided once a decision is recorded, however late', () => {
    expect(deadlineState({ decision_due_by: inDays(-10), decided_at: inDays(-2) }, now)).toBe('decided');
  });
  it('counts whole days since submission', () => {
    expect(daysSince(inDays(-3.5), now)).toBe(3);
    expect(daysSince(inDays(0), now)).toBe(0);
  });
  it('takes the median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
