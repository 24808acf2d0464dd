import { supabaseAnonKey, supabaseUrl } from './config';

export type StopAnswer =
  | { outcome: 'stopped' | 'resumed'; reference: string }
  | { outcome: 'not_found' }
  | { outcome: 'throttled'; retry_after_seconds: number }
  | { outcome: 'unavailable' };

/**
 * `stop_messages` / `resume_messages` with the token of a stop link (supabase/CONTRACT.md): the
 * database checks its signature; they answer rather than raise, so only a lost call is
 * "unavailable". A plain POST: the stop page ships a few lines of script, not a client library.
 */
export async function setMessagesStopped(token: string, stop: boolean): Promise<StopAnswer> {
  try {
    const response = await fetch(`${supabaseUrl}/rest/v1/rpc/${stop ? 'stop_messages' : 'resume_messages'}`, {
      method: 'POST',
      headers: { apikey: supabaseAnonKey, authorization: `Bearer ${supabaseAnonKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ p_token: token }),
    });
    if (!response.ok) return { outcome: 'unavailable' };
    return (await response.json()) as StopAnswer;
  } catch {
    return { outcome: 'unavailable' };
  }
}

/** The reference a stop token names (its first 8 characters), to show before anything is sent; null for no token. */
export function referenceOfToken(token: string): string | null {
  const code = token.trim().toUpperCase().slice(0, 8);
  return /^[0-9A-Z]{8}$/.test(code) ? `IRT-${code}` : null;
}
