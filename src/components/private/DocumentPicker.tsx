import { useState, type ChangeEvent } from 'react';
import { formatBytes } from '../../lib/byte-size';
import type { Locale } from '../../lib/locale';
import { DOCUMENT_ACCEPT, DOCUMENT_TYPES, MAX_DOCUMENTS_PER_REQUEST, MAX_DOCUMENT_BYTES, SIGNATURE_BYTES, declaredType, isDocumentType } from '../../lib/request-documents';
import { documentRule, type DocumentRuleKey } from '../../schemas/private-reply';
import { ErrorMessage } from '../forms/Field';

export interface PickerWording {
  label: string;
  hint: (limits: { size: string; remaining: number; max: number }) => string;
  full: (max: number) => string;
  chosen: string;
  remove: (name: string) => string;
  refused: (name: string, key: DocumentRuleKey) => string;
  facts: (type: string, size: string) => string;
  errorPrefix: string;
}

interface Props {
  id: string;
  files: File[];
  onFiles: (files: File[]) => void;
  /** How many more documents the request can have. */
  remaining: number;
  error?: string;
  wording: PickerWording;
  locale: Locale;
}

export const typeLabel = (type: string) => (isDocumentType(type) ? DOCUMENT_TYPES[type].label : type);

/**
 * Choosing documents, with the limits said before a file is picked and each file checked as it
 * is picked (type, size, name, its first bytes, how many the request may still have), so a file
 * that would be refused is never sent. The database and the Edge Function check again.
 */
export function DocumentPicker({ id, files, onFiles, remaining, error, wording, locale }: Props) {
  const [refusals, setRefusals] = useState<{ name: string; key: DocumentRuleKey }[]>([]);
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const picked = [...(input.files ?? [])];
    // The same file can be picked again after it was removed.
    input.value = '';
    const accepted = [...files];
    const refused: { name: string; key: DocumentRuleKey }[] = [];
    for (const file of picked) {
      const start = new Uint8Array(await file.slice(0, SIGNATURE_BYTES).arrayBuffer());
      const key = documentRule(file, start) ?? (accepted.length >= remaining ? 'documents_too_many' : null);
      if (key) refused.push({ name: file.name, key });
      else accepted.push(file);
    }
    setRefusals(refused);
    onFiles(accepted);
  };

  if (remaining <= 0) return <p>{wording.full(MAX_DOCUMENTS_PER_REQUEST)}</p>;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{wording.label}</label>
      <div id={hintId} className="field__hint">
        {wording.hint({ size: formatBytes(MAX_DOCUMENT_BYTES, locale), remaining, max: MAX_DOCUMENTS_PER_REQUEST })}
      </div>
      {error && <ErrorMessage id={errorId!} prefix={wording.errorPrefix} message={error} />}
      <input
        id={id}
        type="file"
        multiple
        accept={DOCUMENT_ACCEPT}
        className="file-input"
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={pick}
      />
      <div aria-live="polite">
        {refusals.map((r) => (
          <p key={r.name + r.key} className="field__error">{wording.refused(r.name, r.key)}</p>
        ))}
      </div>
      {files.length > 0 && (
        <>
          <p className="chosen-files__title">{wording.chosen}</p>
          <ul className="chosen-files">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                <bdi>{file.name}</bdi> <span className="muted">({wording.facts(typeLabel(declaredType(file)), formatBytes(file.size, locale))})</span>{' '}
                <button type="button" className="link-button" onClick={() => onFiles(files.filter((_, i) => i !== index))}>
                  {wording.remove(file.name)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
