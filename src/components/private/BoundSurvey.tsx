import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { rateService, type LinkRefusal, type PrivatePage } from '../../api/private-page';
import { formatDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { satisfactionSurveySchema, type SatisfactionSurvey, type SatisfactionSurveyInput } from '../../schemas/satisfaction-survey';
import type { SurveyRuleKey } from '../../schemas/satisfaction-survey-rules';
import { ErrorSummary, summaryOf } from '../forms/ErrorSummary';
import { schemaResolver } from '../forms/schema-resolver';
import { SURVEY_ANSWER_FIELDS, SurveyFields, surveyFieldTarget, type SurveyAnswerField } from '../forms/SurveyFields';
import type { ChannelOption } from '../forms/types';
import type { PrivateTranslate } from './types';

interface Props {
  page: PrivatePage;
  secret: string;
  t: PrivateTranslate;
  locale: Locale;
  channels: ChannelOption[];
  /** The page should be read again (the survey was given meanwhile). */
  onChanged: () => void;
  onLinkRefused: (refusal: LinkRefusal) => void;
}

/**
 * Rating the service, bound to this request: open once the decision is made, once per request
 * (a second is refused, and the page says so before anyone starts); a low score asks a
 * relations officer to call back (policy, detailed goal 6-t).
 */
export function BoundSurvey({ page, secret, t, locale, channels, onChanged, onLinkRefused }: Props) {
  const form = useForm<SatisfactionSurveyInput, unknown, SatisfactionSurvey>({
    resolver: schemaResolver(satisfactionSurveySchema),
    defaultValues: { reference: '', channel: '', comment: '', recommend: '', locale } as unknown as SatisfactionSurveyInput,
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<'idle' | 'sending' | 'unavailable' | 'sent'>('idle');
  const idempotencyKey = useRef(crypto.randomUUID());
  const thanks = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state === 'sent') thanks.current?.focus();
  }, [state]);

  const errors = form.formState.errors as Partial<Record<SurveyAnswerField, { message?: string }>>;
  const message = (field: SurveyAnswerField) => {
    const key = errors[field]?.message;
    return key ? t(`errors.survey.${key as SurveyRuleKey}`) : undefined;
  };
  const summary = summaryOf(SURVEY_ANSWER_FIELDS, message, surveyFieldTarget);

  const onValid = async (survey: SatisfactionSurvey) => {
    if (state === 'sending') return;
    setState('sending');
    const outcome = await rateService(secret, survey, idempotencyKey.current);
    if (outcome.ok) return setState('sent');
    setState(outcome.failure.kind === 'unavailable' ? 'unavailable' : 'idle');
    if (outcome.failure.kind === 'link') return onLinkRefused(outcome.failure.refusal);
    if (outcome.failure.kind !== 'rule') return;
    if (outcome.failure.field === 'form') return onChanged();
    form.setError(outcome.failure.field as SurveyAnswerField, { type: 'server', message: outcome.failure.ruleKey });
    setAttempt((n) => n + 1);
  };

  const heading = (
    <h2 id="survey-heading" tabIndex={-1}>
      {t('private.survey.heading')}
    </h2>
  );
  if (state === 'sent') {
    return (
      <section aria-labelledby="survey-thanks" className="private-section">
        <div className="panel">
          <h2 id="survey-thanks" ref={thanks} tabIndex={-1}>{t('survey.thanks.title')}</h2>
          <p>{t('survey.thanks.body')}</p>
        </div>
      </section>
    );
  }
  if (!page.survey.open || page.survey.given_at) {
    return (
      <section aria-labelledby="survey-heading" className="private-section">
        {heading}
        <p>{page.survey.given_at ? t('private.survey.given', { date: formatDate(new Date(page.survey.given_at), locale) }) : t('private.survey.notYet')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="survey-heading" className="private-section">
      {heading}
      <p className="survey-right">{t('survey.right')}</p>
      <p>{t('private.survey.once')}</p>
      <form noValidate className="form" aria-labelledby="survey-heading" onSubmit={form.handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
        <ErrorSummary title={t('form.error.summaryTitle')} errors={summary} attempt={attempt} />
        {state === 'unavailable' && (
          <div className="alert alert--warning" role="alert">
            <h3>{t('survey.unavailable.title')}</h3>
            <p>{t('survey.unavailable.body')}</p>
          </div>
        )}
        <SurveyFields
          t={t}
          register={form.register}
          message={message}
          errorPrefix={t('form.error.prefix')}
          channels={channels}
          control={form.control}
        />
        <button type="submit" className="button" disabled={state === 'sending'}>
          {state === 'unavailable' ? t('survey.retry') : t('survey.submit')}
        </button>
      </form>
    </section>
  );
}
