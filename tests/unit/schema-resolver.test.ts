import { describe, expect, it } from 'vitest';
import { schemaResolver } from '../../src/components/forms/schema-resolver';
import { onBehalfRequestSchema } from '../../src/schemas/on-behalf-request';
import { supportRequestSchema, type SupportRequestInput } from '../../src/schemas/support-request';
import { VALID_REQUEST } from '../fixtures/support-request-samples';

// The forms check themselves with their zod schema through this resolver: what react-hook-form
// receives is the schema's output, or one rule key per field for the message and the summary.
const options = { fields: {}, shouldUseNativeValidation: false };

describe('the forms’ schema resolver', () => {
  it('passes the schema’s normalised output on', async () => {
    const result = await schemaResolver(supportRequestSchema)({ ...VALID_REQUEST, mobile: '٠٥٥١٢٣٤٥٦٧' }, undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(supportRequestSchema.parse({ ...VALID_REQUEST, mobile: '0551234567' }));
    expect(result.values).toMatchObject({ mobile: '+966551234567' });
  });

  it('gives each field the first rule it breaks, as the schema orders them', async () => {
    const input = { ...VALID_REQUEST, full_name: '', national_id: '1234567890', accuracy_confirmed: false } as SupportRequestInput;
    const result = await schemaResolver(supportRequestSchema)(input, undefined, options);
    expect(result.values).toEqual({});
    expect(Object.fromEntries(Object.entries(result.errors).map(([field, error]) => [field, error?.message]))).toEqual({
      full_name: 'full_name_required',
      national_id: 'national_id_checksum',
      accuracy_confirmed: 'accuracy_confirmed_required',
    });
  });

  it('checks the staff form’s intake channel with the same rules as the public form', async () => {
    const result = await schemaResolver(onBehalfRequestSchema)({ ...VALID_REQUEST, intake_channel: 'website' } as never, undefined, options);
    expect(Object.keys(result.errors)).toEqual(['intake_channel']);
    expect(result.errors.intake_channel?.message).toBe('intake_channel_invalid');
  });
});
