import type { SupportRequest } from '../schemas/support-request';
import { ACCURACY_DECLARATION_VERSION } from '../schemas/support-request-rules';

/**
 * A checked request as the arguments of `submit_support_request` and `register_request_on_behalf`
 * (supabase/CONTRACT.md): the public form and the staff workspace send the same fields the same way.
 */
/** The privacy notice this build publishes (src/build/privacy-notice-version.mjs); the beneficiary accepts it on the form. */
export const PRIVACY_NOTICE_VERSION: string | null = import.meta.env.PUBLIC_PRIVACY_NOTICE_VERSION || null;

export function requestArguments(request: SupportRequest, idempotencyKey: string) {
  return {
    p_full_name: request.full_name,
    p_national_id: request.national_id,
    p_mobile: request.mobile,
    p_email: request.email,
    p_city: request.city,
    p_category: request.category,
    p_request_type: request.request_type,
    p_description: request.description,
    p_preferred_channel: request.preferred_channel,
    p_locale: request.locale,
    // With these two the call reaches the overload that keeps the choice (supabase/CONTRACT.md).
    p_messages_by_sms: request.messages_by_sms,
    p_messages_by_email: request.messages_by_email,
    p_accuracy_confirmed: request.accuracy_confirmed,
    p_privacy_consent: request.privacy_consent,
    p_declaration_version: ACCURACY_DECLARATION_VERSION,
    p_privacy_notice_version: PRIVACY_NOTICE_VERSION,
    p_idempotency_key: idempotencyKey,
  };
}

/** What both functions answer: the receipt the beneficiary keeps. */
export interface RequestReceipt {
  reference: string;
  status: string;
  submitted_at: string;
  decision_due_from: string;
  decision_due_by: string;
  /** The private link's secret (`/r/#<secret>`): given this once, kept nowhere (only its hash). */
  private_link_secret: string;
}
