import { toLatinDigits } from './digits';

/** Saudi national ID (starts with 1) or iqama (starts with 2): ten digits. */
export const NATIONAL_ID_FORMAT = /^[12]\d{9}$/;

export function normaliseNationalId(raw: string): string {
  return toLatinDigits(raw).replace(/[\s-]/g, '');
}

/**
 * The check digit of Saudi national IDs and iqamas is Luhn's: digits in odd positions
 * (1st, 3rd, ...) are doubled and their digit sums added to the others; the total ends in 0.
 */
export function hasValidCheckDigit(id: string): boolean {
  if (!NATIONAL_ID_FORMAT.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < id.length; i++) {
    const digit = Number(id[i]);
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return sum % 10 === 0;
}
