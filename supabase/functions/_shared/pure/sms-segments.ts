// How many SMS a text costs (3GPP TS 23.038 / 23.040). A text written only in the GSM 7-bit
// default alphabet (plain Latin letters, digits, common punctuation) is sent as GSM-7: 160
// septets in one SMS, 153 per part once it is split (the user-data header takes 7), and a
// character of the extension table (^ { } \ [ ] ~ | €) takes two septets that are never split.
// Anything else (Arabic, emoji, ʻ) makes the whole text UCS-2: 70 UTF-16 units in one SMS, 67
// per part, a surrogate pair never split. Providers count the same way (Taqnyat, Unifonic).

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM7_BASIC);
const extended = new Set(GSM7_EXTENDED);

export type SmsEncoding = 'gsm7' | 'ucs2';

export const SINGLE_LIMIT = { gsm7: 160, ucs2: 70 } as const;
export const PART_LIMIT = { gsm7: 153, ucs2: 67 } as const;
/** Every SMS the portal sends fits in this many parts (issue 13: cost and readability). */
export const MAX_SMS_SEGMENTS = 2;

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return 'ucs2';
  return 'gsm7';
}

/** The units each character takes, in order: septets (GSM-7) or UTF-16 code units (UCS-2). */
function unitsOf(text: string, encoding: SmsEncoding): number[] {
  return [...text].map((ch) => (encoding === 'gsm7' ? (extended.has(ch) ? 2 : 1) : ch.length));
}

/** Packs characters into parts of `limit` units without splitting one across two parts. */
function packedParts(units: number[], limit: number): number {
  let parts = 1;
  let used = 0;
  for (const u of units) {
    if (used + u > limit) {
      parts += 1;
      used = 0;
    }
    used += u;
  }
  return parts;
}

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsSize(text: string): SmsSize {
  const encoding = smsEncoding(text);
  const units = unitsOf(text, encoding);
  const total = units.reduce((a, b) => a + b, 0);
  const segments = total === 0 ? 1 : total <= SINGLE_LIMIT[encoding] ? 1 : packedParts(units, PART_LIMIT[encoding]);
  return { encoding, units: total, segments };
}

export const fitsInSms = (text: string, segments = MAX_SMS_SEGMENTS) => smsSize(text).segments <= segments;
