import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCURACY_DECLARATION_VERSION, supportRequestSchema } from '../../src/schemas/support-request';
import { anonClient, freshMobile, serviceClient } from './support/clients';
import { VALID_REQUEST } from '../fixtures/support-request-samples';

// Hostile input (issue 7): whatever reaches submit_support_request is either stored exactly as the
// zod schema normalised it, or refused with a 4xx and a rule key with nothing stored under its
// idempotency key. Never a 500, never a partial row.

/** The zero of every decimal digit script Unicode knows (\p{Nd} comes in runs of ten). */
const DIGIT_ZEROS = (() => {
  const zeros: number[] = [];
  for (let cp = 0; cp <= 0x1ffff; cp++) {
    if (/\p{Nd}/u.test(String.fromCodePoint(cp)) && !/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
      for (let z = cp; /\p{Nd}/u.test(String.fromCodePoint(z)); z += 10) zeros.push(z);
    }
  }
  return zeros;
})();
const inScript = (latin: string, zero: number) => latin.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));

const STORED_FIELDS = ['full_name', 'national_id', 'mobile', 'email', 'city', 'description'] as const;

async function submitAndReadBack(input: Record<string, unknown>) {
  const key = crypto.randomUUID();
  const { data, error, status } = await anonClient().rpc('submit_support_request', {
    ...Object.fromEntries(Object.entries(input).map(([k, v]) => [`p_${k}`, v])),
    p_declaration_version: ACCURACY_DECLARATION_VERSION,
    p_idempotency_key: key,
  });
  const { data: rows, error: readError } = await serviceClient()
    .from('support_requests')
    .select(STORED_FIELDS.join(', '))
    .eq('idempotency_key', key);
  expect(readError).toBeNull();
  return { data, error, status, rows: rows as unknown as Record<string, unknown>[] };
}

async function expectStoredAsNormalisedOrRefused(input: Record<string, unknown>) {
  const parsed = supportRequestSchema.safeParse(input);
  const { error, status, rows } = await submitAndReadBack(input);
  if (parsed.success) {
    expect(error).toBeNull();
    expect(rows).toHaveLength(1);
    const expected = Object.fromEntries(STORED_FIELDS.map((f) => [f, parsed.data[f] === '' ? null : parsed.data[f]]));
    expect(rows[0]).toEqual(expected);
  } else {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(error?.message).toBe(parsed.error.issues[0].message);
    expect(rows).toHaveLength(0);
  }
}

describe('what is accepted is stored exactly as normalised; what is refused leaves no row', () => {
  it(`knows the digit scripts it is tested with (${DIGIT_ZEROS.length} of them)`, () => {
    expect(DIGIT_ZEROS).toEqual(expect.arrayContaining([0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xff10, 0x1d7ce]));
  });

  it('national ID and mobile typed in every digit script Unicode has', async () => {
    for (const zero of DIGIT_ZEROS) {
      await expectStoredAsNormalisedOrRefused({
        ...VALID_REQUEST,
        national_id: inScript('1000000008', zero),
        mobile: inScript(freshMobile(), zero),
      });
    }
  });

  it('random and hostile text in every field', async () => {
    const hostile = fc.constantFrom(
      "'; drop table support_requests; --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
      '\u202Egnp.exe', '\u200B\u200C\u200D\u2060', '\u0007\u001B[2J', '١٢٣٤٥٦٧٨٩٠', '𝟏𝟐𝟑', 'ﷺ', '😀', '  \u00A0 ',
    );
    const text = fc.oneof(
      hostile,
      fc.array(fc.oneof(hostile, fc.string({ maxLength: 8 })), { maxLength: 6 }).map((p) => `محمد ${p.join(' ')} عبدالله`),
      fc.string({ unit: 'binary', maxLength: 60 }),
    ).filter((s) => s.isWellFormed() && !s.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STORED_FIELDS), text, async (field, value) => {
        const padded = field === 'description' ? `${value} ${'وصف الطلب '.repeat(3)}` : value;
        await expectStoredAsNormalisedOrRefused({
          ...VALID_REQUEST,
          mobile: field === 'mobile' ? padded : freshMobile(),
          [field]: padded,
        });
      }),
      { numRuns: Number(process.env.PARITY_RUNS ?? 120) },
    );
  });
});
