// Reading the local stack's mail inbox (maildev's REST API) from tests: every email and every
// SMS (addressed to <mobile>@<SMS_INBOX_DOMAIN>) a beneficiary would get lands there.
import { inboxUrl } from '../../config/ports.mjs';
import { LOCAL_FUNCTION_SECRETS } from '../../supabase/local/function-secrets.mjs';

export interface InboxMessage {
  id: string;
  subject: string;
  text: string;
  html?: string;
  date: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
}

/** The inbox address an SMS to `mobile` (E.164, +9665XXXXXXXX) is delivered to locally. */
export const smsAddress = (mobile: string) => `${mobile}@${LOCAL_FUNCTION_SECRETS.SMS_INBOX_DOMAIN}`;

export async function inboxMessages(baseUrl = inboxUrl): Promise<InboxMessage[]> {
  const res = await fetch(`${baseUrl}/api/email`);
  if (!res.ok) throw new Error(`the inbox at ${baseUrl} answered ${res.status}`);
  return res.json();
}

/** Messages to `address` (case-insensitive), oldest first. */
export async function messagesTo(address: string, baseUrl = inboxUrl): Promise<InboxMessage[]> {
  const wanted = address.toLowerCase();
  return (await inboxMessages(baseUrl)).filter((m) => m.to.some((t) => t.address.toLowerCase() === wanted));
}

/** Waits until a message to `address` matching `predicate` arrives; throws after `timeoutMs`. */
export async function waitForMessage(
  address: string,
  { predicate = () => true, timeoutMs = 15_000, baseUrl = inboxUrl }: { predicate?: (m: InboxMessage) => boolean; timeoutMs?: number; baseUrl?: string } = {},
): Promise<InboxMessage> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 200))) {
    const found = (await messagesTo(address, baseUrl).catch(() => [])).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no message to ${address} arrived in ${timeoutMs / 1000} s`);
  }
}

export async function clearInbox(baseUrl = inboxUrl) {
  await fetch(`${baseUrl}/api/email/all`, { method: 'DELETE' });
}
