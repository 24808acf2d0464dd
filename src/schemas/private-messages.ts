/**
 * The beneficiary's choice of messages on the private page (docs/ARCHITECTURE.md, "The private
 * link, documents, who can read what"): SMS, email (only with an address), and stopping them. The
 * database holds the same rules (internal.private_messages_rule, private_link_set_messages).
 */

/** Every rule key the choice may be refused with, and the field it belongs to. */
export const MESSAGES_RULE_FIELDS = {
  contact_preferences_required: 'messages',
  email_missing: 'email',
  // No way at all while messages go on: that is stopping them, which has its own button.
  messages_channel_required: 'messages',
} as const;
export type MessagesRuleKey = keyof typeof MESSAGES_RULE_FIELDS;

export interface MessagesChoice {
  sms: boolean;
  email: boolean;
  stopped: boolean;
}

/** Why this choice cannot be saved for a request with (or without) an email address, or null. */
export function messagesRule(choice: MessagesChoice, emailAvailable: boolean): MessagesRuleKey | null {
  if (choice.email && !emailAvailable) return 'email_missing';
  if (!choice.sms && !choice.email && !choice.stopped) return 'messages_channel_required';
  return null;
}
