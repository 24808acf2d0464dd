/**
 * Where the browser finds Supabase. A hosted deployment sets PUBLIC_SUPABASE_URL and
 * PUBLIC_SUPABASE_ANON_KEY at build time; without them the site talks to the embedded local
 * stack (`npm start`), whose anon key is public by design (see supabase/local/keys.mjs; a unit
 * test keeps the two in step).
 */
export const LOCAL_SUPABASE_URL = 'http://127.0.0.1:54321';
export const LOCAL_SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1sb2NhbCIsInJvbGUiOiJhbm9uIiwiaWF0IjoxNzY0Mjg4MDAwLCJleHAiOjIwNzk2NDgwMDB9.W2AdTJmdy2OmIr8MjadMA6j5LPut-lwceOsaBCOrFdE';

export const supabaseUrl: string = import.meta.env.PUBLIC_SUPABASE_URL || LOCAL_SUPABASE_URL;
export const supabaseAnonKey: string = import.meta.env.PUBLIC_SUPABASE_ANON_KEY || LOCAL_SUPABASE_ANON_KEY;
