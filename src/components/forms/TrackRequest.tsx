import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { lazySchemaResolver } from './schema-resolver';
import type { StatusAnswer } from '../../api/status-lookup';
import { translator } from '../../i18n/translate';
import type { StatusLookup, StatusLookupInput, StatusLookupRule } from '../../schemas/status-lookup';
import { summaryOf } from './ErrorSummary';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { StepLoading } from './StepLoading';
import { latinDigitsAsTyped } from './digitsAsTyped';
import type { IslandProps } from './types';
import { useErrorTitle } from './useErrorTitle';

// The lookup form runs when the page opens; its schema, the API client and the answer's view
// load when the visitor starts on the form, or at the latest when they ask (issue 18).
const resolver = lazySchemaResolver(() => import('../../schemas/status-lookup').then((m) => m.statusLookupSchema));
const loadLookup = () => import('../../api/status-lookup');
const loadResult = () => import('./StatusResult');
const StatusResult = lazy(() => loadResult().then((m) => ({ default: m.StatusResult })));
const preloadLookup = () => {
  resolver.preload();
  void loadLookup();
  void loadResult();
};

interface Props extends IslandProps<'track'> {
  channelsHref: string;
}

/** /track: the reference and the mobile's last four digits give the status, never personal data. */
export default function TrackRequest({ locale, messages, channelsHref }: Props) {
  const t = translator(messages);
  const { register, handleSubmit, formState, setValue } = useForm<StatusLookupInput, unknown, StatusLookup>({
    resolver,
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
    const found = await loadLookup().then(
      ({ lookUpStatus }) => lookUpStatus(lookup),
      (): StatusAnswer => ({ outcome: 'unavailable' }),
    );
    setBusy(false);
    setAnswer(found);
  };

  return (
    <div className="form-island" data-hydrated="true" onFocus={preloadLookup} onPointerDown={preloadLookup}>
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
        {answer && (
          <Suspense fallback={<StepLoading text={t('form.loading')} />}>
            <StatusResult answer={answer} locale={locale} t={t} channelsHref={channelsHref} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
