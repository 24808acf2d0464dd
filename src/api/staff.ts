import type { Session } from '@supabase/supabase-js';
import type { DataRequestKind, DataRequestOutcome } from '../lib/data-requests';
import { declaredType } from '../lib/request-documents';
import type { RequestStatus, StaffRole } from '../lib/workflow';
import { ON_BEHALF_RULE_FIELDS, type OnBehalfRequest } from '../schemas/on-behalf-request';
import { DEFAULT_QUEUE_VIEW, type QueueView } from '../schemas/queue-view';
import { exportRows, type ExportKind, type ExportRange } from './export';
import { fetchAll } from './fetch-all';
import { queueArguments } from './queue-query';
import { REQUEST_COLUMNS } from './request-columns';
import { requestArguments, type RequestReceipt } from './request-arguments';
import { ruleKeyOf, type PostgrestLikeError } from './rpc-outcome';
import { staffClient as db } from './staff-client';
import type {
  AccessLogRow, CameBackRow, ContactPreferences, DataRequestRow, DuplicateOutcome, QueueRow, RequestDocument, RequestEvent, SameApplicantRequest, StaffLoadRow,
  StaffMember, SupportRequestRow, UndeliveredMessage,
} from './staff-types';
import { BENEFICIARY_MESSAGE_RULE_FIELDS } from '../schemas/beneficiary-message';

/**
 * Every call the staff workspace makes (supabase/CONTRACT.md, "Staff"), one function each.
 * Row-level security decides what a member reads: a read the database refuses answers nothing,
 * as the views then say. A change answers a `StaffResult`: the database's rule key when it
 * refuses (and the field, for a request's rules), so the view shows the locale's sentence.
 */
export interface StaffFailure {
  ruleKey: string | null;
  field: string | null;
  /** request_changed: the ids of the requests another member changed meanwhile. */
  changed?: string[];
}
export type StaffResult<T = null> = { ok: true; data: T } | { ok: false; failure: StaffFailure };

const STAFF_COLUMNS = 'user_id, full_name, role, active';

