import { rest } from './rest';
import { ACCURACY_DECLARATION_VERSION, RULE_FIELDS, type SupportRequest } from '../../schemas/support-request';
import { classifyRpcError, type RpcFailure } from './rpc-outcome';

export interface SubmittedRequest {
  reference: string;
  status: string;
  submitted_at: string;
  decision_due_from: string;
  decision_due_by: string;
}

export interface SubmissionGuards {
  idempotencyKey: string;
  /** The honeypot field's value: empty for people, filled by many bots. */
  honeypot: string;
  /** When the form was first shown: a form filled in under 3 s is a bot's. */
  startedAt: string;
}

/** Database keys beyond the schema's own (supabase/CONTRACT.md) and the field they belong to. */
export const REQUEST_RULE_FIELDS: Readonly<Record<string, string>> = {
  ...RULE_FIELDS,
  declaration_version_required: 'accuracy_confirmed',
};

/** Calls `submit_support_request`; the same idempotency key always yields the same reference. */
export async function submitSupportRequest(
  request: SupportRequest,
  guards: SubmissionGuards,
): Promise<{ ok: true; request: SubmittedRequest } | { ok: false; failure: RpcFailure }> {
  const { data, error, status } = await rest.rpc('submit_support_request', {
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
    p_accuracy_confirmed: request.accuracy_confirmed,
    p_privacy_consent: request.privacy_consent,
    p_declaration_version: ACCURACY_DECLARATION_VERSION,
    p_idempotency_key: guards.idempotencyKey,
    p_honeypot: guards.honeypot,
    p_form_started_at: guards.startedAt,
  });
  if (error || !data) return { ok: false, failure: classifyRpcError(error ?? {}, error ? status : 500, REQUEST_RULE_FIELDS) };
  return { ok: true, request: data as SubmittedRequest };
}
