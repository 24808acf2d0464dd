// Request bodies decoded as GoTrue decodes them (internal/api/helpers.go retrieveRequestParams:
// encoding/json Unmarshal into a Go struct): an empty body is an error, `null` is an empty
// struct, keys match field names case-insensitively, a value of the wrong type is refused.
// Every refusal is 400 bad_json "Could not parse request body as JSON: <Go's error>".
import { badRequest } from './errors.mjs';
import { parseGoUuid } from './go-uuid.mjs';

const GO_TYPES = { string: 'string', uuid: 'uuid.UUID', map: 'map[string]interface {}', bool: 'bool' };

const kindOf = (value) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;

export class GoJsonError extends Error {}

function syntaxMessage(text, error) {
  if (!text.trim() || /end of JSON input|Unexpected end/i.test(error.message)) return 'unexpected end of JSON input';
  const token = /Unexpected (?:token|non-whitespace character)[^']*'(.)'/.exec(error.message)?.[1];
  if (/after JSON/i.test(error.message) && token) return `invalid character '${token}' after top-level value`;
  return `invalid character '${token ?? text.trim()[0]}' looking for beginning of value`;
}

function decodeField(struct, key, type, value) {
  if (value === null && type !== 'any') return null;
  const typeError = (goType) =>
    new GoJsonError(`json: cannot unmarshal ${kindOf(value)} into Go struct field ${struct.name}.${key} of type ${goType}`);
  if (type === 'any' || type === 'raw') return value;
  if (typeof type.decode === 'function') {
    const decoded = type.decode(value);
    if (decoded === undefined) throw typeError(type.goType);
    return decoded;
  }
  if (typeof type === 'object') {
    if (kindOf(value) !== 'object') throw typeError(`api.${type.name}`);
    return decodeStruct(type, value);
  }
  if (type === 'string' && typeof value === 'string') return value;
  if (type === 'bool' && typeof value === 'boolean') return value;
  if (type === 'map' && kindOf(value) === 'object') return value;
  if (type === 'uuid' && typeof value === 'string') {
    const parsed = parseGoUuid(value);
    if (parsed.error) throw new GoJsonError(parsed.error);
    return parsed.uuid;
  }
  throw typeError(GO_TYPES[type]);
}

/** Decodes a parsed JSON object into `struct`; throws GoJsonError with encoding/json's message. */
export function decodeStruct(struct, object) {
  const result = Object.fromEntries(Object.entries(struct.fields).map(([k, t]) => [k, t === 'string' ? '' : null]));
  const keys = Object.keys(struct.fields);
  let firstError = null;
  for (const [key, value] of Object.entries(object)) {
    const field = keys.find((k) => k === key) ?? keys.find((k) => k.toLowerCase() === key.toLowerCase());
    if (!field) continue;
    try {
      result[field] = decodeField(struct, field, struct.fields[field], value) ?? result[field];
    } catch (error) {
      if (!(error instanceof GoJsonError)) throw error;
      // encoding/json goes on after a type mismatch and reports the first one.
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return result;
}

/**
 * Decodes `body` (a Buffer) into the fields of `struct` ({ name, fields: { key: type } } with
 * types 'string' | 'uuid' | 'map' | 'bool' | 'any' | 'raw' | a nested struct | a custom
 * { goType, decode(value) => decoded, or undefined when refused }); missing strings are '' and
 * other missing values null, as Go's zero values.
 */
export function decodeGoJson(body, struct) {
  const text = body.toString('utf8');
  try {
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new GoJsonError(syntaxMessage(text, error));
    }
    if (value === null) return decodeStruct(struct, {});
    if (kindOf(value) !== 'object') throw new GoJsonError(`json: cannot unmarshal ${kindOf(value)} into Go value of type api.${struct.name}`);
    return decodeStruct(struct, value);
  } catch (error) {
    if (error instanceof GoJsonError) throw badRequest('bad_json', `Could not parse request body as JSON: ${error.message}`);
    throw error;
  }
}
