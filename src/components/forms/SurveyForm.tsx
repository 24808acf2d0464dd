import { memo } from 'react';
import { useWatch, type Control, type UseFormReturn } from 'react-hook-form';
import type { IslandTranslate } from '../../i18n/islands';
import type { SatisfactionSurvey, SatisfactionSurveyInput } from '../../schemas/satisfaction-survey';
import { COMMENT_MAX, RATINGS, RATING_DIMENSIONS, type SurveyRuleKey } from '../../schemas/satisfaction-survey-rules';
import { CharacterCount } from './CharacterCount';
import { ErrorSummary, summaryOf } from './ErrorSummary';
import { Field } from './Field';
import { RadioGroup, firstOptionId } from './RadioGroup';
import type { ChannelOption } from './types';

export const SURVEY_FIELDS = ['reference', 'channel', ...RATING_DIMENSIONS, 'recommend', 'comment'] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];
const RADIO = new Set<string>([...RATING_DIMENSIONS, 'recommend']);
const RECOMMEND = Array.from({ length: 11 }, (_, n) => String(n));

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
  const summary = summaryOf(SURVEY_FIELDS, message, (field) => (RADIO.has(field) ? firstOptionId(field) : field));
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
      <Field id="channel" label={t('survey.channel.label')} error={message('channel')} errorPrefix={errorPrefix}>
        {(control) => (
          <select {...control} className="select" {...register('channel')}>
            <option value="">{t('survey.channel.none')}</option>
            {channels.map((channel) => (
              <option key={channel.value} value={channel.value}>{channel.label}</option>
            ))}
          </select>
        )}
      </Field>
      {RATING_DIMENSIONS.map((dimension) => (
        <RadioGroup
          key={dimension}
          name={dimension}
          legend={t(`survey.${dimension}.legend`)}
          options={RATINGS.map((value) => ({ value, label: `${value} – ${t(`survey.rating.${value}`)}` }))}
          error={message(dimension)}
          errorPrefix={errorPrefix}
          registration={register(dimension)}
        />
      ))}
      <RadioGroup
        name="recommend"
        legend={t('survey.recommend.legend')}
        hint={t('survey.recommend.hint')}
        options={RECOMMEND.map((value) => ({ value, label: value }))}
        error={message('recommend')}
        errorPrefix={errorPrefix}
        registration={register('recommend')}
        inline
      />
      <Field
        id="comment"
        label={t('survey.comment.label')}
        hint={t('survey.comment.hint')}
        error={message('comment')}
        errorPrefix={errorPrefix}
        after={<CommentCount control={control} t={t} />}
      >
        {(control) => <textarea {...control} className="textarea" rows={5} dir="auto" {...register('comment')} />}
      </Field>
      <button type="submit" className="button" disabled={state === 'sending'}>
        {state === 'unavailable' ? t('survey.retry') : t('survey.submit')}
      </button>
    </form>
  );
});

/** The comment's character count, watching the field itself so typing re-renders only the count. */
function CommentCount({ control, t }: { control: Control<SatisfactionSurveyInput, unknown, SatisfactionSurvey>; t: IslandTranslate<'survey'> }) {
  const comment = useWatch({ control, name: 'comment' }) ?? '';
  return <CharacterCount id="comment-count" count={[...comment.trim()].length} max={COMMENT_MAX} text={(count, max) => t('survey.comment.count', { count, max })} />;
}
