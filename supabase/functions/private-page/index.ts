// The private page's API (supabase/CONTRACT.md, "Private page"): the beneficiary, without an
// account, presents the secret of their link (from the URL fragment of /r/) with every call.
// POST /private-page/open     { secret }                          -> the page, or { outcome: 'not_found' | 'throttled' }
// POST /private-page/prepare  { secret, files: [{ name, type, size }] } -> { outcome: 'reserved', uploads: [{ object_name, token }] }
// POST /private-page/reply    { secret, text, object_names, idempotency_key } -> { outcome: 'replied', at }
// POST /private-page/rate     { secret, overall, ..., idempotency_key } -> { outcome: 'rated', at }
// POST /private-page/messages { secret, sms, email, stopped }       -> { outcome: 'saved', messages } (./messages.ts)
// POST /private-page/ask      { secret, kind, field?, details? }   -> { outcome: 'asked', id, due_by } (a data request)
// POST /private-page/copy     { secret }                          -> { outcome: 'copy', copy: everything held about the request }
// The client whose wrong links are counted is the x-forwarded-for chain the platform delivers
// (docs/ARCHITECTURE.md, "The private link, documents, who can read what").
import { call, serviceClient } from '../_shared/database.ts';
import { MAX_FILES, acceptOrDiscard, describedFiles, requireMatchingFiles, signedUploads } from '../_shared/documents.ts';
import { type Body, json, optionalUuid, Refusal, serveActions, strings, text } from '../_shared/http.ts';
import { setMessages } from './messages.ts';

const service = serviceClient();

/** The link's secret and who presents it; a secret that is not a string counts as a wrong link. */
function presented(req: Request, body: Body) {
  const secret = typeof body.secret === 'string' && body.secret.length <= 64 ? body.secret : '';
  return { p_secret: secret, p_client: req.headers.get('x-forwarded-for') ?? '' };
}

/** A rating or other number the database checks; only its type is checked here. */
const answer = (body: Body, key: string) => {
  const value = body[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' || (typeof value === 'string' && value.length <= 10)) return value;
  throw new Refusal(400, 'invalid_request', key);
};

interface Outcome {
  outcome: string;
  object_names?: string[];
}

serveActions({
  open: async (req, body) => json(await call(service, 'private_link_open', presented(req, body))),

  messages: (req, body) => setMessages(service, presented(req, body), body),

  prepare: async (req, body) => {
    const reserved = await call<Outcome>(service, 'private_link_prepare_upload', { ...presented(req, body), p_files: describedFiles(body) });
    if (reserved.outcome !== 'reserved') return json(reserved);
    return json({ outcome: 'reserved', uploads: await signedUploads(service, reserved.object_names ?? []) });
  },

  reply: async (req, body) => {
    // More names than a request may have documents are the database's to refuse (documents_too_many).
    const names = strings(body, 'object_names', 4 * MAX_FILES);
    const link = presented(req, body);
    // This link's uploads among them (a retried reply's are documents by now): the files read, and removed if refused.
    const reserved = await call<string[]>(service, 'private_link_uploads', { p_secret: link.p_secret, p_object_names: names });
    const replied = await acceptOrDiscard(service, reserved, async () => {
      const args = { ...link, p_text: text(body, 'text', 'reply') ?? '', p_object_names: names, p_idempotency_key: optionalUuid(body, 'idempotency_key') };
      await requireMatchingFiles(service, reserved);
      return call(service, 'private_link_reply', args);
    });
    return json(replied);
  },

  ask: async (req, body) =>
    json(
      await call(service, 'private_link_data_request', {
        ...presented(req, body),
        p_kind: text(body, 'kind', 'kind') ?? '',
        p_field: text(body, 'field', 'field'),
        p_details: text(body, 'details', 'details'),
      }),
    ),

  copy: async (req, body) => json(await call(service, 'private_link_copy', presented(req, body))),

  rate: async (req, body) =>
    json(
      await call(service, 'private_link_rate', {
        ...presented(req, body),
        p_channel: text(body, 'channel', 'channel') ?? '',
        p_overall: answer(body, 'overall'),
        p_courtesy: answer(body, 'courtesy'),
        p_clarity: answer(body, 'clarity'),
        p_speed: answer(body, 'speed'),
        p_ease: answer(body, 'ease'),
        p_recommend: answer(body, 'recommend'),
        p_comment: text(body, 'comment', 'comment') ?? '',
        p_locale: text(body, 'locale', 'locale') ?? '',
        p_idempotency_key: optionalUuid(body, 'idempotency_key'),
      }),
    ),
});
