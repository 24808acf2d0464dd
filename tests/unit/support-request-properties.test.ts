import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  NAME_SCRIPT,
  RULE_FIELDS,
  supportRequestSchema,
  type SupportRequestInput,
} from '../../src/schemas/support-request';
import { E164_SAUDI_MOBILE } from '../../src/lib/mobile';
import { hasValidCheckDigit } from '../../src/lib/national-id';

// Hostile input (issue 7): whatever is typed, the schema either accepts it and returns the
// normalised values the database stores, or refuses it with known rule keys. It never throws.
const valid: SupportRequestInput = {
  full_name: 'Sara Al-Qahtani',
  national_id: '2000000006',
  mobile: '+966551234567',
  email: 'sara@example.org',
  city: 'Jeddah',
  category: 'parent',
  request_type: 'counselling',
  description: 'My son needs counselling about choosing his university major.',
  preferred_channel: 'website',
  locale: 'en',
  accuracy_confirmed: true,
  privacy_consent: true,
};

const hostileFragments = [
  "'; drop table support_requests; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\u2060',
  '\u0000',
  '\uD800',
  '\uDC00x',
  '١٢٣٤٥٦٧٨٩٠',
  '۱۲۳۴۵۶۷۸۹۰',
  '𝟏𝟐𝟑',
  'ﷺ',
];

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(...hostileFragments),
  fc.array(fc.constantFrom(...hostileFragments), { maxLength: 6 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 40 }).map((s) => `محمد ${s}`),
);

const textFields = ['full_name', 'national_id', 'mobile', 'email', 'city', 'description'] as const;
const knownRuleKeys = new Set(Object.keys(RULE_FIELDS));

function checkInvariants(input: SupportRequestInput) {
  const result = supportRequestSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) expect(knownRuleKeys).toContain(issue.message);
    return;
  }
  const out = result.data;
  expect(out.mobile).toMatch(E164_SAUDI_MOBILE);
  expect(hasValidCheckDigit(out.national_id)).toBe(true);
  expect(out.full_name).toMatch(NAME_SCRIPT);
  const descriptionLength = [...out.description].length;
  expect(descriptionLength).toBeGreaterThanOrEqual(DESCRIPTION_MIN);
  expect(descriptionLength).toBeLessThanOrEqual(DESCRIPTION_MAX);
  // Normalising twice changes nothing: what is stored is a fixed point.
  expect(supportRequestSchema.parse(out)).toEqual(out);
}

describe('the support request schema under hostile input', () => {
  for (const field of textFields) {
    it(`never throws and keeps its invariants for any ${field}`, () => {
      fc.assert(fc.property(hostileString, (value) => checkInvariants({ ...valid, [field]: value })), { numRuns: 300 });
    });
  }

  it('refuses a 1 MB description with the length rule', () => {
    const result = supportRequestSchema.safeParse({ ...valid, description: 'ا'.repeat(1024 * 1024) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['description_length']);
  });

  it('accepts national IDs typed in any digit script as the same Latin digits', () => {
    const toScript = (digits: string, zero: number) => digits.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));
    for (const zero of [0x30, 0x0660, 0x06f0]) {
      const parsed = supportRequestSchema.parse({ ...valid, national_id: toScript('2000000006', zero) });
      expect(parsed.national_id).toBe('2000000006');
    }
  });

  it('never lets bidi or zero-width controls into a name', () => {
    fc.assert(
      fc.property(fc.constantFrom('\u202E', '\u202D', '\u2066', '\u200B', '\u200F', '\uFEFF'), fc.nat(10), (control, at) => {
        const name = 'Sara Al-Qahtani';
        const position = at % name.length;
        const tampered = name.slice(0, position) + control + name.slice(position);
        const result = supportRequestSchema.safeParse({ ...valid, full_name: tampered });
        // Either refused, or the control was trimmed away at an end: never stored inside a name.
        if (result.success) expect(result.data.full_name).not.toContain(control);
      }),
    );
  });
});
