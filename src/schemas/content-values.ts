/**
 * The fixed lists and formats of the editable content, apart from its zod schemas (./content.ts),
 * so the CMS, which needs only these, ships no zod (and shares none with the form pages).
 */

export const POLICY_SECTION_SLUGS = [
  'preamble',
  'general-goal',
  'detailed-goals',
  'channels',
  'staff-tools',
  'handling-mechanism',
] as const;

export const DOCUMENT_KINDS = ['bylaws', 'support_policy_guide', 'support_request_form'] as const;
export const FAQ_CATEGORIES = ['general', 'requests', 'status', 'survey', 'privacy'] as const;

/** Saudi landline or mobile in E.164 (+966…), the unified number (9200…) or toll-free (800…). */
export const SAUDI_PHONE = /^(\+966\d{8,9}|9200\d{5}|800\d{7})$/;
/** A file editors upload through the CMS (it lives in public/uploads/). */
export const UPLOAD_PATH = /^\/uploads\/[A-Za-z0-9._-]+\.(pdf|docx?|xlsx?)$/;
