import { randomUUID } from 'node:crypto';

/**
 * The arguments of submit_support_request for one valid application, in the function's parameter
 * order (bench/backend also calls the function over SQL with Object.values of this object).
 */
export function submissionArgs({
  fullName = 'محمد عبدالله',
  nationalId = '1000000008',
  mobile,
  email = '',
  description = 'أحتاج إلى دعم في مادة الرياضيات للصف الثالث',
}) {
  return {
    p_full_name: fullName,
    p_national_id: nationalId,
    p_mobile: mobile,
    p_email: email,
    p_city: 'الرياض',
    p_category: 'student',
    p_request_type: 'tutoring',
    p_description: description,
    p_preferred_channel: 'phone',
    p_locale: 'ar',
    p_accuracy_confirmed: true,
    p_privacy_consent: true,
    p_declaration_version: '2026-11-policy-step-4',
    p_idempotency_key: randomUUID(),
  };
}