function changedIds(details: string | null | undefined): string[] {
  try {
    const ids: unknown = JSON.parse(details ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function refused(error: PostgrestLikeError, status: number, fields: Readonly<Record<string, string>> = {}): { ok: false; failure: StaffFailure } {
  const ruleKey = ruleKeyOf(error, status);
  const failure: StaffFailure = { ruleKey, field: ruleKey === null ? null : (fields[ruleKey] ?? null) };
  if (ruleKey === 'request_changed') failure.changed = changedIds(error.details);
  return { ok: false, failure };
}

/** A call that answers data, or the database's refusal. */
async function read<T>(call: PromiseLike<{ data: unknown; error: PostgrestLikeError | null; status: number }>): Promise<StaffResult<T>> {
  const { data, error, status } = await call;
  return error ? refused(error, status) : { ok: true, data: data as T };
}

async function change(call: PromiseLike<{ error: PostgrestLikeError | null; status: number }>): Promise<StaffResult> {
  const { error, status } = await call;
  return error ? refused(error, status) : { ok: true, data: null };
}

// Session ------------------------------------------------------------------------------------

/** Signs in with e-mail and password; a refusal gives GoTrue's HTTP status (429: slowed down). */
export async function signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; status: number | undefined }> {
  const { error } = await db.auth.signInWithPassword({ email, password });
  return error ? { ok: false, status: error.status } : { ok: true };
}

export async function signOut(): Promise<void> {
  await db.auth.signOut();
}

// The second step ----------------------------------------------------------------------------

/**
 * Where the signed-in member stands with the second factor (the database opens nothing before it):
 * done (`aal2`), a code to enter for their authenticator, or, the first time, one to set up.
 */
export type TwoFactorStep = { step: 'done' } | { step: 'code'; factorId: string } | { step: 'enrol' } | { step: 'unavailable' };

/** Whether the current session has passed the second step (its token says aal2). */
export async function hasTwoFactorSession(): Promise<boolean> {
  const { data } = await db.auth.mfa.getAuthenticatorAssuranceLevel();
  return data?.currentLevel === 'aal2';
}

export async function twoFactorStep(): Promise<TwoFactorStep> {
  const { data: level, error } = await db.auth.mfa.getAuthenticatorAssuranceLevel();
  if (error) return { step: 'unavailable' };
  if (level.currentLevel === 'aal2') return { step: 'done' };
  const { data: factors, error: listError } = await db.auth.mfa.listFactors();
  if (listError) return { step: 'unavailable' };
  const factor = factors.totp[0];
  return factor ? { step: 'code', factorId: factor.id } : { step: 'enrol' };
}

export type AuthOutcome<T = null> = { ok: true; data: T } | { ok: false; status: number | undefined };

export interface NewAuthenticator {
  factorId: string;
  /** GoTrue's QR code, an SVG that supabase-js hands over as a data: URI: shown as an image, sent nowhere. */
  qrCode: string;
  /** The same key as text, for an app that cannot scan. */
  secret: string;
}

/** Starts setting up an authenticator app (TOTP); the factor counts once a code from it is verified. */
export async function enrolAuthenticator(): Promise<AuthOutcome<NewAuthenticator>> {
  const { data, error } = await db.auth.mfa.enroll({ factorType: 'totp' });
  if (error) return { ok: false, status: error.status };
  return { ok: true, data: { factorId: data.id, qrCode: data.totp.qr_code, secret: data.totp.secret } };
}

/** Checks a code of the authenticator; the session becomes aal2. A refusal gives GoTrue's status (422: wrong code, 429: slowed down). */
export async function verifyAuthenticatorCode(factorId: string, code: string): Promise<AuthOutcome> {
  const { error } = await db.auth.mfa.challengeAndVerify({ factorId, code });
  return error ? { ok: false, status: error.status } : { ok: true, data: null };
}

/** Calls `onChange` with the current session, then on every sign-in, refresh and sign-out; returns the unsubscribe. */
export function watchSession(onChange: (session: Session | null) => void): () => void {
  db.auth.getSession().then(({ data }) => onChange(data.session));
  const { data } = db.auth.onAuthStateChange((_event, session) => onChange(session));
  return () => data.subscription.unsubscribe();
}

/**
 * After the database refused even the member's own row: whether the session itself has ended
 * (signed out on another device, its factor reset, the account deleted). Then it is dropped here
 * too, and the workspace shows the sign-in form again.
 */
export async function dropEndedSession(): Promise<boolean> {
  const { error } = await db.auth.getUser();
  if (!error?.status || error.status >= 500) return false;
  await db.auth.signOut({ scope: 'local' });
  return true;
}

/** The signed-in user's own `staff` row (an inactive member reads only this), or null. */
export async function loadMembership(userId: string): Promise<StaffMember | null> {
  const { data } = await db.from('staff').select(STAFF_COLUMNS).eq('user_id', userId).maybeSingle();
  return (data as StaffMember | null) ?? null;
}

// Requests -----------------------------------------------------------------------------------

/** How many requests are in each status: one aggregate call (request_status_counts). */
export async function loadStatusCounts(): Promise<StaffResult<Partial<Record<RequestStatus, number>>>> {
  const result = await read<{ status: RequestStatus; requests: number }[]>(db.rpc('request_status_counts'));
  return result.ok ? { ok: true, data: Object.fromEntries(result.data.map((row) => [row.status, row.requests])) } : result;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  /** More than 1,000 matched: `total` is the database's estimate. */
  totalEstimated: boolean;
}

/** One page of the queue as a view describes it (queue_requests: the database filters, sorts and pages). */
export async function loadQueuePage(view: QueueView, myId: string, pageSize?: number): Promise<StaffResult<QueuePage>> {
  const result = await read<{ rows: QueueRow[]; total: number; total_estimated: boolean }>(db.rpc('queue_requests', queueArguments(view, myId, pageSize)));
  return result.ok ? { ok: true, data: { rows: result.data.rows, total: result.data.total, totalEstimated: result.data.total_estimated } } : result;
}

/** The lists of my_work(), in the order the view shows them. */
export const MY_WORK_SECTIONS = ['came_back', 'due', 'waiting'] as const;
export type MyWorkSection = (typeof MY_WORK_SECTIONS)[number];

export interface MyWork {
  due: QueueRow[];
  waiting: QueueRow[];
  came_back: CameBackRow[];
  counts: { due: number; waiting: number; came_back: number };
}

/** The signed-in member's open requests: due first, waiting on the beneficiary, came back since they last looked. */
export function loadMyWork(): Promise<StaffResult<MyWork>> {
  return read<MyWork>(db.rpc('my_work'));
}

/** For supervisors and admins: open, waiting and overdue requests per member (staff_load). */
export function loadStaffLoad(): Promise<StaffResult<StaffLoadRow[]>> {
  return read<StaffLoadRow[]>(db.rpc('staff_load'));
}

/** The request (masked) with its duplicate flag, and its whole history, oldest first (the names come from the shell's staff list). */
export async function loadRequest(id: string): Promise<{ request: SupportRequestRow | null; events: RequestEvent[] }> {
  const [request, duplicate, events] = await Promise.all([
    db.from('support_requests').select(REQUEST_COLUMNS).eq('id', id).maybeSingle(),
    db.rpc('request_possible_duplicate', { p_request_id: id }),
    db.from('request_events').select(`*, related_request:support_requests!request_events_related_request_id_fkey(reference)`)
      .eq('request_id', id).order('created_at', { ascending: true }).order('id', { ascending: true }),
  ]);
  const row = (request.data as SupportRequestRow | null) ?? null;
  return { request: row && { ...row, possible_duplicate: duplicate.data === true }, events: (events.data ?? []) as RequestEvent[] };
}

/** The fields staff see masked and may reveal, one at a time (internal.revealable_fields()). */
export const REVEALABLE_FIELDS = ['national_id', 'mobile'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

/** The full national ID or mobile of a request; the database records the reveal in the access log. */
export async function revealApplicantField(requestId: string, field: RevealableField): Promise<StaffResult<string>> {
  return read<string>(db.rpc('reveal_applicant_field', { p_request_id: requestId, p_field: field }));
}

/** Records that the member is looking at the request now ("came back since I last looked"). */
export async function markRequestSeen(id: string): Promise<void> {
  await db.rpc('mark_request_seen', { p_request_id: id });
}

/** `expectedUpdatedAt`: the version the member saw; a change made meanwhile refuses the move (request_changed). */
export function transitionRequest(requestId: string, to: RequestStatus, note: string | null, expectedUpdatedAt?: string): Promise<StaffResult> {
  return change(db.rpc('transition_request', { p_request_id: requestId, p_to: to, p_note: note, p_expected_updated_at: expectedUpdatedAt ?? null }));
}

export function assignRequest(requestId: string, assignee: string | null, expectedUpdatedAt?: string): Promise<StaffResult> {
  return change(db.rpc('assign_request', { p_request_id: requestId, p_assignee: assignee, p_expected_updated_at: expectedUpdatedAt ?? null }));
}

/** Assigns the requests (each as the member saw it) to one member or nobody, all or nothing; each request's history records it. */
export function assignRequests(requests: { id: string; updated_at: string }[], assignee: string | null): Promise<StaffResult> {
  return change(db.rpc('assign_requests', {
    p_request_ids: requests.map((r) => r.id),
    p_assignee: assignee,
    p_expected_updated_at: requests.map((r) => r.updated_at),
  }));
}

export function addRequestNote(requestId: string, note: string): Promise<StaffResult> {
  return change(db.rpc('add_request_note', { p_request_id: requestId, p_note: note }));
}

/** The other requests of the same applicant (national ID or mobile), with the flag and what staff decided. */
export function loadSameApplicant(requestId: string): Promise<StaffResult<SameApplicantRequest[]>> {
  return read<SameApplicantRequest[]>(db.rpc('request_duplicates', { p_request_id: requestId }));
}

/** Links two requests of the same applicant, or dismisses the flag; both histories record it. */
export function reviewPossibleDuplicate(requestId: string, otherRequestId: string, outcome: DuplicateOutcome): Promise<StaffResult> {
  return change(db.rpc('review_possible_duplicate', { p_request_id: requestId, p_other_request_id: otherRequestId, p_outcome: outcome }));
}

export interface OpenRequestOfApplicant {
  id: string;
  reference: string;
  status: RequestStatus;
  created_at: string;
  same_national_id: boolean;
  same_mobile: boolean;
}

/** Before registering: the open requests of an applicant with this national ID or mobile. */
export function findOpenRequestsOfApplicant(nationalId: string, mobile: string): Promise<StaffResult<OpenRequestOfApplicant[]>> {
  return read<OpenRequestOfApplicant[]>(db.rpc('open_requests_for_applicant', { p_national_id: nationalId, p_mobile: mobile }));
}

/**
 * Registers a request received by phone, interview, letter, representative or volunteer; answers
 * its id for the detail view and its private link's secret, to give the beneficiary (shown once).
 */
export async function registerRequestOnBehalf(
  request: OnBehalfRequest,
  idempotencyKey: string,
): Promise<StaffResult<{ id: string | null; reference: string; privateLinkSecret: string }>> {
  const { data, error, status } = await db.rpc('register_request_on_behalf', {
    ...requestArguments(request, idempotencyKey),
    p_intake_channel: request.intake_channel,
  });
  if (error) return refused(error, status, ON_BEHALF_RULE_FIELDS);
  const { reference, private_link_secret: privateLinkSecret } = data as RequestReceipt;
  const { data: row } = await db.from('support_requests').select('id').eq('reference', reference).maybeSingle();
  return { ok: true, data: { id: (row?.id as string | undefined) ?? null, reference, privateLinkSecret } };
}

// Messages to the beneficiary (issue 13) -----------------------------------------------------

/** How the beneficiary wants to hear about this request; null if it cannot be read. */
export async function loadContactPreferences(requestId: string): Promise<ContactPreferences | null> {
  const { data } = await db.from('contact_preferences').select('*').eq('request_id', requestId).maybeSingle();
  return (data as ContactPreferences | null) ?? null;
}

export function setContactPreferences(requestId: string, choice: { sms: boolean; email: boolean; stopped: boolean }): Promise<StaffResult> {
  return change(db.rpc('set_contact_preferences', { p_request_id: requestId, p_sms: choice.sms, p_email: choice.email, p_stopped: choice.stopped }));
}

/** Sends the beneficiary a message on their chosen channels; the same key never sends twice. */
export async function sendStaffMessage(requestId: string, message: string, idempotencyKey: string): Promise<StaffResult<{ channels: string[] }>> {
  const { data, error, status } = await db.rpc('send_staff_message', { p_request_id: requestId, p_message: message, p_idempotency_key: idempotencyKey });
  if (error) return refused(error, status, BENEFICIARY_MESSAGE_RULE_FIELDS);
  return { ok: true, data: { channels: ((data as { channels?: string[] } | null)?.channels ?? []) } };
}

/** Closes the follow-up of a low score; the note (what was done) is sent to the beneficiary. */
export function closeFollowUp(requestId: string, note: string): Promise<StaffResult> {
  return change(db.rpc('close_follow_up', { p_request_id: requestId, p_note: note }));
}

/** Messages that failed for good, newest first (at most 200). */
export async function loadUndeliveredMessages(): Promise<StaffResult<UndeliveredMessage[]>> {
  return read<UndeliveredMessage[]>(db.rpc('undelivered_messages'));
}

export function retryMessage(messageId: number): Promise<StaffResult> {
  return change(db.rpc('retry_message', { p_message_id: messageId }));
}

// Data requests (personal data) --------------------------------------------------------------------

const DATA_REQUEST_COLUMNS = '*, support_requests(reference)';

/** Data requests not yet answered, soonest deadline first (supervisors and admins handle them). */
export function loadOpenDataRequests(): Promise<StaffResult<DataRequestRow[]>> {
  return read<DataRequestRow[]>(db.from('data_requests').select(DATA_REQUEST_COLUMNS).is('outcome', null).order('due_by').limit(500));
}

/** A request's data requests, oldest first. */
export function loadDataRequestsOf(requestId: string): Promise<StaffResult<DataRequestRow[]>> {
  return read<DataRequestRow[]>(db.from('data_requests').select(DATA_REQUEST_COLUMNS).eq('request_id', requestId).order('received_at'));
}

/** One received by phone, letter, interview...: registered the same way as from the private page. */
export function registerDataRequest(requestId: string, kind: DataRequestKind, channel: string, field: string | null, details: string | null): Promise<StaffResult> {
  return change(db.rpc('register_data_request', { p_request_id: requestId, p_kind: kind, p_channel: channel, p_field: field, p_details: details }));
}

/** Once, with the reason the beneficiary is told: 30 more days. */
export function extendDataRequest(id: string, reason: string): Promise<StaffResult> {
  return change(db.rpc('extend_data_request', { p_id: id, p_reason: reason }));
}

export function decideDataRequest(id: string, outcome: DataRequestOutcome, note: string, correctedValue: string | null): Promise<StaffResult> {
  return change(db.rpc('decide_data_request', { p_id: id, p_outcome: outcome, p_note: note, p_corrected_value: correctedValue }));
}

// Staff administration ---------------------------------------------------------------------------

export async function listStaff(): Promise<StaffMember[]> {
  const { data } = await db.from('staff').select(STAFF_COLUMNS).order('full_name');
  return (data ?? []) as StaffMember[];
}

export function setStaffRole(userId: string, role: StaffRole): Promise<StaffResult> {
  return change(db.rpc('set_staff_role', { p_user_id: userId, p_role: role }));
}

export function setStaffActive(userId: string, active: boolean): Promise<StaffResult> {
  return change(db.rpc('set_staff_active', { p_user_id: userId, p_active: active }));
}

/**
 * Resets another member's second factor (they lost their authenticator): the `staff-factors` Edge
 * Function, after public.reset_staff_factors has checked the admin and recorded it. The member then
 * signs in with their password and sets up a new authenticator.
 */
export async function resetStaffFactors(userId: string): Promise<StaffResult<{ removed: number }>> {
  const { data, error, response } = await db.functions.invoke<{ removed: number }>('staff-factors', { body: { user_id: userId } });
  if (!error) return { ok: true, data: { removed: data?.removed ?? 0 } };
  const body = (await response?.json().catch(() => null)) as PostgrestLikeError | null;
  return refused(body ?? {}, response?.status ?? 0);
}

// Reports ----------------------------------------------------------------------------------------

export interface SurveyRow {
  id: string;
  created_at: string;
  overall: number;
  courtesy: number;
  clarity: number;
  speed: number;
  ease: number;
  recommend: number | null;
  comment: string | null;
  request_id: string | null;
  /** Embedded through the request_id foreign key. */
  support_requests?: { reference: string } | null;
}

/** Surveys since `since`, newest first (at most 5,000: a year of the association's volume). */
export async function loadSurveys(since: Date): Promise<SurveyRow[]> {
  const { data } = await db
    .from('satisfaction_surveys')
    .select('*, support_requests(reference)')
    .gte('created_at', since.toISOString())
    .order('created_at', { ascending: false })
    .limit(5000);
  return (data ?? []) as SurveyRow[];
}

/** When staff wrote notes on these requests, or closed their follow-up: a low score counts as followed up by either, later. */
export async function loadNoteTimes(requestIds: string[]): Promise<{ request_id: string; created_at: string }[]> {
  const { data } = await db.from('request_events').select('request_id, created_at').or('kind.eq.note,code.eq.follow_up_closed').in('request_id', requestIds);
  return (data ?? []) as { request_id: string; created_at: string }[];
}

export interface DecidedRequest {
  created_at: string;
  decided_at: string;
  decision_due_by: string;
}

/** Every decided request's dates (up to 20,000), for the share decided in time and the median. */
export async function loadDecisions(): Promise<DecidedRequest[]> {
  const rows = await fetchAll('support_requests', 'created_at,decided_at,decision_due_by', 'created_at', 20_000, (q) => q.not('decided_at', 'is', null));
  return rows as unknown as DecidedRequest[];
}

export function loadOverdue(myId: string): Promise<StaffResult<QueuePage>> {
  return loadQueuePage({ ...DEFAULT_QUEUE_VIEW, deadline: 'overdue' }, myId);
}

/** The CSV export's rows, a chunk at a time (./export.ts), read with the member's session. */
export function exportRowsInChunks(kind: ExportKind, range: ExportRange, onRows: (rows: Record<string, unknown>[]) => void): Promise<number> {
  return exportRows(db, kind, range, onRows);
}

// The access log (admins) --------------------------------------------------------------------------

/** Which rows of the access log: a request's, or a member's within a window (from inclusive, to exclusive). */
export type AccessLogFilter = { requestId: string } | { actorId: string; from: Date | null; to: Date | null };

/** At most this many rows a view shows; the CSV export reads them all, a chunk at a time. */
export const ACCESS_LOG_PAGE = 500;

const ACCESS_LOG_COLUMNS = '*, support_requests(reference)';

function accessLogQuery(filter: AccessLogFilter) {
  let query = db.from('access_log').select(ACCESS_LOG_COLUMNS);
  if ('requestId' in filter) return query.eq('request_id', filter.requestId);
  query = query.eq('actor_id', filter.actorId);
  if (filter.from) query = query.gte('created_at', filter.from.toISOString());
  if (filter.to) query = query.lt('created_at', filter.to.toISOString());
  return query;
}


/** The newest rows of the access log that match, newest first (RLS: active admins only). */
export function loadAccessLog(filter: AccessLogFilter): Promise<StaffResult<AccessLogRow[]>> {
  return read<AccessLogRow[]>(accessLogQuery(filter).order('created_at', { ascending: false }).order('id', { ascending: false }).limit(ACCESS_LOG_PAGE));
}

/** Every matching row, oldest first, a chunk at a time (for the CSV file). */
export async function exportAccessLog(filter: AccessLogFilter, onRows: (rows: AccessLogRow[]) => void): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const { data, error } = await accessLogQuery(filter).gt('id', after).order('id', { ascending: true }).limit(1000);
    if (error) throw error;
    const rows = (data ?? []) as AccessLogRow[];
    if (rows.length > 0) onRows(rows);
    total += rows.length;
    if (rows.length < 1000) return total;
    after = rows[rows.length - 1]!.id;
  }
}

// Documents and the private link (supabase/CONTRACT.md, "Request documents", "Private page") -----

const DOCUMENTS_BUCKET = 'request-documents';

/** The request's documents, oldest first (RLS: active staff). */
export async function loadRequestDocuments(requestId: string): Promise<RequestDocument[]> {
  const { data } = await db.from('request_documents').select('*').eq('request_id', requestId).order('created_at').order('id');
  return (data ?? []) as RequestDocument[];
}

/**
 * A short-lived address that downloads the document as an attachment under `saveAs` (ASCII:
 * src/lib/request-documents.ts, downloadName), or null when Storage refuses (RLS: active staff).
 */
export async function documentDownloadUrl(document: RequestDocument, saveAs: string): Promise<string | null> {
  const { data } = await db.storage.from(DOCUMENTS_BUCKET).createSignedUrl(document.object_name, 60, { download: saveAs });
  return data?.signedUrl ?? null;
}

/** A refusal by an Edge Function (`{ code, field }`), or null when it could not be reached. */
async function functionRefusal(error: unknown): Promise<StaffFailure> {
  const response = (error as { context?: Response }).context;
  const body = response && typeof response.json === 'function' ? await response.json().catch(() => null) : null;
  return { ruleKey: typeof body?.code === 'string' ? body.code : null, field: typeof body?.field === 'string' ? body.field : null };
}

/**
 * Adds documents staff hold (a scanned letter): the staff-documents function reserves a name for
 * each, they are uploaded to Storage, then the function checks their first bytes and the database
 * accepts them. A refusal gives its rule key; nothing refused is kept.
 */
export async function addRequestDocuments(requestId: string, files: File[]): Promise<StaffResult<{ accepted: number }>> {
  const described = files.map((file) => ({ name: file.name, type: declaredType(file), size: file.size }));
  const prepared = await db.functions.invoke('staff-documents/prepare', { body: { request_id: requestId, files: described } });
  if (prepared.error) return { ok: false, failure: await functionRefusal(prepared.error) };
  const uploads = (prepared.data as { uploads: { object_name: string; token: string }[] }).uploads;
  for (const [i, upload] of uploads.entries()) {
    const body = new Blob([files[i]!], { type: described[i]!.type });
    const { error } = await db.storage.from(DOCUMENTS_BUCKET).uploadToSignedUrl(upload.object_name, upload.token, body);
    if (error) {
      const status = (error as { statusCode?: string }).statusCode;
      const ruleKey = status === '413' ? 'document_too_large' : status === '415' ? 'document_type' : null;
      return { ok: false, failure: { ruleKey, field: ruleKey && 'documents' } };
    }
  }
  const finished = await db.functions.invoke('staff-documents/finish', {
    body: { request_id: requestId, object_names: uploads.map((u) => u.object_name) },
  });
  if (finished.error) return { ok: false, failure: await functionRefusal(finished.error) };
  return { ok: true, data: finished.data as { accepted: number } };
}

/** Policy, handling steps 2 and 4: the documents were matched with the request and checked; recorded as an event. */
export function markDocumentsChecked(requestId: string, note: string | null): Promise<StaffResult> {
  return change(db.rpc('mark_documents_checked', { p_request_id: requestId, p_note: note }));
}

/** A new private link for the request (every earlier one stops); its secret is shown this once. */
export async function issuePrivateLink(requestId: string): Promise<StaffResult<{ secret: string }>> {
  const { data, error, status } = await db.rpc('issue_private_link', { p_request_id: requestId });
  if (error) return refused(error, status);
  return { ok: true, data: { secret: (data as { private_link_secret: string }).private_link_secret } };
}
