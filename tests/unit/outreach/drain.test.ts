// One run of the notify function, with the database and the providers replaced by recorders: the
// order of claims, sends and records is what bounds a crash to one duplicate per lane.
import { describe, expect, it } from 'vitest';
import { drain, type DrainDeps } from '../../../supabase/functions/_shared/outreach/drain.ts';
import type { ClaimedMessage } from '../../../supabase/functions/_shared/pure/compose.ts';
import type { SendOutcome } from '../../../supabase/functions/_shared/providers/outcome.ts';
import { publishedTemplates } from '../../support/published-templates';

const claimed = (id: number, over: Partial<ClaimedMessage> = {}): ClaimedMessage => ({
  id, claim: `claim-${id}`, moment: 'request_received', channel: 'sms', locale: 'ar', recipient: '+966551234567', attempts: 1, retries: 0,
  first_name: 'سارة', reference: 'IRT-ABCD1234', decision_due_from: '2026-12-15T09:00:00Z', decision_due_by: '2027-01-12T09:00:00Z',
  message: null, link_path: '/track/?ref=IRT-ABCD1234', stop_path: '/stop#ABCD1234XYZ1234', ...over,
});

function world(batches: ClaimedMessage[][], answer: (id: number) => SendOutcome = () => ({ kind: 'accepted', providerId: 'p' })) {
  const log: string[] = [];
  const deps: DrainDeps = {
    siteUrl: 'https://irtiqaa.org.sa',
    templates: async () => publishedTemplates(),
    rpc: async <T,>(name: string, args: Record<string, unknown>) => {
      if (name === 'claim_messages') {
        log.push('claim');
        return (batches.shift() ?? []) as T;
      }
      if (name === 'record_message_result') {
        log.push(`record ${args.p_id} ${args.p_outcome}`);
        return (args.p_outcome === 'retry' ? 'queued' : args.p_outcome) as T;
      }
      log.push(name);
      return 0 as T;
    },
    sms: async ({ messageId }) => {
      log.push(`send ${messageId}`);
      return answer(messageId);
    },
    email: async ({ messageId }) => {
      log.push(`send ${messageId}`);
      return answer(messageId);
    },
  };
  return { deps, log };
}

describe('a run of the notify function', () => {
  it('sweeps for overdue requests, then records each message before it sends the next, until nothing is due', async () => {
    const { deps, log } = world([[claimed(1), claimed(2, { channel: 'email', recipient: 'sara@example.com' })], [claimed(3)]]);
    const summary = await drain(deps);
    expect(log).toEqual(['queue_overdue_messages', 'claim', 'send 1', 'record 1 sent', 'send 2', 'record 2 sent', 'claim', 'send 3', 'record 3 sent', 'claim']);
    expect(summary).toMatchObject({ claimed: 3, sent: 3, failed: 0, queued: 0 });
  });

  it('passes on what the provider said: a refusal fails the message, a passing problem queues it again', async () => {
    const { deps, log } = world([[claimed(1), claimed(2)]], (id) => (id === 1 ? { kind: 'refused', reason: 'bad number' } : { kind: 'retry', reason: 'down' }));
    expect(await drain(deps)).toMatchObject({ sent: 0, failed: 1, queued: 1 });
    expect(log).toContain('record 1 failed');
    expect(log).toContain('record 2 retry');
  });

  it('fails a message its template cannot write, without calling a provider', async () => {
    const { deps, log } = world([[claimed(1, { moment: 'information_needed', message: null })]]);
    await drain(deps);
    expect(log).toEqual(['queue_overdue_messages', 'claim', 'record 1 failed', 'claim']);
  });

  it('still flags overdue requests, but claims nothing, while the published templates cannot be read: the messages wait, their tries untouched', async () => {
    const { deps, log } = world([[claimed(1)]]);
    const summary = await drain({ ...deps, templates: async () => { throw new Error('http://127.0.0.1:4321/outreach/templates.json answered 404'); } });
    expect(log).toEqual(['queue_overdue_messages']);
    expect(summary.stopped).toMatch(/^templates unavailable/);
  });

  it('leaves the rest of a batch to the next claim when too little of its lease is left for another send', async () => {
    let clock = 0;
    const { deps, log } = world([[claimed(1), claimed(2)]], () => {
      clock += 50_000; // the first send took most of the 60 s lease
      return { kind: 'accepted', providerId: 'p' };
    });
    await drain({ ...deps, now: () => clock }, 1_000_000);
    // Message 2 is not sent: it stays claimed until its lease is over, then a later claim takes it.
    expect(log).toEqual(['queue_overdue_messages', 'claim', 'send 1', 'record 1 sent', 'claim']);
  });

  it('with lanes, each claims its own batches and still records before its next send', async () => {
    const { deps, log } = world([[claimed(1), claimed(2)], [claimed(3), claimed(4)]]);
    expect(await drain({ ...deps, lanes: 2 })).toMatchObject({ claimed: 4, sent: 4 });
    for (const id of [1, 2, 3, 4]) {
      expect(log.filter((l) => l === `send ${id}`)).toHaveLength(1);
      expect(log.indexOf(`record ${id} sent`)).toBeGreaterThan(log.indexOf(`send ${id}`));
    }
    // Two lanes, two sends at most between one record and the next of the same lane: never more in flight than lanes.
    let inFlight = 0;
    for (const line of log) {
      if (line.startsWith('send')) inFlight += 1;
      if (line.startsWith('record')) inFlight -= 1;
      expect(inFlight).toBeLessThanOrEqual(2);
    }
  });
});
