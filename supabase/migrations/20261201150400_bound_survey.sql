/*
 * Rating the service from the private page (docs/ARCHITECTURE.md, "The private link, documents,
 * who can read what"): the survey is bound to the request the link opens, once its decision is
 * made; one survey per request, and a second is refused (the page says so); a low score opens a
 * follow-up, as before. The public /survey stays open for anonymous feedback and may still name a
 * reference, but a reference alone no longer opens a follow-up: anyone who knows one could attach
 * low scores to it. This migration holds the current definition of submit_satisfaction_survey.
 */

alter table public.satisfaction_surveys
  add column through_private_link boolean not null default false,
  add constraint satisfaction_surveys_bound_to_request check (not through_private_link or request_id is not null);
comment on column public.satisfaction_surveys.through_private_link is
  'Sent from the request''s private page: bound to it, one per request; a low score opened a follow-up.';
-- Older comments are not checked again (not valid); every new one is.
alter table public.satisfaction_surveys
  add constraint satisfaction_surveys_comment_characters check (comment !~ internal.description_hidden_characters()) not valid;
create unique index satisfaction_surveys_one_per_request_idx on public.satisfaction_surveys (request_id) where through_private_link;

/* ---------------------------------------------------------------------------------------- */
/* The answers, checked and stored once                                                      */
/* ---------------------------------------------------------------------------------------- */

/** The answers' rules after the reference, in the schema's field order (src/schemas/satisfaction-survey.ts). */
create function internal.check_survey_answers(
  p_channel text, p_overall int, p_courtesy int, p_clarity int, p_speed int, p_ease int, p_recommend int, p_comment text, p_locale text
) returns void
language plpgsql stable set search_path = '' as $$
begin
  if coalesce(p_channel, '') <> '' and not (p_channel = any (enum_range(null::public.channel)::text[])) then
    perform internal.refuse('channel_invalid', 'channel');
  end if;
  if p_overall is null or p_overall not between 1 and 5 then perform internal.refuse('rating_overall_required', 'overall'); end if;
  if p_courtesy is null or p_courtesy not between 1 and 5 then perform internal.refuse('rating_courtesy_required', 'courtesy'); end if;
  if p_clarity is null or p_clarity not between 1 and 5 then perform internal.refuse('rating_clarity_required', 'clarity'); end if;
  if p_speed is null or p_speed not between 1 and 5 then perform internal.refuse('rating_speed_required', 'speed'); end if;
  if p_ease is null or p_ease not between 1 and 5 then perform internal.refuse('rating_ease_required', 'ease'); end if;
  if p_recommend is not null and p_recommend not between 0 and 10 then perform internal.refuse('recommend_range', 'recommend'); end if;
  if char_length(internal.js_trim(coalesce(p_comment, ''))) > 2000 then perform internal.refuse('comment_length', 'comment'); end if;
  -- Staff read the comment: none of the hidden characters a description refuses (issue 15, hole 7).
  if p_comment ~ internal.description_hidden_characters() then perform internal.refuse('comment_characters', 'comment'); end if;
  if p_locale is null or p_locale not in ('ar', 'en') then perform internal.refuse('locale_required', 'locale'); end if;
end;
$$;

/** Stores checked answers; the same idempotency key returns the survey it stored the first time. */
create function internal.save_survey(
  p_request_id uuid, p_through_private_link boolean, p_channel text, p_overall int, p_courtesy int, p_clarity int,
  p_speed int, p_ease int, p_recommend int, p_comment text, p_locale text, p_idempotency_key uuid
) returns public.satisfaction_surveys
language plpgsql volatile set search_path = '' as $$
declare
  saved public.satisfaction_surveys;
begin
  insert into public.satisfaction_surveys (request_id, through_private_link, channel, overall, courtesy, clarity, speed, ease,
    recommend, comment, locale, idempotency_key)
  values (p_request_id, p_through_private_link, nullif(p_channel, '')::public.channel, p_overall, p_courtesy, p_clarity, p_speed,
    p_ease, p_recommend, nullif(internal.js_trim(coalesce(p_comment, '')), ''), p_locale, p_idempotency_key)
  on conflict (idempotency_key) do nothing
  returning * into saved;
  if saved.id is null then
    select * into saved from public.satisfaction_surveys s where s.idempotency_key = p_idempotency_key;
  end if;
  return saved;
end;
$$;

