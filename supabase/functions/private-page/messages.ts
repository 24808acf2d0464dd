// POST /private-page/messages { secret, sms, email, stopped } -> { outcome: 'saved', messages: { sms, email,
// email_available, stopped } }: the beneficiary's choice of messages (supabase/CONTRACT.md, "Private page").
import type { SupabaseClient } from 'npm:@supabase/supabase-js@^2';
import { call } from '../_shared/database.ts';
import { type Body, json, Refusal } from '../_shared/http.ts';

/** A yes or no, or null when absent (the database refuses a missing one: contact_preferences_required). */
function flag(body: Body, key: string): boolean | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') throw new Refusal(400, 'invalid_request', 'messages');
  return value;
}

export async function setMessages(service: SupabaseClient, link: { p_secret: string; p_client: string }, body: Body): Promise<Response> {
  const choice = { p_sms: flag(body, 'sms'), p_email: flag(body, 'email'), p_stopped: flag(body, 'stopped') };
  return json(await call(service, 'private_link_set_messages', { ...link, ...choice }));
}
