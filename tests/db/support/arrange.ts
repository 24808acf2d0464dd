// Arranging a request in any status directly in the database (the workflow triggers are off
// for that one statement), so each test can act from the state it needs through the API. The
// window and the status facts come from the database's own definitions.
import { randomUUID } from 'node:crypto';
import { REQUEST_STATUSES, type RequestStatus } from '../../../src/lib/workflow';
import { withDb } from './clients';

export const STATUSES = REQUEST_STATUSES;
export type Status = RequestStatus;

/** Inserts `count` requests in `status` and returns their ids. */
export async function requestsIn(status: Status, count = 1): Promise<string[]> {
  return withDb(async (db) => {
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    const { rows } = await db.query(
      `insert into public.support_requests (reference, full_name, national_id, mobile, city, category, request_type,
         description, preferred_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at,
         privacy_consent, status, decision_due_from, decision_due_by, waiting_since, decision_note, decided_at)
       select internal.new_reference(), 'سارة أحمد', '1000000008', '+966551230000', 'جدة', 'parent', 'tutoring',
              'طلب تجريبي لاختبار سير العمل في قاعدة البيانات', 'phone', 'ar', true, 'test', now(), true,
              s.status, now() + w.opens_after, now() + w.closes_after,
              case when s.pauses_decision_clock then now() end,
              case when $1 = 'rejected' then 'reason' end,
              case when s.is_decision then now() end
         from generate_series(1, $2), internal.decision_window() w, internal.request_statuses s
        where s.status = $1::public.request_status
       returning id`,
      [status, count],
    );
    await db.query('commit');
    return rows.map((r) => r.id as string);
  });
}

export const newKey = () => randomUUID();
