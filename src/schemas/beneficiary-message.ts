import * as z from './zod';
import { MULTILINE_HIDDEN_CHARACTERS } from './hidden-characters';
import { ruledText } from './ruled-text';

/**
 * What staff write for the beneficiary (issue 13): a message from the request page, and the text
 * that closes a low score's follow-up. The same rules as `send_staff_message` and
 * `close_follow_up` (supabase/CONTRACT.md): required, not too long, none of the hidden characters a
 * description may not hold (contract: hidden characters). Keys `errors.<key>`.
 */
export const MESSAGE_MAX = 1000;
export const FOLLOW_UP_NOTE_MAX = 2000;

export const BENEFICIARY_MESSAGE_RULE_FIELDS = {
  message_required: 'message',
  message_length: 'message',
  message_characters: 'message',
  messages_stopped: 'message',
  no_contact_channel: 'message',
} as const;
export type BeneficiaryMessageRuleKey = keyof typeof BENEFICIARY_MESSAGE_RULE_FIELDS;

export const FOLLOW_UP_RULE_FIELDS = {
  note_required: 'note',
  note_length: 'note',
  note_characters: 'note',
  follow_up_not_open: 'note',
} as const;

const length = (s: string) => s.length;

export const staffMessageSchema = z.object({
  message: ruledText((s) => s.trim(), (text) =>
    text === '' ? 'message_required' : length(text) > MESSAGE_MAX ? 'message_length' : MULTILINE_HIDDEN_CHARACTERS.test(text) ? 'message_characters' : null),
});

export const followUpNoteSchema = z.object({
  note: ruledText((s) => s.trim(), (text) =>
    text === '' ? 'note_required' : [...text].length > FOLLOW_UP_NOTE_MAX ? 'note_length' : MULTILINE_HIDDEN_CHARACTERS.test(text) ? 'note_characters' : null),
});
