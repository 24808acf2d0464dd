// Database functions through the project's REST API with the service role key (the only role that
// may claim and record messages): plain fetch, as PostgREST's RPC is one POST.
import type { Rpc } from '../_shared/outreach/drain.ts';

export function restRpc(supabaseUrl: string, serviceRoleKey: string): Rpc {
  return async <T>(name: string, args: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${supabaseUrl.replace(/\/$/, '')}/rest/v1/rpc/${name}`, {
      method: 'POST',
      headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  };
}