revoke all on function internal.check_survey_answers(text, int, int, int, int, int, int, text, text),
  internal.save_survey(uuid, boolean, text, int, int, int, int, int, int, text, text, uuid)
  from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* The public survey: anonymous feedback                                                     */
/* ---------------------------------------------------------------------------------------- */

create or replace function public.submit_satisfaction_survey(
  p_reference text, p_channel text, p_overall int, p_courtesy int, p_clarity int, p_speed int,
  p_ease int, p_recommend int, p_comment text, p_locale text, p_idempotency_key uuid
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  ref text := case when internal.js_trim(coalesce(p_reference, '')) = '' then '' else internal.normalise_reference(p_reference) end;
  request_id uuid;
  saved public.satisfaction_surveys;
begin
  perform internal.refuse_read_only_call();
  if p_idempotency_key is not null then
    select * into saved from public.satisfaction_surveys s where s.idempotency_key = p_idempotency_key;
    if saved.id is not null then
      return jsonb_build_object('id', saved.id);
    end if;
  end if;

  -- In the schema's field order.
  if ref <> '' and ref !~ '^IRT-[0-9A-HJKMNP-TV-Z]{8}$' then perform internal.refuse('reference_format', 'reference'); end if;
  perform internal.check_survey_answers(p_channel, p_overall, p_courtesy, p_clarity, p_speed, p_ease, p_recommend, p_comment, p_locale);
  -- A reference nobody holds is answered as a real one (issue 15, hole 5: no anonymous function
  -- tells whether a reference exists); the survey is then kept without a request.
  if ref <> '' then
    select r.id into request_id from public.support_requests r where r.reference = ref;
  end if;

  -- No follow-up from here, whatever the score: only the private page's survey opens one.
  saved := internal.save_survey(request_id, false, p_channel, p_overall, p_courtesy, p_clarity, p_speed, p_ease,
    p_recommend, p_comment, p_locale, p_idempotency_key);
  return jsonb_build_object('id', saved.id);
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* The private page's survey                                                                 */
/* ---------------------------------------------------------------------------------------- */

/**
 * Rates the service for the request the link opens (private-page Edge Function, service role):
 * { outcome: 'rated', at } or the link's refusal. Refused with survey_not_open before the decision,
 * survey_already_given once the request has its survey, and the answers' own rule keys.
 */
create function public.private_link_rate(
  p_secret text, p_client text, p_channel text, p_overall int, p_courtesy int, p_clarity int, p_speed int,
  p_ease int, p_recommend int, p_comment text, p_locale text, p_idempotency_key uuid
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  found record;
  target public.support_requests;
  saved public.satisfaction_surveys;
begin
  select * into found from internal.private_link_for(p_secret, p_client);
  if found.refusal is not null then return found.refusal; end if;
  target := found.request;

  select * into saved from public.satisfaction_surveys s where s.idempotency_key = p_idempotency_key;
  if saved.id is not null and saved.request_id = target.id and saved.through_private_link then
    return jsonb_build_object('outcome', 'rated', 'at', saved.created_at);
  end if;
  if target.decided_at is null then perform internal.refuse('survey_not_open', null, 'P0001'); end if;
  if saved.id is not null or exists (select 1 from public.satisfaction_surveys s where s.request_id = target.id and s.through_private_link) then
    perform internal.refuse('survey_already_given', null, 'P0001');
  end if;
  perform internal.check_survey_answers(p_channel, p_overall, p_courtesy, p_clarity, p_speed, p_ease, p_recommend, p_comment, p_locale);
  begin
    saved := internal.save_survey(target.id, true, p_channel, p_overall, p_courtesy, p_clarity, p_speed, p_ease,
      p_recommend, p_comment, p_locale, p_idempotency_key);
  exception when unique_violation then
    -- Another tab sent its survey at the same moment.
    perform internal.refuse('survey_already_given', null, 'P0001');
  end;
  if p_overall <= 2 then
    perform internal.record_low_score_follow_up(target.id, saved.id);
  end if;
  return jsonb_build_object('outcome', 'rated', 'at', saved.created_at);
end;
$$;

revoke all on function public.private_link_rate(text, text, text, int, int, int, int, int, int, text, text, uuid)
  from public, anon, authenticated, service_role;
grant execute on function public.private_link_rate(text, text, text, int, int, int, int, int, int, text, text, uuid) to service_role;
