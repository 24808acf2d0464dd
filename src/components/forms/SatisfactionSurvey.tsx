import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { lazySchemaResolver } from './schema-resolver';
import { translator } from '../../i18n/translate';
import type { SatisfactionSurvey as Survey, SatisfactionSurveyInput } from '../../schemas/satisfaction-survey';
import { COMMENT_MAX, RATINGS, RATING_DIMENSIONS, type SurveyRuleKey } from '../../schemas/satisfaction-survey-rules';
import { CharacterCount } from './CharacterCount';
import { ErrorSummary, summaryOf } from './ErrorSummary';
import { firstOptionId } from './RadioGroup';
import { Field } from './Field';
import { RadioGroup } from './RadioGroup';
import type { ChannelOption, IslandProps } from './types';
import { useErrorTitle } from './useErrorTitle';

interface Props extends IslandProps<'survey'> {
  channels: ChannelOption[];
}

// The form runs when the page opens; its schema and the API client load when the applicant
// starts on it, or at the latest when they send (issue 18).
const resolver = lazySchemaResolver(() => import('../../schemas/satisfaction-survey').then((m) => m.satisfactionSurveySchema));
const loadSubmit = () => import('../../api/submit-survey');
const preloadSending = () => {
  resolver.preload();
  void loadSubmit();
};

const FIELDS = ['reference', 'channel', ...RATING_DIMENSIONS, 'recommend', 'comment'] as const;
const RADIO = new Set<string>([...RATING_DIMENSIONS, 'recommend']);
const RECOMMEND = Array.from({ length: 11 }, (_, n) => String(n));

/**
 * /survey: rating the service is the beneficiary's right (policy, detailed goal 6-t). A link may
 * carry the reference (?ref=); only the applicant's own click on "Send" sends a rating, so a
 * link scanner opening the page never does.
 */
export default function SatisfactionSurvey({ locale, messages, channels }: Props) {
  const t = translator(messages);
  const form = useForm<SatisfactionSurveyInput, unknown, Survey>({
    resolver,
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
  const summary = summaryOf(FIELDS, message, (field) => (RADIO.has(field) ? firstOptionId(field) : field));
  const errorPrefix = t('form.error.prefix');
  const commentLength = [...(watch('comment') ?? '').trim()].length;

  const onValid = async (survey: Survey) => {
    if (state === 'sending') return;
    setState('sending');
    const outcome = await loadSubmit().then(
      ({ submitSatisfactionSurvey }) => submitSatisfactionSurvey(survey, idempotencyKey.current),
      () => ({ ok: false, failure: { kind: 'unavailable' } }) as const,
    );
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
    <div className="form-island" data-hydrated="true" onFocus={preloadSending} onPointerDown={preloadSending}>
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
          after={<CharacterCount id="comment-count" count={commentLength} max={COMMENT_MAX} text={(count, max) => t('survey.comment.count', { count, max })} />}
        >
          {(control) => <textarea {...control} className="textarea" rows={5} dir="auto" {...register('comment')} />}
        </Field>
        <button type="submit" className="button" disabled={state === 'sending'}>
          {state === 'unavailable' ? t('survey.retry') : t('survey.submit')}
        </button>
      </form>
    </div>
  );
}
