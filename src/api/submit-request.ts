import { rest } from './rest';
import type { SupportRequest } from '../schemas/support-request';
import { REQUEST_RULE_FIELDS } from '../schemas/support-request-rules';
import { requestArguments, type RequestReceipt } from './request-arguments';
import { classifyRpcError, type RpcFailure } from './rpc-outcome';

export interface SubmissionGuards {
  idempotencyKey: string;
  /** The honeypot field's value: empty for people, filled by many bots. */
  honeypot: string;
  /** When the form was first shown: a form filled in under 3 s is a bot's. */
  startedAt: string;
}

/** Calls `submit_support_request`; the same idempotency key always yields the same reference. */
export async function submitSupportRequest(
  request: SupportRequest,
  guards: SubmissionGuards,
): Promise<{ ok: true; request: RequestReceipt } | { ok: false; failure: RpcFailure }> {
  const { data, error, status } = await rest.rpc('submit_support_request', {
    ...requestArguments(request, guards.idempotencyKey),
    p_honeypot: guards.honeypot,
    p_form_started_at: guards.startedAt,
  });
  if (error || !data) return { ok: false, failure: classifyRpcError(error ?? {}, error ? status : 500, REQUEST_RULE_FIELDS) };
  return { ok: true, request: data as RequestReceipt };
}
