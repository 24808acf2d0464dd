import { PostgrestClient } from '@supabase/postgrest-js';
import { supabaseAnonKey, supabaseUrl } from './config';

/**
 * The public islands (forms, service figures) only call the `anon` functions, so they use the
 * PostgREST client that supabase-js itself wraps (same `rpc()`, same error shape), without the
 * auth, realtime and storage clients: about 55 KB gzip less per page (bench/forms/RESULTS.md).
 */
export const rest = new PostgrestClient(`${supabaseUrl}/rest/v1`, {
  headers: { apikey: supabaseAnonKey, Authorization: `Bearer ${supabaseAnonKey}` },
});
