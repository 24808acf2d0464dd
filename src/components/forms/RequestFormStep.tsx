import { memo, type RefObject } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IslandTranslate } from '../../i18n/islands';
import type { RequestRuleKey, SupportRequest, SupportRequestInput } from '../../schemas/support-request';
import { ErrorSummary, summaryOf } from './ErrorSummary';
import { RequestFields, type RequestFieldsWording } from './RequestFields';
import { REQUEST_FIELDS, controlId, type RequestField } from './request-fields';
import type { ChannelOption } from './types';

interface Props {
  form: UseFormReturn<SupportRequestInput, unknown, SupportRequest>;
  t: IslandTranslate<'request'>;
  wording: RequestFieldsWording;
  channels: ChannelOption[];
  channelsHref: string;
  /** Each field's error as a rule key (useErrorKeys): the step re-renders when one changes. */
  errorKeys: Partial<Record<RequestField, string>>;
  attempt: number;
  restored: boolean;
  honeypot: RefObject<HTMLInputElement | null>;
  onValid: (request: SupportRequest) => void;
  onInvalid: () => void;
}

/**
 * The form step. Memoised: react-hook-form re-renders the form's root as soon as it has hydrated
 * (its "ready" state), and this step, most of the page's fibers, need not follow (issue 18).
 */
export const RequestFormStep = memo(function RequestFormStep({ form, t, wording, channels, channelsHref, errorKeys, attempt, restored, honeypot, onValid, onInvalid }: Props) {
  const message = (field: RequestField) => {
    const key = errorKeys[field];
    return key ? t(`errors.${key as RequestRuleKey}`) : undefined;
  };
  const limitHit = errorKeys.mobile === 'mobile_daily_limit';

  return (
    <form noValidate onSubmit={form.handleSubmit(onValid, onInvalid)} className="form">
      <ErrorSummary title={t('form.error.summaryTitle')} errors={summaryOf(REQUEST_FIELDS, message, controlId)} attempt={attempt} />
      {restored && <p className="notice" role="status">{t('request.draft.restored')}</p>}
      <p className="field__hint">{t('request.intro')}</p>

      <RequestFields
        form={form}
        wording={wording}
        message={message}
        channels={channels}
        choices="radios"
        autofill
        after={{ mobile: limitHit && <p className="notice"><a href={channelsHref}>{t('request.mobileLimit.channelsLink')}</a></p> }}
      />

      {/* Spam trap: hidden from people and assistive technology; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">{t('request.honeypot.label')}</label>
        <input type="text" id="website" name="website" ref={honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="button">{t('request.continue')}</button>
    </form>
  );
});
