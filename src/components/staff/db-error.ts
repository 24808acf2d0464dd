import type { Translate } from './i18n';

const KNOWN = ['transition_not_allowed', 'role_not_allowed', 'staff_inactive', 'rejection_reason_required', 'note_required'];

/** The database refuses with a stable key (supabase/CONTRACT.md); show its sentence. */
export function dbErrorMessage(t: Translate, error: { message?: string } | null): string {
  const key = error?.message ?? '';
  if (KNOWN.includes(key)) return t(`staff.error.${key}`);
  if (key && t(`errors.${key}`) !== `errors.${key}`) return t(`errors.${key}`);
  return t('staff.error.generic');
}
