import type { StaffFailure } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';

/** Workflow refusals with a sentence written for staff (`staff.error.<key>`). */
export const WORKFLOW_RULE_KEYS = [
  'transition_not_allowed', 'role_not_allowed', 'staff_inactive', 'rejection_reason_required', 'note_required', 'request_changed',
  'assignee_invalid', 'duplicate_not_matching',
] as const;
type WorkflowRuleKey = (typeof WORKFLOW_RULE_KEYS)[number];

/** The database refuses with a stable key (supabase/CONTRACT.md); show its sentence. */
export function dbErrorMessage(t: IslandTranslate<'staff'>, failure: StaffFailure): string {
  const key = failure.ruleKey ?? '';
  if ((WORKFLOW_RULE_KEYS as readonly string[]).includes(key)) return t(`staff.error.${key as WorkflowRuleKey}`);
  const ruleMessage = `errors.${key}`;
  return t.has(ruleMessage) ? t(ruleMessage) : t('staff.error.generic');
}
