import { codePointLength } from './support-request-rules';
import { ruledText } from './ruled-text';
import { hiddenCharactersRule } from './hidden-characters';

/**
 * What staff write on a request: a note in its history, and the text of a move (for needs_info,
 * what the beneficiary is asked for; for rejected, the reason for the decision, which the
 * beneficiary reads). Mirrors internal.checked_note (at most 2,000 characters, no hidden
 * characters); whether a move needs one is the workflow's (`noteRequired`, note_required /
 * rejection_reason_required).
 */
export const NOTE_MAX = 2000;

export const NOTE_RULE_KEYS = ['note_length', 'note_characters'] as const;
export type NoteRuleKey = (typeof NOTE_RULE_KEYS)[number];

export function noteRule(note: string): NoteRuleKey | null {
  if (codePointLength(note) > NOTE_MAX) return 'note_length';
  return hiddenCharactersRule('note', note);
}

/** The note as sent: trimmed, '' when there is none. */
export const staffNoteSchema = ruledText((s) => s.trim(), noteRule);
