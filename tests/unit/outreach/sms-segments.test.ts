import { describe, expect, it } from 'vitest';
import { smsSize } from '../../../supabase/functions/_shared/pure/sms-segments.ts';

// 3GPP TS 23.038 / 23.040: GSM-7 160 septets alone, 153 per part; UCS-2 70 units alone, 67 per part.
describe('SMS parts', () => {
  it.each([
    ['GSM-7, exactly one SMS', 'a'.repeat(160), 'gsm7', 1],
    ['GSM-7, one septet more: two parts', 'a'.repeat(161), 'gsm7', 2],
    ['GSM-7, two full parts', 'a'.repeat(306), 'gsm7', 2],
    ['GSM-7, one more: three parts', 'a'.repeat(307), 'gsm7', 3],
    ['UCS-2 (Arabic), exactly one SMS', 'ب'.repeat(70), 'ucs2', 1],
    ['UCS-2, one more: two parts', 'ب'.repeat(71), 'ucs2', 2],
    ['UCS-2, two full parts', 'ب'.repeat(134), 'ucs2', 2],
    ['UCS-2, one more: three parts', 'ب'.repeat(135), 'ucs2', 3],
  ] as const)('%s', (_name, text, encoding, segments) => {
    expect(smsSize(text)).toMatchObject({ encoding, segments });
  });

  it('counts an extension character (€ [ ] { }) as two septets, never split across parts', () => {
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    // 152 plain septets then a two-septet €: it cannot start in part one's last septet.
    expect(smsSize(`${'a'.repeat(152)}€${'a'.repeat(8)}`)).toEqual({ encoding: 'gsm7', units: 162, segments: 2 });
    expect(smsSize(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'gsm7', units: 306, segments: 3 });
  });

  it('makes the whole text UCS-2 for one character outside the GSM alphabet (an English Hijri month: Shaʻban)', () => {
    expect(smsSize(`${'a'.repeat(100)} Shaʻban`)).toMatchObject({ encoding: 'ucs2', segments: 2 });
    expect(smsSize('Irtiqaa: your request IRT-ABCD1234 is accepted.').encoding).toBe('gsm7');
  });

  it('counts an emoji as two UTF-16 units and never splits the pair', () => {
    expect(smsSize('😀'.repeat(35))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSize(`${'ب'.repeat(69)}😀`)).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
    expect(smsSize(`${'ب'.repeat(66)}😀${'ب'.repeat(66)}`)).toEqual({ encoding: 'ucs2', units: 134, segments: 3 });
  });
});
