// What a data request must say before it is sent (20261201180600_data_requests.sql checks the same,
// with the same rule keys: tests/unit/data-request-rules.test.ts, tests/db/data-requests.test.ts).
import { CORRECTABLE_FIELDS, DATA_REQUEST_KINDS, type CorrectableField, type DataRequestKind } from '../lib/data-requests';
import { hiddenCharactersRule } from './hidden-characters';

export const DATA_REQUEST_DETAILS_MAX = 2000;

export const DATA_REQUEST_RULE_KEYS = ['data_request_kind', 'correction_field', 'correction_details_required', 'details_length', 'details_characters'] as const;
export type DataRequestRuleKey = (typeof DATA_REQUEST_RULE_KEYS)[number];

export interface DataRequestInput {
  kind: DataRequestKind | '';
  field: CorrectableField | '';
  details: string;
}

/** The first rule the request breaks, as the database would refuse it, or null. */
export function dataRequestProblem({ kind, field, details }: DataRequestInput): DataRequestRuleKey | null {
  if (!(DATA_REQUEST_KINDS as readonly string[]).includes(kind)) return 'data_request_kind';
  if (kind === 'correction' && !(CORRECTABLE_FIELDS as readonly string[]).includes(field)) return 'correction_field';
  if (kind === 'correction' && details.trim() === '') return 'correction_details_required';
  if (details.trim().length > DATA_REQUEST_DETAILS_MAX) return 'details_length';
  return hiddenCharactersRule('details', details);
}
