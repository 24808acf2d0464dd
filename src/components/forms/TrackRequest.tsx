import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { schemaResolver } from './schema-resolver';
import { lookUpStatus, type StatusAnswer } from '../../api/status-lookup';
import { translator } from '../../i18n/translate';
import { statusLookupSchema, type StatusLookup, type StatusLookupInput, type StatusLookupRule } from '../../schemas/status-lookup';
import { summaryOf } from './ErrorSummary';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { StatusResult } from './StatusResult';
import { latinDigitsAsTyped } from './digitsAsTyped';
import type { IslandProps } from './types';
import { useErrorTitle } from './useErrorTitle';

interface Props extends IslandProps<'track'> {
  channelsHref: string;
}

/** /track: the reference and the mobile's last four digits give the status, never personal data. */
export default function TrackRequest({ locale, messages, channelsHref }: Props) {
  const t = translator(messages);
  const { register, handleSubmit, formState, setValue } = useForm<StatusLookupInput, unknown, StatusLookup>({
    resolver: schemaResolver(statusLookupSchema),
    defaultValues: { reference: '', phone_last4: '' },
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<StatusAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const ref = new URLSearchParams(location.search).get('ref');
    if (ref) setValue('reference', ref.slice(0, 20));
  }, [setValue]);

  useEffect(() => {
    if (answer) result.current?.focus();
  }, [answer]);

  const errors = formState.errors;
  useErrorTitle(attempt > 0 && Object.keys(errors).length > 0, t('form.error.titlePrefix'));
  const message = (field: 'reference' | 'phone_last4') => {
    const key = errors[field]?.message;
    return key ? t(`errors.track.${key as StatusLookupRule}`) : undefined;
  };
  const summary = summaryOf(['reference', 'phone_last4'] as const, message);
  const errorPrefix = t('form.error.prefix');

  const onValid = async (lookup: StatusLookup) => {
    if (busy) return;
    setBusy(true);
    setAnswer(null);
    const found = await lookUpStatus(lookup);
    setBusy(false);
    setAnswer(found);
  };

  return (
    <div className="form-island" data-hydrated="true">
      <form noValidate className="form" onSubmit={handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
        <ErrorSummary title={t('form.error.summaryTitle')} errors={summary} attempt={attempt} />
        <Field id="reference" label={t('track.reference.label')} hint={t('track.reference.hint')} error={message('reference')} errorPrefix={errorPrefix}>
          {(control) => <input {...control} type="text" className="input input--14" dir="ltr" autoComplete="off" spellCheck={false} autoCapitalize="characters" {...register('reference')} />}
        </Field>
        <Field id="phone_last4" label={t('track.phoneLast4.label')} hint={t('track.phoneLast4.hint')} error={message('phone_last4')} errorPrefix={errorPrefix}>
          {(control) => (
            <input {...control} type="text" className="input input--4" inputMode="numeric" dir="ltr" autoComplete="off" maxLength={4} {...register('phone_last4', { onChange: latinDigitsAsTyped })} />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>{t('track.submit')}</button>
      </form>
      <div ref={result} tabIndex={-1} className="track-result" aria-live="polite">
        {answer && <StatusResult answer={answer} locale={locale} t={t} channelsHref={channelsHref} />}
      </div>
    </div>
  );
}
