/*
 * Satisfaction surveys (policy, detailed goals 5 and 6-t: rating the service is the
 * beneficiary's right, a tool for improvement, never for blame). Checks mirror
 * src/schemas/satisfaction-survey.ts (`satisfaction_surveys_<rule_key>`).
 */

create table public.satisfaction_surveys (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  request_id uuid references public.support_requests (id),
  channel public.channel,
  overall smallint not null constraint satisfaction_surveys_rating_overall_required check (overall between 1 and 5),
  courtesy smallint not null constraint satisfaction_surveys_rating_courtesy_required check (courtesy between 1 and 5),
  clarity smallint not null constraint satisfaction_surveys_rating_clarity_required check (clarity between 1 and 5),
  speed smallint not null constraint satisfaction_surveys_rating_speed_required check (speed between 1 and 5),
  ease smallint not null constraint satisfaction_surveys_rating_ease_required check (ease between 1 and 5),
  recommend smallint constraint satisfaction_surveys_recommend_range check (recommend between 0 and 10),
  comment text constraint satisfaction_surveys_comment_length check (char_length(comment) <= 2000),
  locale text not null constraint satisfaction_surveys_locale_required check (locale in ('ar', 'en')),
  idempotency_key uuid unique
);
alter table public.satisfaction_surveys enable row level security;
revoke all on public.satisfaction_surveys from anon, authenticated, service_role;
comment on table public.satisfaction_surveys is 'Anonymous-friendly service ratings, optionally linked to a request; read by staff only.';
create index satisfaction_surveys_request_idx on public.satisfaction_surveys (request_id) where request_id is not null;

create policy "Active staff can read the surveys"
  on public.satisfaction_surveys for select to authenticated
  using ((select internal.is_active_staff()));
grant select on public.satisfaction_surveys to authenticated, service_role;

-- Superseded: the current definition (the follow-up also records its code) is in 20261201100300_event_codes.sql.
create function public.submit_satisfaction_survey(
  p_reference text, p_channel text, p_overall int, p_courtesy int, p_clarity int, p_speed int,
  p_ease int, p_recommend int, p_comment text, p_locale text, p_idempotency_key uuid
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  ref text := case when internal.js_trim(coalesce(p_reference, '')) = '' then '' else internal.normalise_reference(p_reference) end;
  comment text := internal.js_trim(coalesce(p_comment, ''));
  request_id uuid;
  saved public.satisfaction_surveys;
begin
  if p_idempotency_key is not null then
    select * into saved from public.satisfaction_surveys where idempotency_key = p_idempotency_key;
    if saved.id is not null then
      return jsonb_build_object('id', saved.id);
    end if;
  end if;

  -- In the schema's field order.
  if ref <> '' and ref !~ '^IRT-[0-9A-HJKMNP-TV-Z]{8}$' then perform internal.refuse('reference_format', 'reference'); end if;
  if coalesce(p_channel, '') <> '' and not (p_channel = any (enum_range(null::public.channel)::text[])) then
    perform internal.refuse('channel_invalid', 'channel');
  end if;
  if p_overall is null or p_overall not between 1 and 5 then perform internal.refuse('rating_overall_required', 'overall'); end if;
  if p_courtesy is null or p_courtesy not between 1 and 5 then perform internal.refuse('rating_courtesy_required', 'courtesy'); end if;
  if p_clarity is null or p_clarity not between 1 and 5 then perform internal.refuse('rating_clarity_required', 'clarity'); end if;
  if p_speed is null or p_speed not between 1 and 5 then perform internal.refuse('rating_speed_required', 'speed'); end if;
  if p_ease is null or p_ease not between 1 and 5 then perform internal.refuse('rating_ease_required', 'ease'); end if;
  if p_recommend is not null and p_recommend not between 0 and 10 then perform internal.refuse('recommend_range', 'recommend'); end if;
  if char_length(comment) > 2000 then perform internal.refuse('comment_length', 'comment'); end if;
  if p_locale is null or p_locale not in ('ar', 'en') then perform internal.refuse('locale_required', 'locale'); end if;

  if ref <> '' then
    select r.id into request_id from public.support_requests r where r.reference = ref;
    if request_id is null then perform internal.refuse('reference_unknown', 'reference'); end if;
  end if;

  insert into public.satisfaction_surveys (request_id, channel, overall, courtesy, clarity, speed, ease, recommend, comment, locale, idempotency_key)
  values (request_id, nullif(p_channel, '')::public.channel, p_overall, p_courtesy, p_clarity, p_speed, p_ease, p_recommend, nullif(comment, ''), p_locale, p_idempotency_key)
  on conflict (idempotency_key) do nothing
  returning * into saved;
  if saved.id is null then
    select * into saved from public.satisfaction_surveys where idempotency_key = p_idempotency_key;
    return jsonb_build_object('id', saved.id);
  end if;

  -- A low score is a reason to call the beneficiary back, never to blame anyone.
  if request_id is not null and p_overall <= 2 then
    insert into public.request_events (request_id, kind, note, survey_id)
    values (request_id, 'follow_up', 'low_satisfaction_score', saved.id);
  end if;
  return jsonb_build_object('id', saved.id);
end;
$$;

revoke all on function public.submit_satisfaction_survey(text, text, int, int, int, int, int, int, text, text, uuid) from public, anon, authenticated, service_role;
grant execute on function public.submit_satisfaction_survey(text, text, int, int, int, int, int, int, text, text, uuid)
  to anon, authenticated, service_role;
