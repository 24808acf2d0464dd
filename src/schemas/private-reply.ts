import * as z from './zod';
import { MULTILINE_HIDDEN_CHARACTERS } from './hidden-characters';
import { DESCRIPTION_MAX, codePointLength } from './support-request-rules';
import { ruledText } from './ruled-text';
import { MAX_DOCUMENT_BYTES, declaredType, isDocumentType, startsAsDeclared } from '../lib/request-documents';

/**
 * The beneficiary's answer on the private page (docs/ARCHITECTURE.md, "The private link, documents,
 * who can read what"): a text reply with the description's limit and hidden characters, kept
 * exactly as typed (no trimming), and documents. The database checks the same rules
 * (`request_events_reply_<rule>`, internal.reserve_document_uploads); the Edge Function checks a
 * file's first bytes again where they can be trusted.
 */
/** The description's maximum, the check `request_events_reply_length`. */
export const REPLY_MAX = DESCRIPTION_MAX;

/** Every rule key the private page's calls may answer with, and the field it belongs to. */
export const PRIVATE_PAGE_RULE_FIELDS = {
  reply_required: 'reply',
  reply_length: 'reply',
  reply_characters: 'reply',
  // The request no longer waits on the beneficiary (staff moved it meanwhile): said above the form.
  reply_not_expected: 'reply',
  documents_required: 'documents',
  documents_too_many: 'documents',
  document_name_length: 'documents',
  document_name_characters: 'documents',
  document_type: 'documents',
  document_empty: 'documents',
  document_too_large: 'documents',
  document_content_mismatch: 'documents',
  document_missing: 'documents',
} as const;
export type PrivatePageRuleKey = keyof typeof PRIVATE_PAGE_RULE_FIELDS;
export type ReplyRuleKey = Extract<PrivatePageRuleKey, `reply_${string}`>;
export type DocumentRuleKey = Extract<PrivatePageRuleKey, `document${string}`>;
export const REPLY_RULE_KEYS = Object.keys(PRIVATE_PAGE_RULE_FIELDS).filter((key) => key.startsWith('reply_')) as ReplyRuleKey[];
export const DOCUMENT_RULE_KEYS = Object.keys(PRIVATE_PAGE_RULE_FIELDS).filter((key) => key.startsWith('document')) as DocumentRuleKey[];

export const isDocumentRule = (key: string): key is DocumentRuleKey => (DOCUMENT_RULE_KEYS as string[]).includes(key);

export function replyRule(reply: string): ReplyRuleKey | null {
  if (reply.trim() === '') return 'reply_required';
  if (codePointLength(reply) > REPLY_MAX) return 'reply_length';
  return MULTILINE_HIDDEN_CHARACTERS.test(reply) ? 'reply_characters' : null;
}

export const privateReplySchema = z.object({
  // Kept exactly as typed: no trimming.
  reply: ruledText((s) => s, replyRule),
});
export type PrivateReply = z.output<typeof privateReplySchema>;

export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

/** Why a picked file cannot be sent, before it is uploaded (`firstBytes`: its start), or null. */
export function documentRule(file: FileFacts, firstBytes: Uint8Array): DocumentRuleKey | null {
  if (file.name.trim() === '' || codePointLength(file.name) > 255) return 'document_name_length';
  if (MULTILINE_HIDDEN_CHARACTERS.test(file.name)) return 'document_name_characters';
  const type = declaredType(file);
  if (!isDocumentType(type)) return 'document_type';
  if (file.size === 0) return 'document_empty';
  if (file.size > MAX_DOCUMENT_BYTES) return 'document_too_large';
  return startsAsDeclared(type, firstBytes) ? null : 'document_content_mismatch';
}
