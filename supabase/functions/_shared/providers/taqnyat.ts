// Taqnyat (taqnyat.sa) SMS: POST https://api.taqnyat.sa/v1/messages with a Bearer token and the JSON
// { recipients: ["9665XXXXXXXX"], body, sender } (numbers international, without 00 or +). Accepted:
// 201 { statusCode: 201, messageId, cost, currency, totalCount, msgLength, accepted: "[9665…,]",
// rejected: "[]" }; refused: { statusCode, message } with a 4xx.
import { callProvider, gotNoAnswer, retryable, withoutPlus, type Fetch, type SendSms } from './outcome.ts';

export interface TaqnyatConfig {
  token: string;
  sender: string;
  apiUrl?: string;
}

export const TAQNYAT_API_URL = 'https://api.taqnyat.sa';

export function taqnyatSms({ token, sender, apiUrl = TAQNYAT_API_URL }: TaqnyatConfig, fetchImpl: Fetch = fetch): SendSms {
  return async ({ to, text }) => {
    const answer = await callProvider(fetchImpl, `${apiUrl.replace(/\/$/, '')}/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ recipients: [withoutPlus(to)], body: text, sender }),
    });
    if (gotNoAnswer(answer)) return answer;
    const { status, ok, json } = answer;
    const reason = `Taqnyat ${status}: ${String(json?.message ?? answer.text).slice(0, 300)}`;
    if (retryable(status)) return { kind: 'retry', reason };
    if (!ok) return { kind: 'refused', reason };
    // A number Taqnyat would not take is listed in `rejected`, with the call itself accepted.
    const accepted = String(json?.accepted ?? '');
    if (json?.messageId === undefined || !accepted.includes(withoutPlus(to))) {
      return { kind: 'refused', reason: `Taqnyat did not accept ${to}: rejected ${String(json?.rejected ?? '?')}` };
    }
    return { kind: 'accepted', providerId: String(json.messageId) };
  };
}
