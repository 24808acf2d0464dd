import type { StaffFailure } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';
import { NOTE_RULE_KEYS } from '../../schemas/staff-note';

/** Refusals with a sentence written for staff (`staff.error.<key>`): the workflow's, the notes', the session's and the admin's. */
export const WORKFLOW_RULE_KEYS = [
  'transition_not_allowed', 'role_not_allowed', 'staff_inactive', 'rejection_reason_required', 'note_required',
  ...NOTE_RULE_KEYS, 'request_final', 'assignee_invalid', 'mfa_required', 'session_ended', 'last_admin', 'own_account',
  'request_changed', 'duplicate_not_matching',
] as const;
/** Refusals of what staff send the beneficiary (issue 13), also `staff.error.<key>`. */
export const OUTREACH_RULE_KEYS = [
  'message_required', 'message_length', 'message_characters', 'messages_stopped', 'no_contact_channel',
  'follow_up_not_open', 'email_missing', 'contact_preferences_required', 'message_not_failed', 'message_not_found',
] as const;
/** Refusals of handling a data request (personal data), also `staff.error.<key>`; what it must say is `errors.<key>` (DATA_REQUEST_RULE_KEYS). */
export const DATA_REQUEST_HANDLING_RULE_KEYS = [
  'request_anonymised', 'data_request_not_found', 'data_request_decided', 'extension_reason_required', 'data_request_extended_once',
  'data_request_outcome', 'outcome_reason_required', 'corrected_value_required', 'corrected_value_invalid',
] as const;
export const STAFF_RULE_KEYS = [...WORKFLOW_RULE_KEYS, ...OUTREACH_RULE_KEYS, ...DATA_REQUEST_HANDLING_RULE_KEYS] as const;
export type WorkflowRuleKey = (typeof STAFF_RULE_KEYS)[number];

/**
 * Refusals of the documents and private-link calls (supabase/CONTRACT.md) beyond the document and
 * reply rules (PRIVATE_PAGE_RULE_FIELDS); like those, each has its sentence as `errors.<key>`.
 */
export const DOCUMENT_CALL_RULE_KEYS = ['documents_none', 'private_link_ended'] as const;

/** The database refuses with a stable key (supabase/CONTRACT.md); show its sentence. */
export function dbErrorMessage(t: IslandTranslate<'staff'>, failure: StaffFailure): string {
  const key = failure.ruleKey ?? '';
  if ((STAFF_RULE_KEYS as readonly string[]).includes(key)) return t(`staff.error.${key as WorkflowRuleKey}`);
  const ruleMessage = `errors.${key}`;
  if (t.has(ruleMessage)) return t(ruleMessage);
  // What a data request must say is the same rule on the private page and for staff.
  const dataRequestMessage = `errors.dataRequest.${key}`;
  if (t.has(dataRequestMessage)) return t(dataRequestMessage);
  // A document staff add is held to the beneficiary's rules, in the same words.
  const documentMessage = `errors.documents.${key}`;
  return t.has(documentMessage) ? t(documentMessage) : t('staff.error.generic');
}
