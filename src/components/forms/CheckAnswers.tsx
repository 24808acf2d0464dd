import type { IslandTranslate } from '../../i18n/islands';
import type { RequestRuleKey, SupportRequest } from '../../schemas/support-request';
import type { RequestFieldsWording } from './RequestFields';
import type { ChannelOption } from './types';

/** `refused`: a spam check the database made (too fast, honeypot): wait, then send again. */
export type SendState = 'idle' | 'sending' | 'unavailable' | 'refused';

interface Props {
  request: SupportRequest;
  t: IslandTranslate<'request'>;
  /** The form's own labels, so the review names each answer as the form asked it. */
  labels: RequestFieldsWording['label'];
  channels: ChannelOption[];
  sendState: SendState;
  refusalKey: string | null;
  onChange: (field: string) => void;
  onSend: () => void;
}

/** The channels updates go by, as the form named them; an email box ticked without an address sends nothing. */
function updatesBy(request: SupportRequest, labels: RequestFieldsWording['label'], none: string): string {
  const chosen = [
    ...(request.messages_by_sms ? [labels.messages_by_sms] : []),
    ...(request.messages_by_email && request.email !== '' ? [labels.messages_by_email] : []),
  ];
  return chosen.length ? chosen.join(' · ') : none;
}

/** GOV.UK's "check your answers": every answer with a link to change it, then send. */
export function CheckAnswers({ request, t, labels, channels, sendState, refusalKey, onChange, onSend }: Props) {
  const channelLabel = channels.find((c) => c.value === request.preferred_channel)?.label ?? request.preferred_channel;
  const rows: { field: string; label: string; value: string; ltr?: boolean }[] = [
    { field: 'full_name', label: labels.full_name, value: request.full_name },
    { field: 'national_id', label: labels.national_id, value: request.national_id, ltr: true },
    { field: 'mobile', label: labels.mobile, value: request.mobile, ltr: true },
    { field: 'email', label: labels.email, value: request.email || t('request.review.notGiven'), ltr: request.email !== '' },
    { field: 'city', label: labels.city, value: request.city },
    { field: 'category', label: labels.category, value: t(`request.category.${request.category}`) },
    { field: 'request_type', label: labels.request_type, value: t(`request.requestType.${request.request_type}`) },
    { field: 'description', label: labels.description, value: request.description },
    { field: 'preferred_channel', label: labels.preferred_channel, value: channelLabel },
    { field: 'messages_by_sms', label: labels.messages, value: updatesBy(request, labels, t('request.messages.none')) },
    { field: 'accuracy_confirmed', label: labels.declarations, value: t('request.review.declarationsConfirmed') },
  ];
  const sending = sendState === 'sending';
  return (
    <div className="check-answers">
      {sendState === 'unavailable' && (
        <div className="alert alert--warning" role="alert">
          <h2>{t('request.unavailable.title')}</h2>
          <p>{t('request.unavailable.body')}</p>
        </div>
      )}
      {sendState === 'refused' && refusalKey && (
        <div className="alert alert--warning" role="alert">
          <p>{t(`errors.${refusalKey as RequestRuleKey}`)}</p>
        </div>
      )}
      <dl className="summary-list">
        {rows.map((row) => (
          <div className="summary-list__row" key={row.field}>
            <dt>{row.label}</dt>
            <dd dir={row.ltr ? 'ltr' : 'auto'} className="summary-list__value">{row.value}</dd>
            <dd className="summary-list__action">
              <button type="button" className="link-button" onClick={() => onChange(row.field)}>
                {t('request.review.change')}
                <span className="visually-hidden"> {row.label}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t('request.review.submitHeading')}</h2>
      <p>{t('request.review.submitText')}</p>
      <button type="button" className="button" onClick={onSend} disabled={sending} aria-describedby={sending ? 'sending-status' : undefined}>
        {sendState === 'unavailable' || sendState === 'refused' ? t('request.review.retry') : t('request.review.send')}
      </button>
      <p id="sending-status" className="field__hint" role="status">{sending ? t('request.review.sending') : ''}</p>
    </div>
  );
}
