import { E164_SAUDI_MOBILE } from '../lib/mobile';
import { NATIONAL_ID_FORMAT, hasValidCheckDigit } from '../lib/national-id';
import { hiddenCharactersRule } from './hidden-characters';

/**
 * One source of truth for a support request (policy, handling step 2: verify the data is
 * complete and valid when it is submitted): its lists, limits and rules, in plain TypeScript.
 * Each rule key is the suffix of a named CHECK constraint or a function check in Postgres
 * (`support_requests_<key>`), and the key of its message in the locale files (`errors.<key>`).
 * The zod schema that applies them is ./support-request.ts: the form's fields need these from
 * the first paint, the schema only when the answers are first checked (issue 18).
 */

export const BENEFICIARY_CATEGORIES = ['student', 'parent', 'teacher', 'educational_institution', 'other'] as const;
export const REQUEST_TYPES = [
  'tutoring',
  'educational_supplies',
  'tuition_assistance',
  'training_course',
  'counselling',
  'inquiry',
  'suggestion',
  'complaint',
  'other',
] as const;
export type BeneficiaryCategory = (typeof BENEFICIARY_CATEGORIES)[number];
export type RequestType = (typeof REQUEST_TYPES)[number];

/** The wording the applicant confirms is versioned; the version is stored with the request. */
export const ACCURACY_DECLARATION_VERSION = '2026-11-policy-step-4';

export const NAME_MIN = 3;
export const NAME_MAX = 100;
export const CITY_MIN = 2;
export const CITY_MAX = 60;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 4000;
export const EMAIL_MAX = 254;

// Arabic letters and marks (incl. Persian/Urdu letters), Latin letters with accents, and the
// separators names use. Digits, symbols and bidi or zero-width controls are refused.
export const NAME_SCRIPT = /^[\u0621-\u063A\u0641-\u0652\u0670-\u06D3A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF' .\-]+$/;
export const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Hidden characters (src/schemas/hidden-characters.ts): a city and an email address are one line,
// a description keeps its line breaks. The names stay for the callers that know them.
export {
  SINGLE_LINE_HIDDEN_CHARACTERS as CITY_HIDDEN_CHARACTERS,
  MULTILINE_HIDDEN_CHARACTERS as DESCRIPTION_HIDDEN_CHARACTERS,
} from './hidden-characters';

export const RULE_FIELDS = {
  full_name_required: 'full_name',
  full_name_length: 'full_name',
  full_name_script: 'full_name',
  full_name_parts: 'full_name',
  national_id_required: 'national_id',
  national_id_format: 'national_id',
  national_id_checksum: 'national_id',
  mobile_required: 'mobile',
  mobile_format: 'mobile',
  email_format: 'email',
  email_characters: 'email',
  city_required: 'city',
  city_length: 'city',
  city_characters: 'city',
  category_required: 'category',
  request_type_required: 'request_type',
  description_required: 'description',
  description_length: 'description',
  description_characters: 'description',
  preferred_channel_required: 'preferred_channel',
  locale_required: 'locale',
  accuracy_confirmed_required: 'accuracy_confirmed',
  privacy_consent_required: 'privacy_consent',
  // Checked only by the database function: spam and flood protection.
  honeypot_filled: 'form',
  filled_too_fast: 'form',
  mobile_daily_limit: 'mobile',
} as const;
export type RuleKey = keyof typeof RULE_FIELDS;
export type SupportRequestField = (typeof RULE_FIELDS)[RuleKey];

/** The keys `submit_support_request` may refuse with: the schema's, and one only the database checks (supabase/CONTRACT.md). */
export const REQUEST_RULE_FIELDS = {
  ...RULE_FIELDS,
  declaration_version_required: 'accuracy_confirmed',
} as const;
export type RequestRuleKey = keyof typeof REQUEST_RULE_FIELDS;

export const codePointLength = (s: string) => [...s].length;
export const collapseSpaces = (s: string) => s.trim().replace(/\s+/g, ' ');

export function fullNameRule(name: string): RuleKey | null {
  if (name === '') return 'full_name_required';
  const length = codePointLength(name);
  if (length < NAME_MIN || length > NAME_MAX) return 'full_name_length';
  if (!NAME_SCRIPT.test(name)) return 'full_name_script';
  if (name.split(' ').length < 2) return 'full_name_parts';
  return null;
}

export function nationalIdRule(id: string): RuleKey | null {
  if (id === '') return 'national_id_required';
  if (!NATIONAL_ID_FORMAT.test(id)) return 'national_id_format';
  if (!hasValidCheckDigit(id)) return 'national_id_checksum';
  return null;
}

export function mobileRule(mobile: string): RuleKey | null {
  if (mobile === '') return 'mobile_required';
  return E164_SAUDI_MOBILE.test(mobile) ? null : 'mobile_format';
}

export function emailRule(email: string): RuleKey | null {
  if (email === '') return null;
  if (email.length > EMAIL_MAX || !EMAIL_FORMAT.test(email)) return 'email_format';
  return hiddenCharactersRule('email', email, { singleLine: true });
}

export function cityRule(city: string): RuleKey | null {
  if (city === '') return 'city_required';
  const length = codePointLength(city);
  if (length < CITY_MIN || length > CITY_MAX) return 'city_length';
  return hiddenCharactersRule('city', city, { singleLine: true });
}

export function descriptionRule(description: string): RuleKey | null {
  if (description === '') return 'description_required';
  const length = codePointLength(description);
  if (length < DESCRIPTION_MIN || length > DESCRIPTION_MAX) return 'description_length';
  return hiddenCharactersRule('description', description);
}
