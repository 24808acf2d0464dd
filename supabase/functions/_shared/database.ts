// The project's API as the Edge Functions reach it: the service role for what only they may do,
// or the caller's own session (staff), so the database checks who they are.
import { createClient, type SupabaseClient } from 'npm:@supabase/supabase-js@^2';
import { Refusal, unavailable } from './http.ts';

const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export const serviceClient = (): SupabaseClient =>
  createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, options);

/** A client that sends the caller's Authorization header: PostgREST and RLS see the caller. */
export const callerClient = (req: Request): SupabaseClient =>
  createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!, {
    ...options,
    global: { headers: { Authorization: req.headers.get('authorization') ?? '' } },
  });

const RULE_KEY = /^[a-z][a-z0-9_]*$/;

/**
 * Calls a database function; a rule it refuses becomes a Refusal with the database's rule key and
 * field (HTTP 400, or 403 for who may not), anything else (unreachable, a fault) `unavailable`.
 */
export async function call<T>(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error, status } = await client.rpc(fn, args);
  if (!error) return data as T;
  if (status >= 400 && status < 500 && RULE_KEY.test(error.message ?? '')) {
    throw new Refusal(status === 401 || status === 403 ? 403 : 400, error.message, error.hint || null);
  }
  // A session PostgREST does not accept, text PostgreSQL cannot hold (22P05), JSON it cannot read: the caller's.
  if (status === 401) throw new Refusal(401, 'not_signed_in');
  if (status >= 400 && status < 500) throw new Refusal(400, 'invalid_request');
  throw unavailable();
}
