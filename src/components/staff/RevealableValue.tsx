import { useState } from 'react';
import { revealApplicantField, type RevealableField } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';

/**
 * A national ID or mobile as staff see it: masked (`••••••1234`, from the database) until the member
 * presses "Show"; the database then answers the full value and records the reveal in the access log.
 * "Hide" masks it again here (nothing to record). `onRevealed`: after a reveal (the page's access
 * log then shows it).
 */
export default function RevealableValue({ t, requestId, field, masked, onRevealed }: {
  t: IslandTranslate<'staff'>;
  requestId: string;
  field: RevealableField;
  masked: string;
  onRevealed: () => void;
}) {
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (masked === '') return <>—</>;
  const label = t(`staff.field.${field}`);

  async function reveal() {
    setBusy(true);
    setFailed(false);
    const result = await revealApplicantField(requestId, field);
    setBusy(false);
    if (!result.ok) return setFailed(true);
    setFull(result.data);
    onRevealed();
  }

  return (
    <span className="revealable" data-field={field}>
      <span dir="ltr" data-testid={`${field}-value`}>{full ?? masked}</span>{' '}
      {full === null
        ? <button type="button" className="secondary" onClick={reveal} disabled={busy} aria-label={t('staff.reveal.showField', { field: label })}>{t('staff.reveal.show')}</button>
        : <button type="button" className="secondary" onClick={() => setFull(null)} aria-label={t('staff.reveal.hideField', { field: label })}>{t('staff.reveal.hide')}</button>}
      {full !== null && <span className="reveal-recorded"> {t('staff.reveal.recorded')}</span>}
      {failed && <span role="alert"> {t('staff.reveal.refused')}</span>}
    </span>
  );
}
