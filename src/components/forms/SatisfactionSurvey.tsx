import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { lazySchemaResolver } from './schema-resolver';
import { translator } from '../../i18n/translate';
import type { SatisfactionSurvey as Survey, SatisfactionSurveyInput } from '../../schemas/satisfaction-survey';
import { SURVEY_FIELDS, SurveyForm } from './SurveyForm';
import type { ChannelOption, IslandProps } from './types';
import { useErrorKeys } from './useErrorKeys';
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

/**
 * /survey: rating the service is the beneficiary's right (policy, detailed goal 6-t). A link may
 * carry the reference (?ref=); only the applicant's own click on "Send" sends a rating, so a
 * link scanner opening the page never does.
 */
export default function SatisfactionSurvey({ locale, messages, channels }: Props) {
  const t = useMemo(() => translator(messages), [messages]);
  const form = useForm<SatisfactionSurveyInput, unknown, Survey>({
    resolver,
    defaultValues: { reference: '', channel: '', comment: '', recommend: '', locale } as unknown as SatisfactionSurveyInput,
    shouldFocusError: false,
  });
  const { formState, setValue, setError } = form;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<'idle' | 'sending' | 'unavailable' | 'sent'>('idle');
  const sending = useRef(false);
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

  const errorKeys = useErrorKeys(formState.errors, SURVEY_FIELDS);
  useErrorTitle(attempt > 0 && Object.keys(formState.errors).length > 0, t('form.error.titlePrefix'));

  const onValid = useCallback(
    async (survey: Survey) => {
      if (sending.current) return;
      sending.current = true;
      setState('sending');
      const outcome = await loadSubmit().then(
        ({ submitSatisfactionSurvey }) => submitSatisfactionSurvey(survey, idempotencyKey.current),
        () => ({ ok: false, failure: { kind: 'unavailable' } }) as const,
      );
      sending.current = false;
      if (outcome.ok) return setState('sent');
      if (outcome.failure.kind === 'unavailable') return setState('unavailable');
      setError(outcome.failure.field as 'reference', { type: 'server', message: outcome.failure.ruleKey });
      setState('idle');
      setAttempt((n) => n + 1);
    },
    [setError],
  );
  const onInvalid = useCallback(() => setAttempt((n) => n + 1), []);

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
      <SurveyForm form={form} t={t} channels={channels} errorKeys={errorKeys} attempt={attempt} state={state} onValid={onValid} onInvalid={onInvalid} />
    </div>
  );
}
