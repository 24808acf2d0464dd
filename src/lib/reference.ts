import { toLatinDigits } from './digits';

/** `IRT-` and 8 Crockford base32 characters (no I, L, O, U), as `submit_support_request` issues them. */
export const REFERENCE_FORMAT = /^IRT-[0-9A-HJKMNP-TV-Z]{8}$/;

/** Accepts what people copy or read aloud: lower case, no dash, O for 0, I or L for 1. */
export function normaliseReference(raw: string): string {
  let compact = toLatinDigits(raw).toUpperCase().replace(/[\s-]/g, '');
  if (compact.startsWith('IRT')) compact = compact.slice(3);
  const code = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  return `IRT-${code}`;
}
