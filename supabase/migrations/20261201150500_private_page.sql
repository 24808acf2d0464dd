/*
 * What the private page shows and the uploads it starts (docs/ARCHITECTURE.md, "The private link,
 * documents, who can read what"), for the private-page Edge Function (service role) only: status,
 * timeline and decision window as on /track, what staff asked for, the beneficiary's own replies and
 * documents, the decision with what its letter needs, and whether the service can be rated. Never
 * staff notes, names of staff or documents staff added.
 */

/**
 * How the beneficiary hears about the request, as the page shows it (contact_preferences; read as
 * internal.message_channels reads it): { sms, email, email_available, stopped }. Changed with
 * private_link_set_messages (20261201190000_private_messages.sql).
 */
create function internal.private_page_messages(r public.support_requests) returns jsonb
language sql stable set search_path = '' as $$
  select jsonb_build_object(
    'sms', coalesce(c.sms, true),
    'email', coalesce(c.email, true) and r.email is not null,
    'email_available', r.email is not null,
    'stopped', c.stopped_at is not null)
    from (select 1) one left join public.contact_preferences c on c.request_id = r.id
$$;
revoke all on function internal.private_page_messages(public.support_requests) from public, anon, authenticated, service_role;

/** The page of the request a live link opens, or the link's refusal (private_link_for). */
create function public.private_link_open(p_secret text, p_client text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  found record;
  r public.support_requests;
  decision public.request_events;
begin
  select * into found from internal.private_link_for(p_secret, p_client);
  if found.refusal is not null then return found.refusal; end if;
  r := found.request;
  select e.* into decision from public.request_events e join internal.request_statuses s on s.status = e.to_status
   where e.request_id = r.id and e.kind = 'status_changed' and s.is_decision order by e.id desc limit 1;

  return jsonb_build_object(
    'outcome', 'found',
    'opened_for', (found.link).purpose,
    'reference', r.reference,
    'status', r.status,
    'submitted_at', r.created_at,
    'decision_due_from', r.decision_due_from,
    'decision_due_by', r.decision_due_by,
    'decided_at', r.decided_at,
    'timeline', coalesce((
      select jsonb_agg(jsonb_build_object('status', e.to_status, 'at', e.created_at) order by e.id)
        from public.request_events e where e.request_id = r.id and e.to_status is not null), '[]'::jsonb),
    -- What staff wrote for the beneficiary when they last asked (supabase/CONTRACT.md, "Text for the beneficiary").
    'question', (
      select jsonb_build_object('text', e.note, 'at', e.created_at) from public.request_events e
       join internal.request_statuses s on s.status = e.to_status
       where e.request_id = r.id and e.kind = 'status_changed' and s.pauses_decision_clock order by e.id desc limit 1),
    'can_reply', (select s.pauses_decision_clock from internal.request_statuses s where s.status = r.status),
    'messages', internal.private_page_messages(r),
    'documents_remaining', (internal.request_document_limits()).max_files
      - (select count(*) from public.request_documents d where d.request_id = r.id),
    -- A reply's documents were accepted in its transaction: they share its time.
    'replies', coalesce((
      select jsonb_agg(jsonb_build_object('text', e.note, 'at', e.created_at, 'documents', coalesce((
          select jsonb_agg(jsonb_build_object('name', d.original_name, 'type', d.mime_type, 'size', d.size_bytes) order by d.created_at, d.id)
            from public.request_documents d
           where d.request_id = r.id and d.added_by is null and d.created_at = e.created_at), '[]'::jsonb)) order by e.id)
        from public.request_events e where e.request_id = r.id and e.kind = 'reply'), '[]'::jsonb),
    'decision', case when decision.id is not null then jsonb_build_object(
      'outcome', decision.to_status,
      'at', decision.created_at,
      -- Only a rejection's note is written for the beneficiary (the reason); an acceptance's note is the staff's.
      'reason', case when decision.to_status = 'rejected' then r.decision_note end,
      'decided_by_role', decision.actor_role,
      'full_name', r.full_name) end,
    'survey', jsonb_build_object(
      'open', r.decided_at is not null,
      'given_at', (select s.created_at from public.satisfaction_surveys s where s.request_id = r.id and s.through_private_link))
  );
end;
$$;

/**
 * Reserves object names for the files of a reply the beneficiary is about to send (`[{ name, type,
 * size }]`), after the document checks: { outcome: 'reserved', object_names } or the link's refusal.
 * The Edge Function then hands out a signed upload URL for each name.
 */
create function public.private_link_prepare_upload(p_secret text, p_client text, p_files jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  found record;
  target public.support_requests;
begin
  select * into found from internal.private_link_for(p_secret, p_client);
  if found.refusal is not null then return found.refusal; end if;
  target := found.request;
  if not exists (select 1 from internal.request_statuses s where s.status = target.status and s.pauses_decision_clock) then
    perform internal.refuse('reply_not_expected', null, 'P0001');
  end if;
  return jsonb_build_object('outcome', 'reserved', 'object_names', to_jsonb(internal.reserve_document_uploads(target.id, p_files, null)));
end;
$$;

/**
 * Which of these names were reserved for uploads to the request this link opens: the only files the
 * Edge Function reads and, if the reply is refused, removes. Counts no failure (private_link_reply,
 * called next, does) and tells nothing to whoever does not already hold both the link and the names.
 */
create function public.private_link_uploads(p_secret text, p_object_names text[]) returns text[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(u.object_name order by u.object_name), '{}')
    from internal.private_links l
    join internal.document_uploads u on u.request_id = l.request_id and u.added_by is null
   where l.secret_hash = internal.private_link_hash(coalesce(p_secret, '')) and l.revoked_at is null
     and u.object_name = any (p_object_names)
$$;

revoke all on function public.private_link_open(text, text), public.private_link_prepare_upload(text, text, jsonb),
  public.private_link_uploads(text, text[])
  from public, anon, authenticated, service_role;
grant execute on function public.private_link_open(text, text), public.private_link_prepare_upload(text, text, jsonb),
  public.private_link_uploads(text, text[]) to service_role;
