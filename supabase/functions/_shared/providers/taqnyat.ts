// Taqnyat (taqnyat.sa) SMS: POST https://api.taqnyat.sa/v1/messages with a Bearer token and the JSON
// { recipients: ["9665XXXXXXXX"], body, sender } (numbers international, without 00 or +). Accepted:
// 201 { statusCode: 201, messageId, cost, currency, totalCount, msgLength, accepted: "[9665…,]",
// rejected: "[]" }; refused: { statusCode, message } with a 4xx.
import { SEND_TIMEOUT_MS, answerOf, networkFailure, retryable, withoutPlus, type Fetch, type SendSms } from './outcome.ts';

export interface TaqnyatConfig {
  token: string;
  sender: string;
  apiUrl?: string;
}

export const TAQNYAT_API_URL = 'https://api.taqnyat.sa';

export function taqnyatSms({ token, sender, apiUrl = TAQNYAT_API_URL }: TaqnyatConfig, fetchImpl: Fetch = fetch): SendSms {
  return async ({ to, text }) => {
    let response: Response;
    try {
      response = await fetchImpl(`${apiUrl.replace(/\/$/, '')}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ recipients: [withoutPlus(to)], body: text, sender }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (error) {
      return networkFailure(error);
    }
    const { json, text: raw } = await answerOf(response);
    const reason = `Taqnyat ${response.status}: ${String(json?.message ?? raw).slice(0, 300)}`;
    if (retryable(response.status)) return { kind: 'retry', reason };
    if (!response.ok) return { kind: 'refused', reason };
    // A number Taqnyat would not take is listed in `rejected`, with the call itself accepted.
    const accepted = String(json?.accepted ?? '');
    if (json?.messageId === undefined || !accepted.includes(withoutPlus(to))) {
      return { kind: 'refused', reason: `Taqnyat did not accept ${to}: rejected ${String(json?.rejected ?? '?')}` };
    }
    return { kind: 'accepted', providerId: String(json.messageId) };
  };
}
