import { createClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from './config';
import { STAFF_SESSION_KEY } from './staff-session-key';

/**
 * The staff workspace's client, used only by src/api/staff.ts. Unlike the public islands'
 * PostgREST client (src/api/rest.ts, anon key, no session), it keeps the signed-in session in
 * localStorage and refreshes it, under its own key so a staff session never rides along with
 * the public forms.
 */
export const staffClient = createClient(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, storageKey: STAFF_SESSION_KEY },
});
