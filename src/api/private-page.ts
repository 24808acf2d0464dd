import { StorageClient } from '@supabase/storage-js';
import type { StaffRole } from '../lib/workflow';
import { declaredType } from '../lib/request-documents';
import { DATA_REQUEST_RULE_KEYS } from '../schemas/data-request-rules';
import { PRIVATE_PAGE_RULE_FIELDS, type PrivatePageRuleKey } from '../schemas/private-reply';
import { SURVEY_RULE_FIELDS, type SatisfactionSurvey } from '../schemas/satisfaction-survey';
import { supabaseAnonKey, supabaseUrl } from './config';
import type { MessagesState } from './private-messages';
import type { StatusFacts } from './status-lookup';

/**
 * The private page's calls (supabase/CONTRACT.md, "Private page"): the `private-page` Edge Function
 * with the anon key, the link's secret in every body; files go straight to Storage through the
 * signed upload URLs it hands out, with the unmodified storage-js.
 */
const KEY_HEADERS = { apikey: supabaseAnonKey, authorization: `Bearer ${supabaseAnonKey}` };
const storage = new StorageClient(`${supabaseUrl}/storage/v1`, KEY_HEADERS);
const BUCKET = 'request-documents';

export interface SentDocument {
  name: string;
  type: string;
  size: number;
}

export interface PrivatePage extends StatusFacts {
  outcome: 'found';
  opened_for: 'page' | 'survey';
  /** What staff wrote for the beneficiary when they last asked for information. */
  question: { text: string; at: string } | null;
  can_reply: boolean;
  /** How the beneficiary hears about the request (src/api/private-messages.ts changes it). */
  messages: MessagesState;
  documents_remaining: number;
  replies: { text: string; at: string; documents: SentDocument[] }[];
  decision: { outcome: 'accepted' | 'rejected'; at: string; reason: string | null; decided_by_role: StaffRole | null; full_name: string } | null;
  survey: { open: boolean; given_at: string | null };
}

/** A link that does not open a page: the same answer whatever was wrong with it. */
export type LinkRefusal = { outcome: 'not_found' } | { outcome: 'throttled'; retry_after_seconds: number };
export type PageAnswer = PrivatePage | LinkRefusal | { outcome: 'unavailable' };

export type SendFailure =
  | { kind: 'rule'; ruleKey: string; field: string }
  | { kind: 'link'; refusal: LinkRefusal }
  | { kind: 'unavailable' };
export type SendResult = { ok: true; at: string } | { ok: false; failure: SendFailure };

export type Answer = { status: number; body: Record<string, unknown> } | null;

