// TOTP keys and codes as GoTrue makes and checks them (pquerna/otp v1.4.0 totp.Generate and
// ValidateCustom with Period 30, Skew 1, 6 digits, SHA1), with the maintained `otpauth` library.
import { Secret, TOTP } from 'otpauth';

const SECRET_BYTES = 20;

// net/url's escaping: unreserved characters stay, '?' (path) or '/;,?' (segment) are escaped too.
const goEscape = (text, keep) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) || keep.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
const escapePath = (text) => goEscape(text, '$&+,/:;=@');
const escapeSegment = (text) => goEscape(text, '$&+:=@');

/** totp.Generate + Key.URL(): a random 20-byte secret (base32, no padding) and its otpauth URI. */
export function newTotpKey({ issuer, accountName }) {
  const secret = new Secret({ size: SECRET_BYTES }).base32.replace(/=+$/, '');
  const query = { algorithm: 'SHA1', digits: '6', issuer, period: '30', secret };
  const rawQuery = Object.keys(query).sort().map((k) => `${k}=${escapeSegment(query[k])}`).join('&');
  return { secret, uri: `otpauth://totp${escapePath(`/${issuer}:${accountName}`)}?${rawQuery}` };
}

/** totp.ValidateCustom: the trimmed code must be 6 characters and match now, 30 s before or after. */
export function totpCodeValid(secret, code) {
  const passcode = code.trim();
  if (passcode.length !== 6) return false;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.validate({ token: passcode, window: 1 }) !== null;
}
