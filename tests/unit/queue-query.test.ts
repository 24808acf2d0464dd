import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { queueArguments } from '../../src/api/queue-query';
import { REQUEST_STATUSES } from '../../src/lib/workflow';
import { CHANNELS } from '../../src/schemas/channels';
import {
  DEFAULT_QUEUE_VIEW, QUEUE_DEADLINES, QUEUE_SCOPES, QUEUE_SORTS, parseQueueView, queueViewParams, type QueueView,
} from '../../src/schemas/queue-view';
import { BENEFICIARY_CATEGORIES } from '../../src/schemas/support-request';

// The queue as it stands in the URL (src/schemas/queue-view.ts) and the arguments it becomes for
// queue_requests(). What the database does with them (overdue, due soon, search, sort) is tested
// against the real database in tests/db/queue.test.ts.
const view = (changes: Partial<QueueView>): QueueView => ({ ...DEFAULT_QUEUE_VIEW, ...changes });
const roundTrip = (v: QueueView) => parseQueueView(new URLSearchParams(queueViewParams(v).toString()));

const anyView = fc.record({
  q: fc.string({ maxLength: 40 }).map((s) => s.trim()),
  status: fc.constantFrom('', ...REQUEST_STATUSES),
  scope: fc.constantFrom(...QUEUE_SCOPES),
  category: fc.constantFrom('', ...BENEFICIARY_CATEGORIES),
  channel: fc.constantFrom('', ...CHANNELS),
  assignee: fc.constantFrom('', 'me', 'none', '5e1a0000-0000-4000-8000-000000000001'),
  deadline: fc.constantFrom('', ...QUEUE_DEADLINES),
  sort: fc.constantFrom(...QUEUE_SORTS),
  desc: fc.boolean(),
  page: fc.integer({ min: 1, max: 400 }),
}) as fc.Arbitrary<QueueView>;

describe('the queue view in the URL', () => {
  it('comes back the same from its URL, whatever it holds', () => {
    fc.assert(fc.property(anyView, (v) => {
      expect(roundTrip(v)).toEqual(v);
    }));
  });

  it('writes only what differs from the default, in a fixed order', () => {
    expect(queueViewParams(DEFAULT_QUEUE_VIEW).toString()).toBe('');
    expect(queueViewParams(view({ deadline: 'overdue', q: ' سارة ', status: 'escalated', page: 2 })).toString())
      .toBe(`q=${encodeURIComponent('سارة')}&status=escalated&deadline=overdue&page=2`);
    expect(queueViewParams(view({ sort: 'full_name', desc: true, scope: 'all' })).toString()).toBe('scope=all&sort=full_name&dir=desc');
  });

  it('falls back to the default for what an old or hand-edited link gets wrong', () => {
    const parsed = parseQueueView(new URLSearchParams('status=on_hold&scope=every&sort=password&page=-3&assignee=%27or%201&category=alien&q=' + 'x'.repeat(300)));
    expect(parsed).toEqual(view({ q: 'x'.repeat(200) }));
  });
});

describe('queue_requests() arguments', () => {
  it('assigned to me, status, category and channel', () => {
    expect(queueArguments(view({ assignee: 'me', status: 'escalated', category: 'parent', channel: 'phone' }), 'me-uuid')).toMatchObject({
      p_assigned_to: 'me-uuid', p_unassigned: false, p_status: 'escalated', p_category: 'parent', p_intake_channel: 'phone',
    });
    expect(queueArguments(view({ assignee: 'none' }), 'me-uuid')).toMatchObject({ p_assigned_to: null, p_unassigned: true });
  });

  it('pages of 25 from the first', () => {
    expect(queueArguments(view({}), 'me')).toMatchObject({ p_offset: 0, p_limit: 25, p_sort: 'decision_due_by', p_descending: false });
    expect(queueArguments(view({ page: 3 }), 'me')).toMatchObject({ p_offset: 50, p_limit: 25 });
  });

  it('a search looks through every request, open or closed; a chosen status still narrows it', () => {
    expect(queueArguments(view({ q: '  IRT-7K3M9Q20 ' }), 'me')).toMatchObject({ p_search: 'IRT-7K3M9Q20', p_scope: 'all', p_status: null });
    expect(queueArguments(view({ q: 'سارة', status: 'escalated' }), 'me')).toMatchObject({ p_scope: 'all', p_status: 'escalated' });
    expect(queueArguments(view({}), 'me')).toMatchObject({ p_search: '', p_scope: 'open' });
  });
});
