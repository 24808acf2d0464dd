import { toLatinDigits } from './digits';

const SAUDI_MOBILE = /^(?:\+966|00966|966|0)?(5\d{8})$/;

/**
 * Normalises a Saudi mobile typed as 05XXXXXXXX, 5XXXXXXXX, +9665XXXXXXXX or 009665XXXXXXXX
 * (any digit script, with spaces, dashes, dots or brackets) to E.164, or returns null.
 */
export function normaliseSaudiMobile(raw: string): string | null {
  const compact = toLatinDigits(raw).replace(/[\s\-().]/g, '');
  const match = SAUDI_MOBILE.exec(compact);
  return match ? `+966${match[1]}` : null;
}

/** The stored form, mirrored by the check constraint `support_requests_mobile_format`. */
export const E164_SAUDI_MOBILE = /^\+9665\d{8}$/;
