// Requests with the names, numbers, statuses and assignees a workspace test needs, written
// straight into the database with the workflow triggers off (as supabase/seed.sql does). The
// search text, status tallies and "came back" triggers still run (they are ALWAYS triggers).
import { randomUUID } from 'node:crypto';
import { hasValidCheckDigit } from '../../../src/lib/national-id';
import type { RequestStatus } from '../../../src/lib/workflow';
import { withDb } from './clients';

export interface RequestFixture {
  full_name?: string;
  national_id?: string;
  mobile?: string;
  status?: RequestStatus;
  category?: string;
  intake_channel?: string;
  assigned_to?: string | null;
  /** Days from now to decision_due_by (negative: past). */
  due_in_days?: number;
  created_days_ago?: number;
}

let serial = 0;
/** A valid national ID no other test uses (a check digit is found for the nine digits). */
export function uniqueNationalId(): string {
  serial += 1;
  const body = `2${String((Date.now() * 7 + serial * 104729 + process.pid) % 1e8).padStart(8, '0')}`;
  for (let d = 0; d <= 9; d++) if (hasValidCheckDigit(body + d)) return body + d;
  throw new Error('no check digit');
}

/** A Saudi mobile in E.164 that no other test uses. */
export function uniqueMobile(): string {
  serial += 1;
  return `+9665${String((Date.now() * 13 + serial * 7919 + process.pid) % 1e8).padStart(8, '0')}`;
}

/** Inserts the requests and answers their rows (id, reference, ...), in the order given. */
export async function insertRequests(fixtures: RequestFixture[]): Promise<{ id: string; reference: string; updated_at: Date }[]> {
  return withDb(async (db) => {
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    const rows = [];
    for (const f of fixtures) {
      const { rows: [row] } = await db.query(
        `insert into public.support_requests (id, reference, created_at, full_name, national_id, mobile, city, category, request_type,
           description, preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at,
           privacy_consent, status, assigned_to, decision_due_from, decision_due_by, waiting_since, decision_note, decided_at)
         select $1, internal.new_reference(), now() - make_interval(days => $2), $3, $4, $5, 'جدة', $6::public.beneficiary_category, 'tutoring',
                'طلب تجريبي لاختبار مساحة عمل الموظفين', 'phone', $7::public.channel, 'ar', true, 'workspace-test', now(), true,
                s.status, $8, now() + make_interval(days => $9) - interval '28 days', now() + make_interval(days => $9),
                case when s.pauses_decision_clock then now() end, case when s.status = 'rejected' then 'reason' end,
                case when s.is_decision or not s.awaits_decision then now() end
           from internal.request_statuses s where s.status = $10::public.request_status
         returning id, reference, updated_at`,
        [randomUUID(), f.created_days_ago ?? 1, f.full_name ?? 'سارة أحمد', f.national_id ?? uniqueNationalId(), f.mobile ?? uniqueMobile(),
          f.category ?? 'student', f.intake_channel ?? 'website', f.assigned_to ?? null, f.due_in_days ?? 30, f.status ?? 'submitted'],
      );
      rows.push(row);
    }
    await db.query('commit');
    return rows;
  });
}
