import type { StaffFailure } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';

/** Workflow refusals with a sentence written for staff (`staff.error.<key>`). */
export const WORKFLOW_RULE_KEYS = ['transition_not_allowed', 'role_not_allowed', 'staff_inactive', 'rejection_reason_required', 'note_required'] as const;
type WorkflowRuleKey = (typeof WORKFLOW_RULE_KEYS)[number];

/**
 * Refusals of the documents and private-link calls (supabase/CONTRACT.md) beyond the document and
 * reply rules (PRIVATE_PAGE_RULE_FIELDS); like those, each has its sentence as `errors.<key>`.
 */
export const DOCUMENT_CALL_RULE_KEYS = ['documents_none', 'note_characters', 'private_link_ended'] as const;

/** The database refuses with a stable key (supabase/CONTRACT.md); show its sentence. */
export function dbErrorMessage(t: IslandTranslate<'staff'>, failure: StaffFailure): string {
  const key = failure.ruleKey ?? '';
  if ((WORKFLOW_RULE_KEYS as readonly string[]).includes(key)) return t(`staff.error.${key as WorkflowRuleKey}`);
  const ruleMessage = `errors.${key}`;
  if (t.has(ruleMessage)) return t(ruleMessage);
  // A document staff add is held to the beneficiary's rules, in the same words.
  const documentMessage = `errors.documents.${key}`;
  return t.has(documentMessage) ? t(documentMessage) : t('staff.error.generic');
}
