import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { schemaResolver } from './schema-resolver';
import { submitSatisfactionSurvey } from '../../api/submit-survey';
import { translator } from '../../i18n/translate';
import {
  satisfactionSurveySchema,
  type SatisfactionSurvey as Survey,
  type SatisfactionSurveyInput,
  type SurveyRuleKey,
} from '../../schemas/satisfaction-survey';
import { ErrorSummary, summaryOf } from './ErrorSummary';
import { Field } from './Field';
import { SURVEY_ANSWER_FIELDS, SurveyFields, surveyFieldTarget } from './SurveyFields';
import type { ChannelOption, IslandProps } from './types';
import { useErrorTitle } from './useErrorTitle';

interface Props extends IslandProps<'survey'> {
  channels: ChannelOption[];
}

const FIELDS = ['reference', ...SURVEY_ANSWER_FIELDS] as const;

/**
 * /survey: rating the service is the beneficiary's right (policy, detailed goal 6-t). A link may
 * carry the reference (?ref=); only the applicant's own click on "Send" sends a rating, so a
 * link scanner opening the page never does.
 */
export default function SatisfactionSurvey({ locale, messages, channels }: Props) {
  const t = translator(messages);
  const form = useForm<SatisfactionSurveyInput, unknown, Survey>({
    resolver: schemaResolver(satisfactionSurveySchema),
    defaultValues: { reference: '', channel: '', comment: '', recommend: '', locale } as unknown as SatisfactionSurveyInput,
    shouldFocusError: false,
  });
  const { register, handleSubmit, formState, setValue, setError, watch } = form;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<'idle' | 'sending' | 'unavailable' | 'sent'>('idle');
  const idempotencyKey = useRef<string>('');
  const done = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    idempotencyKey.current = crypto.randomUUID();
    const ref = new URLSearchParams(location.search).get('ref');
    if (ref) setValue('reference', ref.slice(0, 20));
  }, [setValue]);
  useEffect(() => {
    if (state === 'sent') done.current?.focus();
  }, [state]);

  const errors = formState.errors as Partial<Record<(typeof FIELDS)[number], { message?: string }>>;
  useErrorTitle(attempt > 0 && Object.keys(errors).length > 0, t('form.error.titlePrefix'));
  const message = (field: (typeof FIELDS)[number]) => {
    const key = errors[field]?.message;
    return key ? t(`errors.survey.${key as SurveyRuleKey}`) : undefined;
  };
  const summary = summaryOf(FIELDS, message, surveyFieldTarget);
  const errorPrefix = t('form.error.prefix');
  const commentLength = [...(watch('comment') ?? '').trim()].length;

  const onValid = async (survey: Survey) => {
    if (state === 'sending') return;
    setState('sending');
    const outcome = await submitSatisfactionSurvey(survey, idempotencyKey.current);
    if (outcome.ok) return setState('sent');
    if (outcome.failure.kind === 'unavailable') return setState('unavailable');
    setError(outcome.failure.field as 'reference', { type: 'server', message: outcome.failure.ruleKey });
    setState('idle');
    setAttempt((n) => n + 1);
  };

  if (state === 'sent') {
    return (
      <div className="form-island" data-hydrated="true">
        <div className="panel">
          <h2 ref={done} tabIndex={-1}>{t('survey.thanks.title')}</h2>
          <p>{t('survey.thanks.body')}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="form-island" data-hydrated="true">
      <form noValidate className="form" onSubmit={handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
        <ErrorSummary title={t('form.error.summaryTitle')} errors={summary} attempt={attempt} />
        {state === 'unavailable' && (
          <div className="alert alert--warning" role="alert">
            <h2>{t('survey.unavailable.title')}</h2>
            <p>{t('survey.unavailable.body')}</p>
          </div>
        )}
        <Field id="reference" label={t('survey.reference.label')} hint={t('survey.reference.hint')} error={message('reference')} errorPrefix={errorPrefix}>
          {(control) => <input {...control} type="text" className="input input--14" dir="ltr" autoComplete="off" spellCheck={false} {...register('reference')} />}
        </Field>
        <SurveyFields t={t} register={register} message={message} errorPrefix={errorPrefix} channels={channels} commentLength={commentLength} />
        <button type="submit" className="button" disabled={state === 'sending'}>
          {state === 'unavailable' ? t('survey.retry') : t('survey.submit')}
        </button>
      </form>
    </div>
  );
}
