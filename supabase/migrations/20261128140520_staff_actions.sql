/*
 * What staff do to a request, as functions the workspace calls: move it through the workflow
 * (with the note the trigger needs), assign it, add a note, register a request received by
 * phone, interview or letter. Each checks the acting staff member's role and active flag.
 */

-- Superseded: the current definitions are in 20261201100400_staff_action_helpers.sql
-- (register_request_on_behalf: 20261201100100_request_lists.sql).
create function public.transition_request(p_request_id uuid, p_to public.request_status, p_note text default null)
returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_staff(array['officer', 'supervisor', 'authority', 'admin']::public.staff_role[]);
  if p_note is not null and char_length(p_note) > 2000 then
    perform internal.refuse('note_length', 'note');
  end if;
  perform set_config('irtiqaa.transition_note', coalesce(p_note, ''), true);
  update public.support_requests set status = p_to where id = p_request_id returning * into changed;
  perform set_config('irtiqaa.transition_note', '', true);
  if changed.id is null then
    perform internal.refuse('request_not_found', null, 'P0001');
  end if;
  return changed;
end;
$$;

create function public.assign_request(p_request_id uuid, p_assignee uuid) returns public.support_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  changed public.support_requests;
begin
  perform internal.require_staff(array['officer', 'supervisor', 'admin']::public.staff_role[]);
  update public.support_requests set assigned_to = p_assignee where id = p_request_id returning * into changed;
  if changed.id is null then
    perform internal.refuse('request_not_found', null, 'P0001');
  end if;
  return changed;
end;
$$;

create function public.add_request_note(p_request_id uuid, p_note text) returns public.request_events
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor', 'authority', 'admin']::public.staff_role[]);
  note text := btrim(coalesce(p_note, ''));
  added public.request_events;
begin
  if note = '' then perform internal.refuse('note_required', 'note', 'P0001'); end if;
  if char_length(note) > 2000 then perform internal.refuse('note_length', 'note'); end if;
  if not exists (select 1 from public.support_requests where id = p_request_id) then
    perform internal.refuse('request_not_found', null, 'P0001');
  end if;
  insert into public.request_events (request_id, kind, actor_id, actor_role, note)
  values (p_request_id, 'note', me.user_id, me.role, note)
  returning * into added;
  return added;
end;
$$;

/** Policy: requests received by phone, interview, letter... are registered by staff for the beneficiary. */
create function public.register_request_on_behalf(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text,
  p_idempotency_key uuid, p_intake_channel text
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  application jsonb;
  earlier public.support_requests;
begin
  if p_idempotency_key is not null then
    select * into earlier from public.support_requests where idempotency_key = p_idempotency_key;
    if earlier.id is not null then
      return internal.submission_receipt(earlier);
    end if;
  end if;
  if p_intake_channel is null or p_intake_channel not in ('phone', 'interview', 'letter', 'representative', 'volunteer_service') then
    perform internal.refuse('intake_channel_invalid', 'intake_channel');
  end if;
  application := internal.checked_application(
    p_full_name, p_national_id, p_mobile, p_email, p_city, p_category, p_request_type, p_description,
    p_preferred_channel, p_locale, p_accuracy_confirmed, p_privacy_consent, p_declaration_version);
  return internal.submission_receipt(internal.create_request(application, p_idempotency_key, p_intake_channel::public.channel, me.user_id));
end;
$$;

revoke all on function public.transition_request(uuid, public.request_status, text), public.assign_request(uuid, uuid),
  public.add_request_note(uuid, text),
  public.register_request_on_behalf(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text)
  from public, anon, authenticated, service_role;
grant execute on function public.transition_request(uuid, public.request_status, text), public.assign_request(uuid, uuid),
  public.add_request_note(uuid, text),
  public.register_request_on_behalf(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text)
  to authenticated;
