// Resend email (hosted Edge Functions cannot open outbound SMTP on ports 25 and 587): POST
// https://api.resend.com/emails with a Bearer API key and the JSON { from, to, subject, text, html,
// headers }, and an Idempotency-Key header (the same key within 24 hours sends once). Accepted:
// 200 { id }; refused: { statusCode, name, message } (422 validation_error for an address it will not take).
import { callProvider, gotNoAnswer, retryable, type Fetch, type SendEmail } from './outcome.ts';

export interface ResendConfig {
  apiKey: string;
  from: string;
  apiUrl?: string;
}

export const RESEND_API_URL = 'https://api.resend.com';

export function resendEmail({ apiKey, from, apiUrl = RESEND_API_URL }: ResendConfig, fetchImpl: Fetch = fetch): SendEmail {
  return async ({ to, subject, text, html, messageId, idempotencyKey }) => {
    const answer = await callProvider(fetchImpl, `${apiUrl.replace(/\/$/, '')}/emails`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ from, to: [to], subject, text, html, headers: { 'X-Irtiqaa-Message': String(messageId) } }),
    });
    if (gotNoAnswer(answer)) return answer;
    const { status, ok, json } = answer;
    const reason = `Resend ${status} ${String(json?.name ?? '')}: ${String(json?.message ?? answer.text).slice(0, 300)}`.replace(/ +:/, ':');
    // 409: Resend has this idempotency key already (that email went, or is going, out): it is not sent twice.
    if (status === 409) return { kind: 'accepted', providerId: `idempotent:${idempotencyKey}` };
    if (retryable(status)) return { kind: 'retry', reason };
    if (!ok || typeof json?.id !== 'string') return { kind: 'refused', reason };
    return { kind: 'accepted', providerId: json.id };
  };
}
