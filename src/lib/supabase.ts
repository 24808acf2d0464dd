import { createClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from './supabase-config';

/** The one browser client; supabase-js keeps the staff session in localStorage and refreshes it. */
export const supabase = createClient(supabaseUrl, supabaseAnonKey);
