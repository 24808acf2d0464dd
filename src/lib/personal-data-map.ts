// The data map (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"): every column
// that holds personal data, as internal.personal_data_map declares it in SQL
// (20261201180100_personal_data_map.sql). The privacy notice's table is built from it; the database
// anonymises from its own copy. tests/db/personal-data-map.test.ts holds the two together.

/** Years a request's personal data is kept after it is rejected or closed (internal.retention_after_closing()). */
export const RETENTION_YEARS_AFTER_CLOSING = 2;

export const DATA_CATEGORIES = [
  'identity', 'contact', 'circumstances', 'decision', 'conversation', 'feedback', 'documents', 'connection', 'staff',
] as const;
export const DATA_PURPOSES = ['assess', 'contact', 'find', 'improve', 'protect', 'work'] as const;
export const DATA_AUDIENCES = ['handling_staff', 'beneficiary_and_staff', 'all_staff', 'nobody'] as const;
export const DATA_KEEPING = ['retention', 'until_accepted', 'an_hour', 'membership'] as const;
export const DATA_REPLACEMENTS = ['emptied', 'removed', 'dash', 'recomputed', 'file_deleted', 'row_deleted', 'kept'] as const;

export interface PersonalDataEntry {
  /** `<schema>.<table>` */
  table: string;
  column: string;
  category: (typeof DATA_CATEGORIES)[number];
  purpose: (typeof DATA_PURPOSES)[number];
  seenBy: (typeof DATA_AUDIENCES)[number];
  kept: (typeof DATA_KEEPING)[number];
  replacement: (typeof DATA_REPLACEMENTS)[number];
}

const entry = (
  table: string,
  column: string,
  category: PersonalDataEntry['category'],
  purpose: PersonalDataEntry['purpose'],
  seenBy: PersonalDataEntry['seenBy'],
  kept: PersonalDataEntry['kept'],
  replacement: PersonalDataEntry['replacement'],
): PersonalDataEntry => ({ table, column, category, purpose, seenBy, kept, replacement });

export const PERSONAL_DATA_MAP: readonly PersonalDataEntry[] = [
  entry('public.support_requests', 'full_name', 'identity', 'assess', 'handling_staff', 'retention', 'emptied'),
  entry('public.support_requests', 'national_id', 'identity', 'assess', 'handling_staff', 'retention', 'emptied'),
  entry('public.support_requests', 'mobile', 'contact', 'contact', 'handling_staff', 'retention', 'emptied'),
  entry('public.support_requests', 'email', 'contact', 'contact', 'handling_staff', 'retention', 'removed'),
  entry('public.support_requests', 'city', 'circumstances', 'improve', 'handling_staff', 'retention', 'kept'),
  entry('public.support_requests', 'description', 'circumstances', 'assess', 'handling_staff', 'retention', 'emptied'),
  entry('public.support_requests', 'decision_note', 'decision', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  entry('public.support_requests', 'search_text', 'identity', 'find', 'nobody', 'retention', 'recomputed'),
  // What staff see before they reveal the full value (the access log records each reveal).
  entry('public.support_requests', 'national_id_masked', 'identity', 'assess', 'handling_staff', 'retention', 'recomputed'),
  entry('public.support_requests', 'mobile_masked', 'contact', 'contact', 'handling_staff', 'retention', 'recomputed'),
  entry('public.request_events', 'note', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  entry('public.satisfaction_surveys', 'comment', 'feedback', 'improve', 'handling_staff', 'retention', 'removed'),
  entry('public.request_documents', 'original_name', 'documents', 'assess', 'handling_staff', 'retention', 'dash'),
  entry('public.request_documents', 'object_name', 'documents', 'assess', 'handling_staff', 'retention', 'file_deleted'),
  entry('internal.document_uploads', 'original_name', 'documents', 'assess', 'nobody', 'until_accepted', 'row_deleted'),
  entry('internal.outbox', 'recipient', 'contact', 'contact', 'nobody', 'retention', 'emptied'),
  entry('internal.outbox', 'last_error', 'contact', 'contact', 'nobody', 'retention', 'removed'),
  entry('internal.status_lookup_failures', 'client', 'connection', 'protect', 'nobody', 'an_hour', 'row_deleted'),
  entry('internal.private_link_failures', 'client_hash', 'connection', 'protect', 'nobody', 'an_hour', 'row_deleted'),
  entry('public.data_requests', 'details', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  entry('public.data_requests', 'extension_reason', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  entry('public.data_requests', 'outcome_note', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  entry('public.staff', 'full_name', 'staff', 'work', 'all_staff', 'membership', 'kept'),
];

/** What the beneficiary's privacy notice lists: the map without the staff's own data, one row per kind of data. */
export function noticeRows(): PersonalDataEntry[] {
  return PERSONAL_DATA_MAP.filter((e) => e.category !== 'staff');
}

/** The entry's name in the notice's labels (`privacy.map.field.<id>`): table and column, without the schema. */
export function noticeFieldId(e: PersonalDataEntry): string {
  return `${e.table.slice(e.table.indexOf('.') + 1)}_${e.column}`;
}
