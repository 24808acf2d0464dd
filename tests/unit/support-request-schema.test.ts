import { describe, expect, it } from 'vitest';
import { supportRequestSchema, type SupportRequestInput } from '../../src/schemas/support-request';
import { hasValidCheckDigit } from '../../src/lib/national-id';
import { normaliseSaudiMobile } from '../../src/lib/mobile';
import { toLatinDigits } from '../../src/lib/digits';
import { normaliseReference } from '../../src/lib/reference';
import { VALID_REQUEST } from '../fixtures/support-request-samples';

const valid = VALID_REQUEST;

const ruleKeysOf = (input: SupportRequestInput) => {
  const result = supportRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('digits typed in any script', () => {
  it('turns Arabic-Indic and Persian digits into Latin ones', () => {
    expect(toLatinDigits('٠٥٥١٢٣٤٥٦٧')).toBe('0551234567');
    expect(toLatinDigits('۰۵۵۱۲۳۴۵۶۷')).toBe('0551234567');
  });
});

describe('Saudi mobiles', () => {
  it.each(['0551234567', '551234567', '+966551234567', '00966551234567', '٠٥٥ ١٢٣ ٤٥٦٧', '055-123-4567'])(
    'stores %s as E.164',
    (raw) => expect(normaliseSaudiMobile(raw)).toBe('+966551234567'),
  );
  it.each(['0451234567', '05512345', '+966451234567', '12345678901'])('refuses %s', (raw) =>
    expect(normaliseSaudiMobile(raw)).toBeNull(),
  );
});

describe('national ID and iqama check digit', () => {
  it('accepts valid numbers for citizens and residents', () => {
    expect(hasValidCheckDigit('1000000008')).toBe(true);
    expect(hasValidCheckDigit('2000000006')).toBe(true);
  });
  it('refuses a wrong check digit, a wrong first digit or length', () => {
    expect(hasValidCheckDigit('1000000009')).toBe(false);
    expect(hasValidCheckDigit('3000000004')).toBe(false);
    expect(hasValidCheckDigit('100000000')).toBe(false);
  });
});

describe('request references', () => {
  it('accepts what people copy or read aloud', () => {
    expect(normaliseReference(' irt-7k2m9qoi ')).toBe('IRT-7K2M9Q01');
    expect(normaliseReference('IRT7K2M9Q01')).toBe('IRT-7K2M9Q01');
  });
});

describe('the support request schema', () => {
  it('accepts a complete request and normalises it', () => {
    const parsed = supportRequestSchema.parse({ ...valid, national_id: '١٠٠٠٠٠٠٠٠٨', mobile: '٠٥٥١٢٣٤٥٦٧', full_name: '  محمد   عبدالله ' });
    expect(parsed.national_id).toBe('1000000008');
    expect(parsed.mobile).toBe('+966551234567');
    expect(parsed.full_name).toBe('محمد عبدالله');
  });

  it.each([
    [{ full_name: '' }, 'full_name:full_name_required'],
    [{ full_name: 'محمد' }, 'full_name:full_name_parts'],
    [{ full_name: 'Mohammed 2nd' }, 'full_name:full_name_script'],
    [{ full_name: 'محمد\u202Eعبدالله x' }, 'full_name:full_name_script'],
    [{ national_id: '1000000009' }, 'national_id:national_id_checksum'],
    [{ national_id: '12345' }, 'national_id:national_id_format'],
    [{ mobile: '0451234567' }, 'mobile:mobile_format'],
    [{ email: 'not-an-email' }, 'email:email_format'],
    [{ city: 'ا' }, 'city:city_length'],
    [{ description: 'قصير جدا' }, 'description:description_length'],
    [{ accuracy_confirmed: false }, 'accuracy_confirmed:accuracy_confirmed_required'],
    [{ privacy_consent: false }, 'privacy_consent:privacy_consent_required'],
  ] as const)('refuses %o with one rule key', (change, expected) => {
    expect(ruleKeysOf({ ...valid, ...change } as SupportRequestInput)).toEqual([expected]);
  });

  it('refuses a missing category, type and channel', () => {
    expect(ruleKeysOf({ ...valid, category: '', request_type: '', preferred_channel: '' } as unknown as SupportRequestInput)).toEqual([
      'category:category_required',
      'request_type:request_type_required',
      'preferred_channel:preferred_channel_required',
    ]);
  });
});
