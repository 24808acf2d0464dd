/*
 * The beneficiary's copy of everything held about their request (docs/ARCHITECTURE.md, "Personal
 * data: the map, retention, rights"; PDPL Article 4), for the private-page Edge Function (service
 * role) only. Its personal fields are the data map's columns of the request (internal.personal_data_map),
 * so a column the map gains is in the copy too; with them the facts of the request, its history as the
 * beneficiary sees it, their replies and documents, the messages sent to them, their ratings and their
 * data requests. Staff notes and staff names are the association's working record and stay out, as on
 * the private page.
 */

create function public.private_link_copy(p_secret text, p_client text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  found record;
  r public.support_requests;
begin
  select * into found from internal.private_link_for(p_secret, p_client);
  if found.refusal is not null then return found.refusal; end if;
  r := found.request;
  return jsonb_build_object('outcome', 'copy', 'copy', jsonb_build_object(
    'made_at', now(),
    'reference', r.reference,
    'personal_data', (
      select jsonb_object_agg(m.column_name, to_jsonb(r) -> m.column_name order by m.column_name)
        from internal.personal_data_map m
       where m.table_name = 'public.support_requests' and m.seen_by <> 'nobody'),
    'request', jsonb_build_object(
      'status', r.status, 'submitted_at', r.created_at, 'category', r.category, 'request_type', r.request_type,
      'preferred_channel', r.preferred_channel, 'intake_channel', r.intake_channel, 'locale', r.locale,
      'decision_due_from', r.decision_due_from, 'decision_due_by', r.decision_due_by, 'decided_at', r.decided_at,
      'accuracy_confirmed_at', r.accuracy_confirmed_at, 'accuracy_declaration_version', r.accuracy_declaration_version,
      'privacy_notice_version', r.privacy_notice_version, 'privacy_accepted_at', r.privacy_accepted_at,
      'anonymised_at', r.anonymised_at),
    'history', coalesce((
      select jsonb_agg(jsonb_build_object('kind', e.kind, 'code', e.code, 'status', e.to_status, 'at', e.created_at,
               -- Only what was written for the beneficiary: what staff asked, a rejection's reason, their own replies.
               'text', case when e.kind = 'reply' or (e.kind = 'status_changed' and (s.pauses_decision_clock or e.to_status = 'rejected')) then e.note end)
             order by e.id)
        from public.request_events e left join internal.request_statuses s on s.status = e.to_status
       where e.request_id = r.id and e.kind in ('submitted', 'status_changed', 'reply', 'document', 'data_request', 'anonymised')), '[]'),
    'documents', coalesce((
      select jsonb_agg(jsonb_build_object('name', d.original_name, 'type', d.mime_type, 'size', d.size_bytes, 'at', d.created_at) order by d.created_at)
        from public.request_documents d where d.request_id = r.id and d.added_by is null), '[]'),
    'messages', coalesce((
      select jsonb_agg(jsonb_build_object('moment', o.moment, 'channel', o.channel, 'to', o.recipient, 'state', o.state, 'at', o.created_at, 'sent_at', o.sent_at) order by o.id)
        from internal.outbox o where o.request_id = r.id), '[]'),
    'contact_preferences', (
      select jsonb_build_object('sms', c.sms, 'email', c.email, 'stopped_at', c.stopped_at) from public.contact_preferences c where c.request_id = r.id),
    'ratings', coalesce((
      select jsonb_agg(jsonb_build_object('at', v.created_at, 'overall', v.overall, 'courtesy', v.courtesy, 'clarity', v.clarity,
               'speed', v.speed, 'ease', v.ease, 'recommend', v.recommend, 'comment', v.comment) order by v.created_at)
        from public.satisfaction_surveys v where v.request_id = r.id), '[]'),
    'data_requests', coalesce((
      select jsonb_agg(jsonb_build_object('kind', d.kind, 'field', d.field, 'details', d.details, 'received_at', d.received_at,
               'due_by', d.due_by, 'extension_reason', d.extension_reason, 'outcome', d.outcome, 'outcome_note', d.outcome_note,
               'decided_at', d.decided_at) order by d.received_at)
        from public.data_requests d where d.request_id = r.id), '[]')
  ));
end;
$$;

revoke all on function public.private_link_copy(text, text) from public, anon, authenticated, service_role;
grant execute on function public.private_link_copy(text, text) to service_role;
