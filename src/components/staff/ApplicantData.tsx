import type { SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { Channel } from '../../schemas/channels';
import type { BeneficiaryCategory, RequestType } from '../../schemas/support-request';
import { formatDate } from './format-date';
import RevealableValue from './RevealableValue';

const SUBMITTED_FIELDS = ['full_name', 'national_id', 'mobile', 'email', 'city', 'category', 'request_type', 'preferred_channel', 'intake_channel', 'locale'] as const;
const LTR_FIELDS = new Set(['reference', 'email']);
// What the beneficiary typed is isolated and takes its own direction, so it cannot reorder the page around it.
const TYPED_FIELDS = new Set(['full_name', 'city', 'description']);
const fieldDir = (f: string) => (LTR_FIELDS.has(f) ? 'ltr' : TYPED_FIELDS.has(f) ? 'auto' : undefined);

/** What the beneficiary submitted, the dates of the decision window, and their declaration. */
export default function ApplicantData({ t, locale, request, onRevealed }: {
  t: IslandTranslate<'staff'>;
  locale: string;
  request: SupportRequestRow;
  /** After a reveal, which the access log records. */
  onRevealed: () => void;
}) {
  // The database's enums hold these values; tests/unit/i18n-keys.test.ts checks each has a label.
  const labelled: Partial<Record<string, (v: string) => string>> = {
    category: (v) => t(`staff.category.${v as BeneficiaryCategory}`),
    request_type: (v) => t(`staff.requestType.${v as RequestType}`),
    preferred_channel: (v) => t(`staff.channel.${v as Channel}`),
    intake_channel: (v) => t(`staff.channel.${v as Channel}`),
  };
  const value = (field: string) => {
    const v = request[field];
    if (v === null || v === undefined || v === '') return '—';
    return labelled[field]?.(String(v)) ?? String(v);
  };
  const confirmedAt = (request.accuracy_confirmed_at as string | null) ?? request.created_at;
  return (
    <section aria-labelledby="data-title" className="request-panel">
      <h3 id="data-title">{t('staff.request.dataTitle')}</h3>
      {typeof request.anonymised_at === 'string' && (
        <p className="staff-notice" data-testid="anonymised">{t('staff.request.anonymised', { at: formatDate(locale, request.anonymised_at, true) })}</p>
      )}
      <dl className="staff-dl">
        <div><dt>{t('staff.field.reference')}</dt><dd dir="ltr">{request.reference}</dd></div>
        {SUBMITTED_FIELDS.map((f) => (
          <div key={f}>
            <dt>{t(`staff.field.${f}`)}</dt>
            {f === 'national_id' || f === 'mobile'
              ? <dd><RevealableValue t={t} requestId={request.id} field={f} masked={String(request[`${f}_masked`] ?? '')} onRevealed={onRevealed} /></dd>
              : <dd dir={fieldDir(f)}>{value(f)}</dd>}
          </div>
        ))}
        <div><dt>{t('staff.field.created_at')}</dt><dd>{formatDate(locale, request.created_at, true)}</dd></div>
        <div><dt>{t('staff.field.decision_due_from')}</dt><dd>{formatDate(locale, request.decision_due_from as string | null)}</dd></div>
        <div><dt>{t('staff.field.decision_due_by')}</dt><dd>{formatDate(locale, request.decision_due_by)}</dd></div>
        {request.decided_at && <div><dt>{t('staff.field.decided_at')}</dt><dd>{formatDate(locale, request.decided_at, true)}</dd></div>}
        {typeof request.decision_note === 'string' && request.decision_note !== '' && <div><dt>{t('staff.field.decision_note')}</dt><dd dir="auto">{String(request.decision_note)}</dd></div>}
      </dl>
      <h4>{t('staff.request.declarationTitle')}</h4>
      <p data-testid="declaration">
        {request.accuracy_confirmed
          ? t('staff.request.declarationConfirmed', { at: formatDate(locale, confirmedAt, true), version: String(request.accuracy_declaration_version ?? '—') })
          : t('staff.request.declarationMissing')}
      </p>
      <p>{request.privacy_consent ? t('staff.request.privacyConsented') : t('staff.request.privacyMissing')}</p>
    </section>
  );
}
