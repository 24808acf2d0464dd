import { rest } from './rest';

export type StopAnswer =
  | { outcome: 'stopped' | 'resumed'; reference: string }
  | { outcome: 'not_found' }
  | { outcome: 'throttled'; retry_after_seconds: number }
  | { outcome: 'unavailable' };

/**
 * `stop_messages` / `resume_messages` with the token of a stop link (supabase/CONTRACT.md): the
 * database checks its signature; they answer rather than raise, so only a lost call is "unavailable".
 */
export async function setMessagesStopped(token: string, stop: boolean): Promise<StopAnswer> {
  const { data, error } = await rest.rpc(stop ? 'stop_messages' : 'resume_messages', { p_token: token });
  if (error || !data) return { outcome: 'unavailable' };
  return data as StopAnswer;
}
