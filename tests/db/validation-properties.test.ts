import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCURACY_DECLARATION_VERSION, supportRequestSchema } from '../../src/schemas/support-request';
import { anonClient, freshMobile } from './support/clients';
import { VALID_REQUEST } from '../fixtures/support-request-samples';

// Beyond the sample table: random and hostile text in each field must get the same verdict from
// the zod schema (browser) and from submit_support_request (database). Two things no keyboard
// types are left out: U+0000 (PostgreSQL text cannot hold it) and lone UTF-16 surrogates (not
// valid JSON text for PostgREST); both are refused with a 400 before the function runs (last test).
const fragments = [
  ' ', '\u00A0', '\u2003', '\uFEFF', '\u200B', '\u202E', '-', '.', '(', ')', '+966', '00966', '05', '5', '٠', '٥', '۵', '9',
  'محمد', 'عبدالله', 'Zoë', "O'Neil", '@', 'example.com', '.sa', 'a', 'ß', '😀', 'ﷺ', '\n', '\t',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 15, maxLength: 30 }),
).filter((s) => s.isWellFormed() && !s.includes('\u0000'));

const verdictOfSchema = (input: Record<string, unknown>) => {
  const result = supportRequestSchema.safeParse(input);
  return result.success ? null : result.error.issues[0].message;
};

async function verdictOfDatabase(input: Record<string, unknown>) {
  const args = Object.fromEntries(Object.entries(input).map(([k, v]) => [`p_${k}`, v]));
  const { error, status } = await anonClient().rpc('submit_support_request', {
    ...args,
    p_declaration_version: ACCURACY_DECLARATION_VERSION,
    p_idempotency_key: crypto.randomUUID(),
  });
  if (!error) return null;
  expect(status).toBeLessThan(500);
  return error.message;
}

describe('the browser and the database agree on any text typed', () => {
  for (const field of ['full_name', 'national_id', 'mobile', 'email', 'city', 'description'] as const) {
    it(`in ${field}`, async () => {
      await fc.assert(
        fc.asyncProperty(text, async (value) => {
          const input = { ...VALID_REQUEST, mobile: field === 'mobile' ? value : freshMobile(), [field]: value };
          expect(await verdictOfDatabase(input)).toBe(verdictOfSchema(input));
        }),
        { numRuns: Number(process.env.PARITY_RUNS ?? 60) },
      );
    });
  }

  it('refuses U+0000 and lone surrogates with a 400 and saves nothing', async () => {
    for (const value of ['محمد\u0000 علي', 'محمد \uD800علي']) {
      const key = crypto.randomUUID();
      const { error, status } = await anonClient().rpc('submit_support_request', {
        ...Object.fromEntries(Object.entries({ ...VALID_REQUEST, mobile: freshMobile(), description: `${value} ${'x'.repeat(20)}` }).map(([k, v]) => [`p_${k}`, v])),
        p_declaration_version: ACCURACY_DECLARATION_VERSION,
        p_idempotency_key: key,
      });
      expect(error).not.toBeNull();
      expect(status).toBe(400);
    }
  });
});
