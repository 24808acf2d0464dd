import { z } from '../../schemas/zod';
import { rest } from './rest';
import { toLatinDigits } from '../digits';
import { REFERENCE_FORMAT, normaliseReference } from '../reference';

/** What /track asks for: the reference and the last four digits of the mobile it was sent with. */
export const statusLookupSchema = z.object({
  reference: z
    .string()
    .transform((s) => (s.trim() === '' ? '' : normaliseReference(s)))
    .refine((s) => s !== '', { message: 'reference_required' })
    .refine((s) => s === '' || REFERENCE_FORMAT.test(s), { message: 'reference_format' }),
  phone_last4: z
    .string()
    .transform((s) => toLatinDigits(s).replace(/\s/g, ''))
    .refine((s) => s !== '', { message: 'phone_last4_required' })
    .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'phone_last4_format' }),
});
export type StatusLookupInput = z.input<typeof statusLookupSchema>;
export type StatusLookup = z.output<typeof statusLookupSchema>;

export interface TimelineEntry {
  status: string;
  at: string;
}
export type StatusAnswer =
  | {
      outcome: 'found';
      reference: string;
      status: string;
      submitted_at: string;
      decision_due_from: string;
      decision_due_by: string;
      decided_at: string | null;
      timeline: TimelineEntry[];
    }
  | { outcome: 'not_found' }
  | { outcome: 'throttled'; retry_after_seconds: number }
  | { outcome: 'unavailable' };

export async function lookUpStatus(lookup: StatusLookup): Promise<StatusAnswer> {
  const { data, error } = await rest.rpc('get_request_status', {
    p_reference: lookup.reference,
    p_phone_last4: lookup.phone_last4,
  });
  if (error || !data) return { outcome: 'unavailable' };
  return data as StatusAnswer;
}
