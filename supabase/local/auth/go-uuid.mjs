// UUIDs as GoTrue parses them (gofrs/uuid v4.3.1 codec.go UnmarshalText): canonical, 32 hex
// digits, braced or urn:uuid: forms; anything else is an error with gofrs's message.
const HEX32 = /^[0-9a-fA-F]{32}$/;
const goQuote = (s) => JSON.stringify(s);

function plain(text) {
  if (text.length === 36) {
    if (text[8] !== '-' || text[13] !== '-' || text[18] !== '-' || text[23] !== '-') {
      return { error: `uuid: incorrect UUID format in string ${goQuote(text)}` };
    }
    return hex(text.replaceAll('-', ''), text);
  }
  if (text.length === 32) return hex(text, text);
  return { error: `uuid: incorrect UUID length ${Buffer.byteLength(text)} in string ${goQuote(text)}` };
}

function hex(digits, original) {
  if (digits.length !== 32 || !HEX32.test(digits)) {
    const bad = [...original].find((c) => !/[0-9a-fA-F-]/.test(c)) ?? original[0];
    return { error: `encoding/hex: invalid byte: U+${bad.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')} ${goQuote(bad).replaceAll('"', "'")}` };
  }
  const d = digits.toLowerCase();
  return { uuid: `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}` };
}

/** Returns { uuid } (canonical, lower case) or { error } with gofrs's message. */
export function parseGoUuid(text) {
  const length = Buffer.byteLength(text);
  if (length !== text.length) return { error: `uuid: incorrect UUID length ${length} in string ${goQuote(text)}` };
  if (length === 32 || length === 36) return plain(text);
  if (length === 34 || length === 38) {
    if (text[0] !== '{' || text.at(-1) !== '}') return { error: `uuid: incorrect UUID format in string ${goQuote(text)}` };
    return plain(text.slice(1, -1));
  }
  if (length === 41 || length === 45) {
    if (!text.startsWith('urn:uuid:')) return { error: `uuid: incorrect UUID format in string ${goQuote(text)}` };
    return plain(text.slice(9));
  }
  return { error: `uuid: incorrect UUID length ${length} in string ${goQuote(text)}` };
}

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
