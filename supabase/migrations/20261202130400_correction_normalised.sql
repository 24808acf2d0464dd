/*
 * A correction the beneficiary asked for is stored as the submission would have stored that field
 * (internal.checked_application): a name's or a city's spaces collapsed, an email in lower case.
 * Before, `decide_data_request` (20261201180600_data_requests.sql, whose body this is otherwise)
 * kept them as typed, so a corrected email in capitals no longer matched the same address typed
 * again, and a name with doubled spaces differed from the one the form would have sent.
 */
create or replace function public.decide_data_request(p_id uuid, p_outcome text, p_note text default null, p_corrected_value text default null)
returns public.data_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['supervisor', 'admin']::public.staff_role[]);
  target public.data_requests := internal.open_data_request_for_update(p_id);
  chosen public.data_request_outcome;
  note text := nullif(internal.js_trim(coalesce(p_note, '')), '');
  value text;
  changed public.data_requests;
begin
  perform internal.checked_note(note);
  if p_outcome is null or not (p_outcome = any (enum_range(null::public.data_request_outcome)::text[])) then
    perform internal.refuse('data_request_outcome', 'outcome');
  end if;
  chosen := p_outcome::public.data_request_outcome;
  if chosen <> 'done' and note is null then perform internal.refuse('outcome_reason_required', 'note'); end if;
  if chosen = 'kept_for_legal_reason' and target.kind = 'correction' then perform internal.refuse('data_request_outcome', 'outcome'); end if;
  if chosen = 'done' and target.kind = 'correction' then
    value := nullif(internal.js_trim(coalesce(p_corrected_value, '')), '');
    if value is null then perform internal.refuse('corrected_value_required', 'corrected_value'); end if;
    -- Normalised as internal.checked_application normalises that field at submission.
    value := case target.field
      when 'national_id' then internal.normalise_national_id(value)
      when 'mobile' then internal.normalise_mobile_input(value)
      when 'email' then lower(value)
      when 'full_name' then internal.collapse_spaces(value)
      when 'city' then internal.collapse_spaces(value)
      else value end;
    perform set_config('irtiqaa.rewriting', target.request_id::text, true);
    begin
      execute format('update public.support_requests set %I = $1, updated_at = now() where id = $2', target.field) using value, target.request_id;
    exception when check_violation then
      perform internal.refuse('corrected_value_invalid', 'corrected_value');
    end;
    perform set_config('irtiqaa.rewriting', '', true);
  end if;
  update public.data_requests d
     set outcome = chosen, outcome_note = note, decided_by = me.user_id, decided_at = now()
   where d.id = target.id returning * into changed;
  -- Its message is queued with the beneficiary's address before a deletion removes it.
  insert into public.request_events (request_id, kind, code, actor_id, actor_role, note, data_request_id)
  values (target.request_id, 'data_request',
          case chosen when 'done' then 'data_request_done' when 'refused' then 'data_request_refused' else 'data_request_kept' end::public.request_event_code,
          me.user_id, me.role, note, target.id);
  if chosen = 'done' and target.kind <> 'correction' then
    perform internal.anonymise_request(target.request_id, 'deletion_requested', me.user_id);
    perform pg_notify('irtiqaa_wake_function', 'retention');
  end if;
  return changed;
end;
$$;
