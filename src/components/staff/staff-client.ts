import { createClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from '../../lib/supabase-config';

/**
 * The staff workspace's client. Unlike the public islands' client (src/lib/supabase.ts, no
 * session), it keeps the signed-in session in localStorage and refreshes it, under its own key
 * so a staff session never rides along with the public forms.
 */
export const supabase = createClient(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, storageKey: 'irtiqaa-staff-auth' },
});
