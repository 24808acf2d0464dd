import type { RefObject } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { BENEFICIARY_CATEGORIES, DESCRIPTION_MAX, REQUEST_TYPES, codePointLength, type SupportRequest, type SupportRequestInput } from '../../schemas/support-request';
import type { Translate } from '../../lib/forms/messages';
import { CharacterCount } from './CharacterCount';
import { Checkbox } from './Checkbox';
import { ErrorSummary, type SummaryError } from './ErrorSummary';
import { Field } from './Field';
import { RadioGroup } from './RadioGroup';
import { latinDigitsAsTyped } from './digitsAsTyped';
import { REQUEST_FIELDS, controlId } from './request-fields';
import type { ChannelOption } from './types';

interface Props {
  form: UseFormReturn<SupportRequestInput, unknown, SupportRequest>;
  t: Translate;
  channels: ChannelOption[];
  links: { privacy: string; channels: string };
  attempt: number;
  restored: boolean;
  honeypot: RefObject<HTMLInputElement | null>;
  onValid: (request: SupportRequest) => void;
  onInvalid: () => void;
}

export function RequestFormStep({ form, t, channels, links, attempt, restored, honeypot, onValid, onInvalid }: Props) {
  const { register, handleSubmit, formState, watch, trigger, getValues } = form;
  const errors = formState.errors;
  const message = (field: (typeof REQUEST_FIELDS)[number]) => {
    const key = errors[field]?.message;
    return key ? t(`errors.${key}`) : undefined;
  };
  const summary: SummaryError[] = REQUEST_FIELDS.filter((field) => errors[field]).map((field) => ({
    target: controlId(field),
    message: message(field)!,
  }));
  const descriptionLength = codePointLength((watch('description') ?? '').trim());
  const errorPrefix = t('form.error.prefix');
  const limitHit = errors.mobile?.message === 'mobile_daily_limit';

  // The check digit is checked as soon as the applicant leaves the field (not while typing).
  const nationalId = register('national_id', {
    onChange: latinDigitsAsTyped,
    onBlur: () => {
      if (getValues('national_id').trim() !== '') void trigger('national_id');
    },
  });

  return (
    <form noValidate onSubmit={handleSubmit(onValid, onInvalid)} className="form">
      <ErrorSummary title={t('form.error.summaryTitle')} errors={summary} attempt={attempt} />
      {restored && <p className="notice" role="status">{t('request.draft.restored')}</p>}
      <p className="field__hint">{t('request.intro')}</p>

      <Field id="full_name" label={t('request.fullName.label')} hint={t('request.fullName.hint')} error={message('full_name')} errorPrefix={errorPrefix}>
        {(control) => <input {...control} type="text" className="input" autoComplete="name" dir="auto" spellCheck={false} {...register('full_name')} />}
      </Field>

      <Field id="national_id" label={t('request.nationalId.label')} hint={t('request.nationalId.hint')} error={message('national_id')} errorPrefix={errorPrefix}>
        {(control) => <input {...control} type="text" className="input input--10" inputMode="numeric" autoComplete="off" dir="ltr" spellCheck={false} {...nationalId} />}
      </Field>

      <Field
        id="mobile"
        label={t('request.mobile.label')}
        hint={t('request.mobile.hint')}
        error={message('mobile')}
        errorPrefix={errorPrefix}
        after={limitHit && <p className="notice"><a href={links.channels}>{t('request.mobileLimit.channelsLink')}</a></p>}
      >
        {(control) => <input {...control} type="tel" className="input input--14" inputMode="tel" autoComplete="tel" dir="ltr" {...register('mobile', { onChange: latinDigitsAsTyped })} />}
      </Field>

      <Field id="email" label={t('request.email.label')} hint={t('request.email.hint')} error={message('email')} errorPrefix={errorPrefix}>
        {(control) => <input {...control} type="email" className="input" autoComplete="email" dir="ltr" spellCheck={false} {...register('email')} />}
      </Field>

      <Field id="city" label={t('request.city.label')} error={message('city')} errorPrefix={errorPrefix}>
        {(control) => <input {...control} type="text" className="input input--20" autoComplete="address-level2" dir="auto" {...register('city')} />}
      </Field>

      <RadioGroup
        name="category"
        legend={t('request.category.legend')}
        options={BENEFICIARY_CATEGORIES.map((value) => ({ value, label: t(`request.category.${value}`) }))}
        error={message('category')}
        errorPrefix={errorPrefix}
        registration={register('category')}
      />

      <Field id="request_type" label={t('request.requestType.label')} error={message('request_type')} errorPrefix={errorPrefix}>
        {(control) => (
          <select {...control} className="select" {...register('request_type')}>
            <option value="">{t('request.requestType.choose')}</option>
            {REQUEST_TYPES.map((value) => (
              <option key={value} value={value}>{t(`request.requestType.${value}`)}</option>
            ))}
          </select>
        )}
      </Field>

      <Field
        id="description"
        label={t('request.description.label')}
        hint={t('request.description.hint')}
        error={message('description')}
        errorPrefix={errorPrefix}
        after={<CharacterCount id="description-count" count={descriptionLength} max={DESCRIPTION_MAX} text={(count, max) => t('request.description.count', { count, max })} />}
      >
        {(control) => (
          <textarea
            {...control}
            aria-describedby={[control['aria-describedby'], 'description-count'].filter(Boolean).join(' ')}
            className="textarea"
            rows={7}
            dir="auto"
            {...register('description')}
          />
        )}
      </Field>

      <RadioGroup
        name="preferred_channel"
        legend={t('request.preferredChannel.legend')}
        hint={t('request.preferredChannel.hint')}
        options={channels}
        error={message('preferred_channel')}
        errorPrefix={errorPrefix}
        registration={register('preferred_channel')}
      />

      <fieldset className="declarations">
        <legend>{t('request.declarations.legend')}</legend>
        <Checkbox
          id="accuracy_confirmed"
          label={t('request.accuracy.label')}
          hint={t('request.accuracy.hint')}
          error={message('accuracy_confirmed')}
          errorPrefix={errorPrefix}
          registration={register('accuracy_confirmed')}
        />
        <Checkbox
          id="privacy_consent"
          label={t('request.privacy.label')}
          hint={<a href={links.privacy}>{t('request.privacy.link')}</a>}
          error={message('privacy_consent')}
          errorPrefix={errorPrefix}
          registration={register('privacy_consent')}
        />
      </fieldset>

      {/* Spam trap: hidden from people and assistive technology; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">{t('request.honeypot.label')}</label>
        <input type="text" id="website" name="website" ref={honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="button">{t('request.continue')}</button>
    </form>
  );
}
