/**
 * What a call to a database function means for the person filling the form. PostgREST refuses
 * a rule with `{ message: <rule_key>, hint: <field> }` (supabase/CONTRACT.md); a lost
 * connection or a server fault must keep every value and offer a retry.
 */
export interface PostgrestLikeError {
  message?: string;
  hint?: string | null;
  details?: string | null;
  code?: string;
}

export type RpcFailure =
  | { kind: 'rule'; ruleKey: string; field: string }
  | { kind: 'limit'; ruleKey: string; field: string; retryAfterSeconds: number | null }
  | { kind: 'unavailable' };

const RULE_KEY = /^[a-z][a-z0-9_]*$/;

function retryAfter(details: string | null | undefined): number | null {
  if (!details) return null;
  try {
    const seconds = Number(JSON.parse(details).retry_after_seconds);
    return Number.isFinite(seconds) ? seconds : null;
  } catch {
    return null;
  }
}

/** The rule key a refusal carries, or null for a lost connection, a server fault or a message that is no key. */
export function ruleKeyOf(error: PostgrestLikeError, status: number): string | null {
  const key = error.message ?? '';
  return RULE_KEY.test(key) && status > 0 && status < 500 ? key : null;
}

/**
 * `knownRules` maps each rule key to its field (e.g. RULE_FIELDS); anything else (a network
 * error, a 5xx, an unexpected message) is "unavailable": try again, nothing is lost.
 */
export function classifyRpcError(
  error: PostgrestLikeError,
  status: number,
  knownRules: Readonly<Record<string, string>>,
): RpcFailure {
  const ruleKey = ruleKeyOf(error, status);
  if (ruleKey === null || !(ruleKey in knownRules)) return { kind: 'unavailable' };
  const field = error.hint && error.hint in fieldsOf(knownRules) ? error.hint : knownRules[ruleKey]!;
  if (status === 429) return { kind: 'limit', ruleKey, field, retryAfterSeconds: retryAfter(error.details) };
  return { kind: 'rule', ruleKey, field };
}

function fieldsOf(rules: Readonly<Record<string, string>>): Record<string, true> {
  return Object.fromEntries(Object.values(rules).map((field) => [field, true]));
}
