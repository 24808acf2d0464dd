import * as z from './zod';
import { CHANNELS } from './channels';
import { LOCALES } from '../lib/locale';
import { normaliseSaudiMobile } from '../lib/mobile';
import { normaliseNationalId } from '../lib/national-id';
import {
  BENEFICIARY_CATEGORIES,
  REQUEST_TYPES,
  cityRule,
  collapseSpaces,
  descriptionRule,
  emailRule,
  fullNameRule,
  mobileRule,
  nationalIdRule,
  type RuleKey,
} from './support-request-rules';
import { ruledText } from './ruled-text';

export * from './support-request-rules';

/**
 * The zod schema of a support request, from the rules in ./support-request-rules.ts: the form's
 * resolver and the tests use it, and each rule mirrors a named CHECK in Postgres.
 */

const requiredEnum = <const T extends readonly [string, ...string[]]>(values: T, key: RuleKey) =>
  z.enum(values, { error: key });

const mustBeTrue = (key: RuleKey) =>
  z.boolean({ error: key }).check(z.refine((v) => v === true, { message: key }));

/** What the applicant types; the output is what is sent to `submit_support_request` and stored. */
export const supportRequestSchema = z.object({
  full_name: ruledText(collapseSpaces, fullNameRule),
  national_id: ruledText(normaliseNationalId, nationalIdRule),
  mobile: ruledText((raw) => (raw.trim() === '' ? '' : (normaliseSaudiMobile(raw) ?? raw.trim())), mobileRule),
  email: ruledText((s) => s.trim().toLowerCase(), emailRule),
  city: ruledText(collapseSpaces, cityRule),
  category: requiredEnum(BENEFICIARY_CATEGORIES, 'category_required'),
  request_type: requiredEnum(REQUEST_TYPES, 'request_type_required'),
  description: ruledText((s) => s.trim(), descriptionRule),
  preferred_channel: requiredEnum(CHANNELS, 'preferred_channel_required'),
  locale: requiredEnum(LOCALES, 'locale_required'),
  // Updates about the request (issue 13): SMS unless unticked (it is how the request is followed),
  // email when an address is given. A choice, never a refusal; the database keeps the same defaults.
  messages_by_sms: z._default(z.boolean(), true),
  messages_by_email: z._default(z.boolean(), true),
  accuracy_confirmed: mustBeTrue('accuracy_confirmed_required'),
  privacy_consent: mustBeTrue('privacy_consent_required'),
});

export type SupportRequestInput = z.input<typeof supportRequestSchema>;
export type SupportRequest = z.output<typeof supportRequestSchema>;
