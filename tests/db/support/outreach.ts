// What the outreach tests keep needing: the outbox and history as the database holds them, the
// notify function called as the schedule calls it, and time made to pass (arranged directly in the
// database, as the other arrangement helpers do).
import { apiUrl as defaultApiUrl, LOCAL_SERVICE_ROLE_KEY, withDb } from './clients';

export interface OutboxRow {
  id: number;
  request_id: string;
  event_id: number;
  moment: string;
  channel: string;
  locale: string;
  recipient: string;
  state: string;
  attempts: number;
  retries: number;
  last_error: string | null;
  provider_id: string | null;
}

export const outboxOf = (requestId: string) =>
  withDb(async (db) => (await db.query('select * from internal.outbox where request_id = $1 order by id', [requestId])).rows as OutboxRow[]);

export const eventsOf = (requestId: string) =>
  withDb(async (db) => (await db.query('select * from public.request_events where request_id = $1 order by id', [requestId])).rows);

/** Marks every message still waiting as sent, so a test that claims by hand claims only its own. */
export const settleOutbox = () =>
  withDb((db) => db.query(`update internal.outbox set state = 'sent', sent_at = now(), claim_id = null where state in ('queued', 'sending')`));

/** The next try is due now: the back-off (or a dead run's lease) has passed. */
export const dueNow = (requestId?: string) =>
  withDb((db) =>
    db.query(`update internal.outbox set next_attempt_at = now() where state in ('queued', 'sending') and ($1::uuid is null or request_id = $1)`, [requestId ?? null]),
  );

/** Lets the next run sweep for overdue requests (it does so at most every five minutes). */
export const allowSweep = () => withDb((db) => db.query(`update internal.overdue_sweeps set swept_at = '-infinity'`));

/** Six weeks went by without a decision: the request and its window move 43 days into the past, the window's length kept. */
export const makeOverdue = (requestId: string) =>
  withDb(async (db) => {
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    await db.query(
      `update public.support_requests
          set created_at = created_at - interval '43 days', status_changed_at = status_changed_at - interval '43 days',
              decision_due_from = decision_due_from - interval '43 days', decision_due_by = decision_due_by - interval '43 days'
        where id = $1`,
      [requestId],
    );
    await db.query('commit');
  });

/** Waits until no run of the notify function is in the middle of sending. */
export async function noRunSending() {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const [row] = await withDb(async (db) => (await db.query(`select count(*)::int as n from internal.outbox where state = 'sending' and next_attempt_at > now()`)).rows);
    if (row.n === 0) return;
  }
}

/** Calls the notify function as the schedule does, and answers its summary. */
export async function runNotify(apiUrl = defaultApiUrl): Promise<{ status: number; summary: Record<string, unknown> }> {
  const response = await fetch(`${apiUrl}/functions/v1/notify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'test' }),
  });
  return { status: response.status, summary: await response.json() };
}
