// The reviewed list of columns that hold no personal data (docs/ARCHITECTURE.md, "Personal data:
// the map, retention, rights"): keys, dates, statuses, counts, choices, ratings, secrets' hashes and
// staff ids (a member is named only in public.staff, which the map has). Every column of a table in
// `public` or `internal` is either here or in the data map; a new column fails
// tests/db/personal-data-map.test.ts until someone decides which.
export const NOT_PERSONAL_COLUMNS: Record<string, readonly string[]> = {
  'internal.document_uploads': ['object_name', 'request_id', 'mime_type', 'size_bytes', 'added_by', 'created_at'],
  'internal.notify_wakes': ['id', 'woken_at'],
  'internal.outbox': ['id', 'request_id', 'event_id', 'moment', 'channel', 'locale', 'state', 'attempts', 'retries', 'next_attempt_at', 'claim_id', 'created_at', 'sent_at', 'failed_at', 'provider_id'],
  'internal.outreach_keys': ['id', 'stop_link_key'],
  'internal.outreach_moments': ['moment', 'event_kind', 'to_status', 'event_code', 'is_decision', 'carries_note'],
  'internal.overdue_sweeps': ['id', 'swept_at'],
  'internal.personal_data_map': ['table_name', 'column_name', 'category', 'purpose', 'seen_by', 'kept', 'replacement'],
  'internal.private_link_failures': ['failed_at'],
  'internal.private_links': ['id', 'request_id', 'secret_hash', 'purpose', 'issued_for', 'issued_by', 'created_at', 'revoked_at'],
  'internal.reply_receipts': ['idempotency_key', 'request_id', 'event_id'],
  'internal.request_assignee_tallies': ['assigned_to', 'status', 'shard', 'requests'],
  'internal.request_came_back': ['request_id', 'came_back_at'],
  'internal.request_status_tallies': ['status', 'shard', 'requests'],
  'internal.request_statuses': ['status', 'is_decision', 'is_final', 'awaits_decision', 'pauses_decision_clock'],
  'internal.request_transitions': ['from_status', 'to_status', 'action', 'roles', 'note_refusal'],
  'internal.service_stats_cache': ['singleton', 'computed_at', 'figures'],
  'internal.status_lookup_failures': ['reference', 'failed_at'],
  'internal.stop_link_failures': ['code', 'failed_at'],
  'internal.storage_removals': ['object_name', 'request_id', 'queued_at'],
  'public.contact_preferences': ['request_id', 'sms', 'email', 'stopped_at', 'updated_at', 'updated_by'],
  'public.data_requests': ['id', 'request_id', 'kind', 'field', 'channel', 'registered_by', 'received_at', 'due_by', 'extended_at', 'extended_by', 'outcome', 'decided_by', 'decided_at'],
  'public.overdue_flags': ['request_id', 'flagged_at'],
  'public.request_documents': ['id', 'request_id', 'mime_type', 'size_bytes', 'added_by', 'created_at'],
  'public.request_duplicate_reviews': ['request_id', 'other_request_id', 'outcome', 'reviewed_by', 'reviewed_at'],
  // The access log records staff, not beneficiaries: who (a staff id), when, which request and field, and an
  // admin's reason for a full export (their work, like a staff id; it never holds a value it is about).
  'public.access_log': ['id', 'created_at', 'actor_id', 'actor_role', 'kind', 'request_id', 'field', 'export_since', 'full_values', 'reason'],
  'public.request_events': ['id', 'request_id', 'created_at', 'kind', 'from_status', 'to_status', 'actor_id', 'actor_role', 'assigned_to', 'survey_id', 'code', 'intake_channel', 'message_id', 'message_moment', 'message_channel', 'idempotency_key', 'document_id', 'related_request_id', 'data_request_id'],
  'public.request_views': ['user_id', 'request_id', 'seen_at'],
  'public.satisfaction_surveys': ['id', 'created_at', 'request_id', 'channel', 'overall', 'courtesy', 'clarity', 'speed', 'ease', 'recommend', 'locale', 'idempotency_key', 'through_private_link'],
  'public.staff': ['user_id', 'role', 'active', 'created_at', 'updated_at'],
  'public.staff_events': ['id', 'created_at', 'user_id', 'kind', 'actor_id', 'role', 'factor_id'],
  'public.support_requests': ['id', 'reference', 'created_at', 'updated_at', 'category', 'request_type', 'preferred_channel', 'intake_channel', 'locale', 'accuracy_confirmed', 'accuracy_declaration_version', 'accuracy_confirmed_at', 'privacy_consent', 'idempotency_key', 'registered_by', 'status', 'status_changed_at', 'assigned_to', 'decision_due_from', 'decision_due_by', 'waiting_since', 'time_waiting', 'decided_at', 'decided_by', 'anonymised_at', 'privacy_notice_version', 'privacy_accepted_at'],
};
