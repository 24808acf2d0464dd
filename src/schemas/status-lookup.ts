import * as z from './zod';
import { toLatinDigits } from '../lib/digits';
import { REFERENCE_FORMAT, normaliseReference } from '../lib/reference';

/** The rule keys of a status lookup; each has its sentence under `errors.track.` in the locale files. */
export const STATUS_LOOKUP_RULES = ['reference_required', 'reference_format', 'phone_last4_required', 'phone_last4_format'] as const;
export type StatusLookupRule = (typeof STATUS_LOOKUP_RULES)[number];

const rule = (key: StatusLookupRule) => ({ message: key });

/** What /track asks for: the reference and the last four digits of the mobile it was sent with. */
export const statusLookupSchema = z.object({
  reference: z.pipe(z.string(), z.transform((s) => (s.trim() === '' ? '' : normaliseReference(s)))).check(
    z.refine((s) => s !== '', rule('reference_required')),
    z.refine((s) => s === '' || REFERENCE_FORMAT.test(s), rule('reference_format')),
  ),
  phone_last4: z.pipe(z.string(), z.transform((s) => toLatinDigits(s).replace(/\s/g, ''))).check(
    z.refine((s) => s !== '', rule('phone_last4_required')),
    z.refine((s) => s === '' || /^\d{4}$/.test(s), rule('phone_last4_format')),
  ),
});
export type StatusLookupInput = z.input<typeof statusLookupSchema>;
export type StatusLookup = z.output<typeof statusLookupSchema>;
