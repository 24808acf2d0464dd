import { MESSAGES_RULE_FIELDS, type MessagesChoice, type MessagesRuleKey } from '../schemas/private-messages';
import { isRefusal, post, type LinkRefusal } from './private-page';

/** The page's `messages`: the ways chosen, whether the request has an email address, whether they are stopped. */
export interface MessagesState extends MessagesChoice {
  email_available: boolean;
}

export type MessagesResult =
  | { ok: true; messages: MessagesState }
  | { ok: false; failure: { kind: 'rule'; ruleKey: MessagesRuleKey } | { kind: 'link'; refusal: LinkRefusal } | { kind: 'unavailable' } };

/** Saves the beneficiary's choice of messages (`POST /private-page/messages`); safe to send again. */
export async function setMessages(secret: string, choice: MessagesChoice): Promise<MessagesResult> {
  const answer = await post('messages', { secret, sms: choice.sms, email: choice.email, stopped: choice.stopped });
  if (!answer || answer.status >= 500) return { ok: false, failure: { kind: 'unavailable' } };
  const { body } = answer;
  if (answer.status === 200 && body.outcome === 'saved') return { ok: true, messages: body.messages as MessagesState };
  if (answer.status === 200 && isRefusal(body)) return { ok: false, failure: { kind: 'link', refusal: body } };
  const code = String(body.code ?? '');
  if (Object.hasOwn(MESSAGES_RULE_FIELDS, code)) return { ok: false, failure: { kind: 'rule', ruleKey: code as MessagesRuleKey } };
  return { ok: false, failure: { kind: 'unavailable' } };
}
