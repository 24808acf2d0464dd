import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { lazySchemaResolver } from './schema-resolver';
import type { RequestReceipt } from '../../api/request-arguments';
import { translator } from '../../i18n/translate';
import { clearDraft, loadDraft, newDraft, saveDraft, type Draft } from '../../lib/draft';
import type { SupportRequest, SupportRequestInput } from '../../schemas/support-request';
import type { SendState } from './CheckAnswers';
import { RequestFormStep } from './RequestFormStep';
import { StepLoading } from './StepLoading';
import { REQUEST_FIELDS, controlId, emptyRequest, type RequestField } from './request-fields';
import { requestWording } from './request-wording';
import type { ChannelOption, IslandProps } from './types';
import { useErrorKeys } from './useErrorKeys';
import { useErrorTitle } from './useErrorTitle';

export const DRAFT_KEY = 'irtiqaa.supportRequest.draft';

// Only the form step runs when the page opens (issue 18); the schema, the review and confirmation
// steps and the API client load when the applicant starts on the form, or at the latest when needed.
const resolver = lazySchemaResolver(() => import('../../schemas/support-request').then((m) => m.supportRequestSchema));
const loadCheckAnswers = () => import('./CheckAnswers');
const loadConfirmation = () => import('./RequestConfirmation');
const loadSubmit = () => import('../../api/submit-request');
const CheckAnswers = lazy(() => loadCheckAnswers().then((m) => ({ default: m.CheckAnswers })));
const RequestConfirmation = lazy(() => loadConfirmation().then((m) => ({ default: m.RequestConfirmation })));
const preloadLaterSteps = () => {
  resolver.preload();
  void loadCheckAnswers();
  void loadConfirmation();
  void loadSubmit();
};

interface Props extends IslandProps<'request'> {
  channels: ChannelOption[];
  nextSteps: string[];
  links: { privacy: string; channels: string; track: string };
}

type Step = 'form' | 'review' | 'confirmation';

/** /request: the form, "check your answers", then the confirmation (three steps, one page). */
export default function SupportRequestForm({ locale, messages, channels, nextSteps, links }: Props) {
  const t = useMemo(() => translator(messages), [messages]);
  const wording = useMemo(() => requestWording(t, links.privacy), [t, links.privacy]);
  const form = useForm<SupportRequestInput, unknown, SupportRequest>({
    resolver,
    defaultValues: emptyRequest(locale),
    shouldFocusError: false,
  });
  const [step, setStep] = useState<Step>('form');
  const [attempt, setAttempt] = useState(0);
  const [restored, setRestored] = useState(false);
  const [review, setReview] = useState<SupportRequest | null>(null);
  const [sendState, setSendState] = useState<SendState>('idle');
  const [refusalKey, setRefusalKey] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<RequestReceipt | null>(null);
  const draft = useRef<Draft<SupportRequestInput> | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const trap = useRef('');
  const sending = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<string | null>(null);

  // Restore the draft after the island has hydrated (the server renders the empty form).
  useEffect(() => {
    const saved = loadDraft<SupportRequestInput>(DRAFT_KEY);
    draft.current = saved ?? newDraft();
    const typedSomething = saved && Object.entries(saved.values).some(([name, v]) => name !== 'locale' && typeof v === 'string' && v.trim() !== '');
    if (saved && typedSomething) {
      form.reset({ ...emptyRequest(locale), ...saved.values, locale });
      setRestored(true);
    }
    const subscription = form.watch((values) => {
      if (draft.current) saveDraft(DRAFT_KEY, { ...draft.current, values: values as Partial<SupportRequestInput> });
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // After a step change, focus its heading (or the field the applicant chose to change).
  useEffect(() => {
    // On the form without a field to focus, the error summary takes focus itself.
    if (pendingFocus.current) document.getElementById(pendingFocus.current)?.focus();
    else if (step !== 'form') heading.current?.focus();
    pendingFocus.current = null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const errorKeys = useErrorKeys(form.formState.errors, REQUEST_FIELDS);
  const hasErrors = step === 'form' && attempt > 0 && Object.keys(form.formState.errors).length > 0;
  useErrorTitle(hasErrors, t('form.error.titlePrefix'));

  const onValid = useCallback((request: SupportRequest) => {
    trap.current = honeypot.current?.value ?? '';
    setReview(request);
    setSendState('idle');
    setStep('review');
    window.scrollTo(0, 0);
  }, []);
  const onInvalid = useCallback(() => setAttempt((n) => n + 1), []);

  const changeAnswer = (field: string) => {
    pendingFocus.current = controlId(field);
    setStep('form');
  };

  const send = async () => {
    if (!review || !draft.current || sending.current) return;
    sending.current = true;
    setSendState('sending');
    const { idempotencyKey, startedAt } = draft.current;
    // A lost connection before the API client was fetched is the same as one during the call.
    const outcome = await loadSubmit().then(
      ({ submitSupportRequest }) => submitSupportRequest(review, { idempotencyKey, startedAt, honeypot: trap.current }),
      () => ({ ok: false, failure: { kind: 'unavailable' } }) as const,
    );
    sending.current = false;
    if (outcome.ok) {
      clearDraft(DRAFT_KEY);
      draft.current = newDraft();
      setSubmitted(outcome.request);
      setStep('confirmation');
      window.scrollTo(0, 0);
      return;
    }
    const { failure } = outcome;
    if (failure.kind === 'unavailable') return setSendState('unavailable');
    if (failure.field === 'form') {
      setRefusalKey(failure.ruleKey);
      return setSendState('refused');
    }
    // A rule the database refused: back to the form, the message on the right field.
    form.setError(failure.field as RequestField, { type: 'server', message: failure.ruleKey });
    setSendState('idle');
    setStep('form');
    setAttempt((n) => n + 1);
  };

  const title = {
    form: t('request.title'),
    review: t('request.review.title'),
    confirmation: t('request.confirmation.title'),
  }[step];

  return (
    <div className="form-island" data-step={step} data-hydrated="true" onFocus={preloadLaterSteps} onPointerDown={preloadLaterSteps}>
      <h1 ref={heading} tabIndex={-1}>{title}</h1>
      {step === 'form' && (
        <RequestFormStep
          form={form}
          t={t}
          wording={wording}
          channels={channels}
          channelsHref={links.channels}
          errorKeys={errorKeys}
          attempt={attempt}
          restored={restored}
          honeypot={honeypot}
          onValid={onValid}
          onInvalid={onInvalid}
        />
      )}
      <Suspense fallback={<StepLoading text={t('form.loading')} />}>
        {step === 'review' && review && (
          <CheckAnswers request={review} t={t} labels={wording.label} channels={channels} sendState={sendState} refusalKey={refusalKey} onChange={changeAnswer} onSend={send} />
        )}
        {step === 'confirmation' && submitted && (
          <RequestConfirmation request={submitted} locale={locale} t={t} nextSteps={nextSteps} trackHref={links.track} />
        )}
      </Suspense>
    </div>
  );
}
