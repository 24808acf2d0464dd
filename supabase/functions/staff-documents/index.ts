// Staff add documents to a request (a scanned letter for a request that came by post), with their
// own session: the database checks who they are (officer or supervisor, active) when it reserves
// the names, and this function checks each file's first bytes before the database accepts it.
// POST /staff-documents/prepare { request_id, files: [{ name, type, size }] } -> { uploads: [{ object_name, token }] }
// POST /staff-documents/finish  { request_id, object_names }                -> { accepted }
import { call, callerClient, serviceClient } from '../_shared/database.ts';
import { MAX_FILES, acceptOrDiscard, describedFiles, requireMatchingFiles, signedUploads } from '../_shared/documents.ts';
import { json, serveActions, strings, uuid } from '../_shared/http.ts';
const service = serviceClient();

serveActions({
  prepare: async (req, body) => {
    const reserved = await call<{ object_names: string[] }>(callerClient(req), 'reserve_staff_documents', {
      p_request_id: uuid(body, 'request_id'),
      p_files: describedFiles(body),
    });
    return json({ uploads: await signedUploads(service, reserved.object_names) });
  },

  finish: async (req, body) => {
    const requestId = uuid(body, 'request_id');
    const names = strings(body, 'object_names', 4 * MAX_FILES);
    // The names this member reserved for this request (the database checks who they are, as for any staff call).
    const mine = await call<string[]>(callerClient(req), 'my_document_uploads', { p_request_id: requestId, p_object_names: names });
    await requireMatchingFiles(service, mine);
    return json(await acceptOrDiscard(service, mine, () => call(service, 'accept_staff_documents', { p_request_id: requestId, p_object_names: mine })));
  },
});
