import { memo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IslandTranslate } from '../../i18n/islands';
import type { SatisfactionSurvey, SatisfactionSurveyInput } from '../../schemas/satisfaction-survey';
import type { SurveyRuleKey } from '../../schemas/satisfaction-survey-rules';
import { ErrorSummary, summaryOf } from './ErrorSummary';
import { Field } from './Field';
import { SURVEY_ANSWER_FIELDS, SurveyFields, surveyFieldTarget } from './SurveyFields';
import type { ChannelOption } from './types';

export const SURVEY_FIELDS = ['reference', ...SURVEY_ANSWER_FIELDS] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];

interface Props {
  form: UseFormReturn<SatisfactionSurveyInput, unknown, SatisfactionSurvey>;
  t: IslandTranslate<'survey'>;
  channels: ChannelOption[];
  /** Each field's error as a rule key (useErrorKeys): the form re-renders when one changes. */
  errorKeys: Partial<Record<SurveyField, string>>;
  attempt: number;
  state: 'idle' | 'sending' | 'unavailable';
  onValid: (survey: SatisfactionSurvey) => void;
  onInvalid: () => void;
}

/**
 * The survey's fields. Memoised, as the request form's step is: react-hook-form re-renders the
 * form's root once it has hydrated, and these 40-odd controls need not follow (issue 18).
 */
export const SurveyForm = memo(function SurveyForm({ form, t, channels, errorKeys, attempt, state, onValid, onInvalid }: Props) {
  const { register, handleSubmit, control } = form;
  const message = (field: SurveyField) => {
    const key = errorKeys[field];
    return key ? t(`errors.survey.${key as SurveyRuleKey}`) : undefined;
  };
  const summary = summaryOf(SURVEY_FIELDS, message, surveyFieldTarget);
  const errorPrefix = t('form.error.prefix');

  return (
    <form noValidate className="form" onSubmit={handleSubmit(onValid, onInvalid)}>
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
      <SurveyFields t={t} register={register} control={control} message={message} errorPrefix={errorPrefix} channels={channels} />
      <button type="submit" className="button" disabled={state === 'sending'}>
        {state === 'unavailable' ? t('survey.retry') : t('survey.submit')}
      </button>
    </form>
  );
});
