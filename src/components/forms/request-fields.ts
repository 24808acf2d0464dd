import type { SupportRequestInput } from '../../schemas/support-request';

/** The form's fields in page order: the error summary and the review list follow it. */
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
  'accuracy_confirmed',
  'privacy_consent',
] as const satisfies readonly (keyof SupportRequestInput)[];
export type RequestField = (typeof REQUEST_FIELDS)[number];

export const RADIO_FIELDS: ReadonlySet<string> = new Set(['category', 'preferred_channel']);

/** The id focus moves to for a field: a radio group's first option. */
export const controlId = (field: string) => (RADIO_FIELDS.has(field) ? `${field}-0` : field);

export const emptyRequest = (locale: 'ar' | 'en'): SupportRequestInput =>
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
    locale,
    accuracy_confirmed: false,
    privacy_consent: false,
  }) as unknown as SupportRequestInput;
