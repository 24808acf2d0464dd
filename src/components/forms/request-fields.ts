import type { Locale } from '../../lib/locale';
import type { SupportRequestInput } from '../../schemas/support-request';
import { firstOptionId } from './RadioGroup';

/** The request's fields in page order: the error summary and the review list follow it. */
export const REQUEST_FIELDS = [
  'full_name',
  'national_id',
  'mobile',
  'email',
  'city',
  'category',
  'request_type',
  'description',
  'preferred_channel',
  'messages_by_sms',
  'messages_by_email',
  'accuracy_confirmed',
  'privacy_consent',
] as const satisfies readonly (keyof SupportRequestInput)[];
export type RequestField = (typeof REQUEST_FIELDS)[number];

/**
 * How the category and the preferred channel are asked: radios for the applicant (every choice
 * in view), selects in the staff workspace, where staff know the lists.
 */
export type ChoiceStyle = 'radios' | 'selects';
const CHOICE_FIELDS: ReadonlySet<string> = new Set(['category', 'preferred_channel']);

/** The id focus moves to for a field: a radio group's first option. */
export const controlId = (field: string, choices: ChoiceStyle = 'radios') =>
  choices === 'radios' && CHOICE_FIELDS.has(field) ? firstOptionId(field) : field;

export const emptyRequest = (locale: Locale): SupportRequestInput =>
  ({
    full_name: '',
    national_id: '',
    mobile: '',
    email: '',
    city: '',
    category: '',
    request_type: '',
    description: '',
    preferred_channel: '',
    messages_by_sms: true,
    messages_by_email: true,
    locale,
    accuracy_confirmed: false,
    privacy_consent: false,
  }) as unknown as SupportRequestInput;
