// Data requests (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"): what the
// database defines in 20261201180500_data_request_values.sql and 20261201180600_data_requests.sql,
// held together by tests/db/data-requests.test.ts.

/** Days to answer, and again once when extended with a reason (internal.data_request_days()). */
export const DATA_REQUEST_DAYS = 30;

/** public.data_request_kind */
export const DATA_REQUEST_KINDS = ['correction', 'deletion', 'withdraw_consent'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

/** public.data_request_outcome */
export const DATA_REQUEST_OUTCOMES = ['done', 'refused', 'kept_for_legal_reason'] as const;
export type DataRequestOutcome = (typeof DATA_REQUEST_OUTCOMES)[number];

/** internal.correctable_fields() */
export const CORRECTABLE_FIELDS = ['full_name', 'national_id', 'mobile', 'email', 'city', 'description'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** The outcomes staff may record for a request of this kind (a correction is not kept for a legal reason). */
export function outcomesFor(kind: DataRequestKind): readonly DataRequestOutcome[] {
  return kind === 'correction' ? ['done', 'refused'] : DATA_REQUEST_OUTCOMES;
}