export async function post(action: string, body: unknown): Promise<Answer> {
  try {
    const response = await fetch(`${supabaseUrl}/functions/v1/private-page/${action}`, {
      method: 'POST',
      headers: { ...KEY_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  } catch {
    return null;
  }
}

export const isRefusal = (body: Record<string, unknown>): body is LinkRefusal => body.outcome === 'not_found' || body.outcome === 'throttled';

/** What an answer means: done (`success` names its outcome), the link refused, a rule broken, or try again. */
function outcomeOf(answer: Answer, success: string, rules: Readonly<Record<string, string>>): SendResult {
  if (!answer || answer.status >= 500) return { ok: false, failure: { kind: 'unavailable' } };
  const { body } = answer;
  if (answer.status === 200 && body.outcome === success) return { ok: true, at: String(body.at ?? '') };
  if (answer.status === 200 && isRefusal(body)) return { ok: false, failure: { kind: 'link', refusal: body } };
  const code = String(body.code ?? '');
  if (Object.hasOwn(rules, code)) return { ok: false, failure: { kind: 'rule', ruleKey: code, field: rules[code]! } };
  return { ok: false, failure: { kind: 'unavailable' } };
}

export async function openPrivatePage(secret: string): Promise<PageAnswer> {
  const answer = await post('open', { secret });
  if (!answer || answer.status !== 200) return { outcome: 'unavailable' };
  return answer.body as unknown as PageAnswer;
}

/** Storage's refusal of an upload (the bucket's own limits) as the page's rule key. */
function uploadRefusal(statusCode: string | undefined): PrivatePageRuleKey | null {
  if (statusCode === '413') return 'document_too_large';
  if (statusCode === '415') return 'document_type';
  return null;
}

/**
 * Sends the reply: reserves a name for each file, uploads them, then the reply itself. Nothing is
 * kept unless the reply is: a refused or interrupted send can be sent again as it is (the same
 * idempotency key saves one reply).
 */
export async function sendReply(secret: string, text: string, files: File[], idempotencyKey: string): Promise<SendResult> {
  const names: string[] = [];
  if (files.length > 0) {
    const described = files.map((file) => ({ name: file.name, type: declaredType(file), size: file.size }));
    const prepared = await post('prepare', { secret, files: described });
    if (prepared?.status !== 200 || prepared.body.outcome !== 'reserved') return outcomeOf(prepared, 'reserved', PRIVATE_PAGE_RULE_FIELDS);
    const uploads = prepared.body.uploads as { object_name: string; token: string }[];
    for (const [i, upload] of uploads.entries()) {
      const file = files[i]!;
      const body = new Blob([file], { type: described[i]!.type });
      const { error } = await storage.from(BUCKET).uploadToSignedUrl(upload.object_name, upload.token, body).catch(() => ({ error: {} }));
      if (error) {
        const ruleKey = uploadRefusal((error as { statusCode?: string }).statusCode);
        return { ok: false, failure: ruleKey ? { kind: 'rule', ruleKey, field: 'documents' } : { kind: 'unavailable' } };
      }
      names.push(upload.object_name);
    }
  }
  const replied = await post('reply', { secret, text, object_names: names, idempotency_key: idempotencyKey });
  return outcomeOf(replied, 'replied', PRIVATE_PAGE_RULE_FIELDS);
}

/** The survey bound to the request; a second is refused (`survey_already_given`). */
export async function rateService(secret: string, survey: SatisfactionSurvey, idempotencyKey: string): Promise<SendResult> {
  const answer = await post('rate', {
    secret,
    channel: survey.channel,
    overall: survey.overall,
    courtesy: survey.courtesy,
    clarity: survey.clarity,
    speed: survey.speed,
    ease: survey.ease,
    recommend: survey.recommend === '' ? null : survey.recommend,
    comment: survey.comment,
    locale: survey.locale,
    idempotency_key: idempotencyKey,
  });
  return outcomeOf(answer, 'rated', { ...SURVEY_RULE_FIELDS, survey_already_given: 'form', survey_not_open: 'form' });
}

/** Everything held about the request, as the database gives it (private_link_copy). */
export type DataCopy = Record<string, unknown> & { reference: string; made_at: string };
export type CopyResult = { ok: true; copy: DataCopy } | { ok: false; failure: SendFailure };

/** The beneficiary's copy of their data (PDPL Article 4): shown as HTML or saved as JSON by the page. */
export async function copyOfMyData(secret: string): Promise<CopyResult> {
  const answer = await post('copy', { secret });
  if (answer?.status === 200 && answer.body.outcome === 'copy') return { ok: true, copy: answer.body.copy as DataCopy };
  const failure = outcomeOf(answer, 'copy', {});
  return failure.ok ? { ok: false, failure: { kind: 'unavailable' } } : failure;
}

export type AskResult = { ok: true; dueBy: string } | { ok: false; failure: SendFailure };

/** A correction, deletion or consent withdrawn: a data request staff answer within 30 days. */
export async function askAboutMyData(secret: string, request: { kind: string; field: string | null; details: string | null }): Promise<AskResult> {
  const answer = await post('ask', { secret, ...request });
  if (answer?.status === 200 && answer.body.outcome === 'asked') return { ok: true, dueBy: String(answer.body.due_by) };
  const rules = Object.fromEntries([...DATA_REQUEST_RULE_KEYS, 'request_anonymised'].map((key) => [key, key === 'request_anonymised' ? 'form' : 'details']));
  const failure = outcomeOf(answer, 'asked', rules);
  return failure.ok ? { ok: false, failure: { kind: 'unavailable' } } : failure;
}
