import * as z from './zod';
import { hiddenCharactersRule } from './hidden-characters';
import { ruledText } from './ruled-text';
import { noteRule } from './staff-note';

/**
 * What staff write for the beneficiary (issue 13): a message from the request page, and the text
 * that closes a low score's follow-up. The same rules as `send_staff_message` and
 * `close_follow_up` (supabase/CONTRACT.md): required, not too long, none of the hidden characters a
 * description may not hold (contract: hidden characters). Keys `errors.<key>`.
 */
export const MESSAGE_MAX = 1000;

export const BENEFICIARY_MESSAGE_RULE_FIELDS = {
  message_required: 'message',
  message_length: 'message',
  message_characters: 'message',
  messages_stopped: 'message',
  no_contact_channel: 'message',
} as const;
export type BeneficiaryMessageRuleKey = keyof typeof BENEFICIARY_MESSAGE_RULE_FIELDS;

// A message's length in UTF-16 units, as internal.js_length counts it in send_staff_message.
export const staffMessageSchema = z.object({
  message: ruledText((s) => s.trim(), (text) =>
    text === '' ? 'message_required' : text.length > MESSAGE_MAX ? 'message_length' : hiddenCharactersRule('message', text)),
});

/** The note that closes a follow-up: a staff note's rules (staff-note.ts), and required. */
export const followUpNoteSchema = z.object({
  note: ruledText((s) => s.trim(), (text) => (text === '' ? 'note_required' : noteRule(text))),
});
