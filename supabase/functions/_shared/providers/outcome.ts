// What a provider answered, in the three cases the outbox tells apart (docs/ARCHITECTURE.md, "Outreach"):
// accepted (marked sent), worth trying again later (down, timed out, rate-limited, not configured),
// refused for good (a number or address the provider will not take: failed, with its reason).
export type SendOutcome =
  | { kind: 'accepted'; providerId: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'refused'; reason: string };

export interface SmsMessage {
  /** E.164, +9665XXXXXXXX. */
  to: string;
  text: string;
  /** The outbox id: a correlation id where the provider keeps one. */
  messageId: number;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: number;
  /** Same key, same email: the provider sends it once (Resend keeps keys 24 hours). */
  idempotencyKey: string;
}

export type SendSms = (message: SmsMessage) => Promise<SendOutcome>;
export type SendEmail = (message: EmailMessage) => Promise<SendOutcome>;
export type Fetch = typeof fetch;

/** Every provider call is cut off after this long, and tried again later. */
export const SEND_TIMEOUT_MS = 10_000;

/** HTTP answers that say "later": the provider is busy, down, or (401/403) not configured right yet. */
export function retryable(status: number): boolean {
  return status === 401 || status === 403 || status === 408 || status === 429 || status >= 500;
}

/** The reason of a failed call: network errors and timeouts are worth another try. */
export function networkFailure(error: unknown): SendOutcome {
  const name = (error as { name?: string })?.name;
  return { kind: 'retry', reason: name === 'TimeoutError' ? `no answer within ${SEND_TIMEOUT_MS / 1000} s` : `network: ${String((error as Error)?.message ?? error)}` };
}

export interface ProviderAnswer {
  status: number;
  ok: boolean;
  /** Its JSON answer, or null when it sent none. */
  json: Record<string, unknown> | null;
  text: string;
}

/** One call to a provider, cut off after SEND_TIMEOUT_MS: its answer, or the outcome of a call that got none. */
export async function callProvider(fetchImpl: Fetch, url: string, init: RequestInit): Promise<ProviderAnswer | SendOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
  } catch (error) {
    return networkFailure(error);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the text says what happened.
  }
  return { status: response.status, ok: response.ok, json: json && typeof json === 'object' ? (json as Record<string, unknown>) : null, text };
}

export const gotNoAnswer = (answer: ProviderAnswer | SendOutcome): answer is SendOutcome => 'kind' in answer;

/** International format without + or 00, as the Saudi providers take numbers. */
export const withoutPlus = (e164: string) => e164.replace(/^\+/, '');
