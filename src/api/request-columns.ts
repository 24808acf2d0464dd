/**
 * The columns of a request staff may read (the request page): every one but the full national ID,
 * mobile and search words, which the database does not grant them (so a `*` is refused: migration
 * 20261202100000_masking.sql). The masked forms stand in for those until the member reveals one.
 */
export const REQUEST_COLUMNS = [
  'id', 'reference', 'created_at', 'updated_at', 'full_name', 'national_id_masked', 'mobile_masked', 'email', 'city', 'category',
  'request_type', 'description', 'preferred_channel', 'intake_channel', 'locale', 'accuracy_confirmed', 'accuracy_declaration_version',
  'accuracy_confirmed_at', 'privacy_consent', 'registered_by', 'status', 'status_changed_at', 'assigned_to', 'decision_due_from',
  'decision_due_by', 'waiting_since', 'time_waiting', 'decided_at', 'decided_by', 'decision_note', 'anonymised_at',
  'privacy_notice_version', 'privacy_accepted_at',
].join(',');
