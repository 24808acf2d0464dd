import * as z from './zod';
import { STAFF_INTAKE_CHANNELS } from './channels';
import { REQUEST_RULE_FIELDS, supportRequestSchema } from './support-request';

/**
 * A request staff register for a beneficiary who came by phone, interview, letter, a
 * representative or a volunteer (policy, "channels"): the public form's schema, plus how the
 * request arrived. `register_request_on_behalf` checks the same rules (supabase/CONTRACT.md).
 */
export const onBehalfRequestSchema = z.extend(supportRequestSchema, {
  intake_channel: z.enum(STAFF_INTAKE_CHANNELS, { error: 'intake_channel_invalid' }),
});
export type OnBehalfRequestInput = z.input<typeof onBehalfRequestSchema>;
export type OnBehalfRequest = z.output<typeof onBehalfRequestSchema>;

export const ON_BEHALF_RULE_FIELDS = {
  ...REQUEST_RULE_FIELDS,
  intake_channel_invalid: 'intake_channel',
} as const;
export type OnBehalfRuleKey = keyof typeof ON_BEHALF_RULE_FIELDS;
