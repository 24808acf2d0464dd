// Unifonic SMS: POST https://el.cloud.unifonic.com/rest/SMS/messages, form-encoded AppSid, SenderID,
// Body, Recipient (international, without 00 or +), responseType=JSON and an optional CorrelationID.
// Accepted: { success: true, errorCode: "ER-00", data: { MessageID, Status, ... } }; refused:
// { success: false, message, errorCode } with the HTTP status of its table (410 invalid recipient,
// 480 sender not allowed, 401 authentication failed, ...).
import { callProvider, gotNoAnswer, retryable, withoutPlus, type Fetch, type SendSms } from './outcome.ts';

export interface UnifonicConfig {
  appSid: string;
  sender: string;
  apiUrl?: string;
}

export const UNIFONIC_API_URL = 'https://el.cloud.unifonic.com';
// Unifonic's own "not configured right" answers: missing AppSid, invalid IP, sender not allowed.
const CONFIGURATION = new Set([402, 480]);

export function unifonicSms({ appSid, sender, apiUrl = UNIFONIC_API_URL }: UnifonicConfig, fetchImpl: Fetch = fetch): SendSms {
  return async ({ to, text, messageId }) => {
    const answer = await callProvider(fetchImpl, `${apiUrl.replace(/\/$/, '')}/rest/SMS/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        AppSid: appSid, SenderID: sender, Body: text, Recipient: withoutPlus(to), responseType: 'JSON', CorrelationID: `irtiqaa-${messageId}`,
      }).toString(),
    });
    if (gotNoAnswer(answer)) return answer;
    const { status, ok, json } = answer;
    const reason = `Unifonic ${status} ${String(json?.errorCode ?? '')}: ${String(json?.message ?? answer.text).slice(0, 300)}`.replace(/ +:/, ':');
    if (retryable(status) || CONFIGURATION.has(status)) return { kind: 'retry', reason };
    const data = json?.data as { MessageID?: unknown } | undefined;
    if (!ok || json?.success !== true || data?.MessageID === undefined) return { kind: 'refused', reason };
    return { kind: 'accepted', providerId: String(data.MessageID) };
  };
}
