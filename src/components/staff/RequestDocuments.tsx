import { useState, type ChangeEvent, type SubmitEvent } from 'react';
import { addRequestDocuments, documentDownloadUrl, markDocumentsChecked } from '../../api/staff';
import type { RequestDocument, RequestEvent, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { formatBytes } from '../../lib/byte-size';
import type { Locale } from '../../lib/locale';
import { DOCUMENT_ACCEPT, DOCUMENT_TYPES, MAX_DOCUMENTS_PER_REQUEST, MAX_DOCUMENT_BYTES, SIGNATURE_BYTES, downloadName, isDocumentType } from '../../lib/request-documents';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { documentRule } from '../../schemas/private-reply';
import { dbErrorMessage } from './db-error';
import { formatDate } from './format-date';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  request: SupportRequestRow;
  documents: RequestDocument[];
  events: RequestEvent[];
  staff: StaffMember[];
  onChanged: () => void;
}

const typeOf = (mime: string) => (isDocumentType(mime) ? DOCUMENT_TYPES[mime].label : mime);

/**
 * The request's documents (policy, handling steps 2 and 4): what the beneficiary sent and what
 * staff added, each downloaded as an attachment under an ASCII name, never shown inline; adding a
 * scanned document; marking the documents checked, which is recorded as an event.
 */
export default function RequestDocuments({ t, locale, me, request, documents, events, staff, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const handles = REQUEST_HANDLING_ROLES.includes(me.role);
  const nameOf = (id: string | null) => staff.find((s) => s.user_id === id)?.full_name ?? t('staff.timeline.unknownActor');
  const lastCheck = [...events].reverse().find((e) => e.kind === 'documents_checked');
  const addedSinceCheck = lastCheck && documents.some((d) => d.created_at > lastCheck.created_at);
  const remaining = MAX_DOCUMENTS_PER_REQUEST - documents.length;

  async function download(document: RequestDocument, position: number) {
    setError(null);
    const url = await documentDownloadUrl(document, downloadName(request.reference, position, document.mime_type));
    if (!url) return setError(t('staff.documents.downloadFailed'));
    // Storage answers with Content-Disposition: attachment: the browser saves the file and stays here.
    window.location.assign(url);
  }

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const picked = [...(event.currentTarget.files ?? [])];
    setAdded(false);
    for (const file of picked) {
      const key = documentRule(file, new Uint8Array(await file.slice(0, SIGNATURE_BYTES).arrayBuffer()));
      if (key) {
        event.currentTarget.value = '';
        setFiles([]);
        return setError(`${file.name}: ${t(`errors.documents.${key}`)}`);
      }
    }
    setError(null);
    setFiles(picked);
  }

  async function upload(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (files.length === 0) return setError(t('staff.documents.add.none'));
    setBusy(true);
    setError(null);
    const outcome = await addRequestDocuments(request.id, files);
    setBusy(false);
    if (!outcome.ok) return setError(dbErrorMessage(t, outcome.failure));
    form.reset();
    setFiles([]);
    setAdded(true);
    onChanged();
  }

  async function markChecked(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const note = String(new FormData(form).get('note') ?? '').trim();
    setError(null);
    const outcome = await markDocumentsChecked(request.id, note || null);
    if (!outcome.ok) return setError(dbErrorMessage(t, outcome.failure));
    form.reset();
    onChanged();
  }

  return (
    <section aria-labelledby="documents-title">
      <h3 id="documents-title">{t('staff.documents.title')}</h3>
      {error && <div role="alert" className="staff-error">{error}</div>}
      {documents.length === 0 ? (
        <p>{t('staff.documents.none')}</p>
      ) : (
        <>
          <ul className="staff-documents" data-testid="documents">
            {documents.map((document, index) => (
              <li key={document.id}>
                <bdi>{document.original_name}</bdi>
                <span>{t('staff.documents.facts', { type: typeOf(document.mime_type), size: formatBytes(document.size_bytes, locale), at: formatDate(locale, document.created_at, true) })}</span>
                <span>{document.added_by ? t('staff.documents.addedBy', { name: nameOf(document.added_by) }) : t('staff.documents.fromBeneficiary')}</span>
                <button type="button" onClick={() => download(document, index + 1)} aria-label={`${t('staff.documents.download')}: ${document.original_name}`}>
                  {t('staff.documents.download')}
                </button>
              </li>
            ))}
          </ul>
          <p data-testid="documents-checked">
            {lastCheck
              ? t('staff.documents.checked.last', { name: nameOf(lastCheck.actor_id), at: formatDate(locale, lastCheck.created_at, true) })
              : t('staff.documents.checked.never')}
            {addedSinceCheck && ` ${t('staff.documents.checked.newer')}`}
          </p>
          {handles && (
            <form className="staff-action" onSubmit={markChecked}>
              <label htmlFor="documents-check-note">{t('staff.documents.check.label')}</label>
              <textarea id="documents-check-note" name="note" rows={2} />
              <button type="submit">{t('staff.documents.check.submit')}</button>
            </form>
          )}
        </>
      )}
      {handles && remaining > 0 && (
        <form className="staff-action" onSubmit={upload}>
          <label htmlFor="staff-documents-file">{t('staff.documents.add.label')}</label>
          <p id="staff-documents-hint" className="hint">
            {t('staff.documents.add.hint', { size: formatBytes(MAX_DOCUMENT_BYTES, locale), remaining, max: MAX_DOCUMENTS_PER_REQUEST })}
          </p>
          <input id="staff-documents-file" type="file" multiple accept={DOCUMENT_ACCEPT} aria-describedby="staff-documents-hint" onChange={pick} />
          <button type="submit" disabled={busy}>{t('staff.documents.add.submit')}</button>
          <p role="status">{added ? t('staff.documents.add.done') : ''}</p>
        </form>
      )}
    </section>
  );
}
