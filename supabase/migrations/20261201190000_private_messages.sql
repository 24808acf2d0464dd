/*
 * The private page's Messages section (issue 14, with the outreach issue's contact preferences):
 * the beneficiary, through their private link, chooses SMS and email and stops or resumes the
 * messages themselves, as staff do for them by phone (set_contact_preferences) and as the stop
 * link does. The same rules as staff, one more (a choice of no way at all is a stop, so it is made
 * with the stop), the same history events with no actor: the beneficiary. Stopped messages stop
 * everything but the decision (internal.message_channels).
 */

/* ---------------------------------------------------------------------------------------- */
/* The rules of a choice                                                                     */
/* ---------------------------------------------------------------------------------------- */

/**
 * Why the beneficiary cannot choose this, or null: a missing answer (contact_preferences_required),
 * email without an address (email_missing), no way at all while messages go on
 * (messages_channel_required: stop them instead). messagesRule() in src/schemas/private-messages.ts.
 */
create function internal.private_messages_rule(p_sms boolean, p_email boolean, p_stopped boolean, p_email_available boolean)
returns text
language sql immutable set search_path = '' as $$
  select case
    when p_sms is null or p_email is null or p_stopped is null then 'contact_preferences_required'
    when p_email and not p_email_available then 'email_missing'
    when not (p_sms or p_email or p_stopped) then 'messages_channel_required'
  end
$$;

/* ---------------------------------------------------------------------------------------- */
/* Changed by the beneficiary                                                                */
/* ---------------------------------------------------------------------------------------- */

/**
 * The beneficiary's choice, through the private-page Edge Function (service role): SMS on or off,
 * email on or off, messages stopped or not. Answers { outcome: 'saved', messages } (the page's
 * `messages`) or the link's refusal; a rule the choice breaks is raised (private_messages_rule's
 * keys; field `messages`, or `email`) and nothing changes. What changed is in the request's
 * history, with no actor: `contact_preferences_changed` for the ways, `messages_stopped` /
 * `messages_resumed` for the stop. Sending the same choice again changes and records nothing.
 */
create function public.private_link_set_messages(p_secret text, p_client text, p_sms boolean, p_email boolean, p_stopped boolean)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  found record;
  target public.support_requests;
  rule text;
  earlier public.contact_preferences;
  was_stopped boolean;
begin
  select * into found from internal.private_link_for(p_secret, p_client);
  if found.refusal is not null then return found.refusal; end if;
  target := found.request;

  rule := internal.private_messages_rule(p_sms, p_email, p_stopped, target.email is not null);
  if rule is not null then
    perform internal.refuse(rule, case when rule = 'email_missing' then 'email' else 'messages' end);
  end if;

  -- Two tabs, or the beneficiary and staff at once: one change at a time, each compared with the last.
  select * into earlier from public.contact_preferences c where c.request_id = target.id for update;
  was_stopped := earlier.stopped_at is not null;
  insert into public.contact_preferences as c (request_id, sms, email, stopped_at, updated_at, updated_by)
  values (target.id, p_sms, p_email, case when p_stopped then now() end, now(), null)
  on conflict (request_id) do update
    set sms = excluded.sms, email = excluded.email,
        stopped_at = case when p_stopped then coalesce(c.stopped_at, now()) end,
        updated_at = now(), updated_by = null
  where (c.sms, c.email, c.stopped_at is not null) is distinct from (excluded.sms, excluded.email, p_stopped);

  if (earlier.sms, earlier.email) is distinct from (p_sms, p_email) then
    insert into public.request_events (request_id, kind, code)
    values (target.id, 'contact_preferences', 'contact_preferences_changed');
  end if;
  if was_stopped is distinct from p_stopped then
    insert into public.request_events (request_id, kind, code)
    values (target.id, 'contact_preferences', case when p_stopped then 'messages_stopped' else 'messages_resumed' end::public.request_event_code);
  end if;
  return jsonb_build_object('outcome', 'saved', 'messages', internal.private_page_messages(target));
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Grants                                                                                    */
/* ---------------------------------------------------------------------------------------- */

revoke all on function internal.private_messages_rule(boolean, boolean, boolean, boolean) from public, anon, authenticated, service_role;
revoke all on function public.private_link_set_messages(text, text, boolean, boolean, boolean) from public, anon, authenticated, service_role;
grant execute on function public.private_link_set_messages(text, text, boolean, boolean, boolean) to service_role;
