import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { sendReply, type LinkRefusal, type PrivatePage } from '../../api/private-page';
import { formatDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { REPLY_MAX, isDocumentRule, privateReplySchema, type DocumentRuleKey, type PrivateReply, type ReplyRuleKey } from '../../schemas/private-reply';
import { CharacterCount } from '../forms/CharacterCount';
import { ErrorSummary, summaryOf } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { schemaResolver } from '../forms/schema-resolver';
import { useErrorTitle } from '../forms/useErrorTitle';
import { DocumentPicker, type PickerWording } from './DocumentPicker';
import type { PrivateTranslate } from './types';

interface Props {
  page: PrivatePage;
  secret: string;
  t: PrivateTranslate;
  locale: Locale;
  onReplied: () => void;
  onLinkRefused: (refusal: LinkRefusal) => void;
}

const FIELDS = ['reply', 'documents'] as const;

/** What staff asked for, and the answer: text kept as typed, and documents (policy, handling step 2). */
export function ReplySection({ page, secret, t, locale, onReplied, onLinkRefused }: Props) {
  const form = useForm<PrivateReply>({ resolver: schemaResolver(privateReplySchema), defaultValues: { reply: '' }, shouldFocusError: false });
  const [files, setFiles] = useState<File[]>([]);
  const [documentsError, setDocumentsError] = useState<DocumentRuleKey | null>(null);
  const [notExpected, setNotExpected] = useState(false);
  const [state, setState] = useState<'idle' | 'sending' | 'unavailable'>('idle');
  const [attempt, setAttempt] = useState(0);
  // One reply per key: a send retried after a lost answer saves it once.
  const idempotencyKey = useRef(crypto.randomUUID());

  const replyError = form.formState.errors.reply?.message as ReplyRuleKey | undefined;
  const message = (field: (typeof FIELDS)[number]) => {
    if (field === 'reply') return replyError && t(`errors.reply.${replyError}`);
    return documentsError ? t(`errors.documents.${documentsError}`) : undefined;
  };
  const summary = summaryOf(FIELDS, message);
  useErrorTitle(attempt > 0 && summary.length > 0, t('form.error.titlePrefix'));
  const failed = () => setAttempt((n) => n + 1);

  const onValid = async ({ reply }: PrivateReply) => {
    if (state === 'sending') return;
    if (files.length > page.documents_remaining) {
      setDocumentsError('documents_too_many');
      return failed();
    }
    setState('sending');
    setNotExpected(false);
    const outcome = await sendReply(secret, reply, files, idempotencyKey.current);
    if (outcome.ok) return onReplied();
    setState(outcome.failure.kind === 'unavailable' ? 'unavailable' : 'idle');
    if (outcome.failure.kind === 'link') return onLinkRefused(outcome.failure.refusal);
    if (outcome.failure.kind === 'rule') {
      const { ruleKey } = outcome.failure;
      if (ruleKey === 'reply_not_expected') setNotExpected(true);
      else if (isDocumentRule(ruleKey)) setDocumentsError(ruleKey);
      else form.setError('reply', { type: 'server', message: ruleKey });
      failed();
    }
  };

  const wording: PickerWording = {
    label: t('private.documents.label'),
    hint: (limits) => t('private.documents.hint', limits),
    full: (max) => t('private.documents.full', { max }),
    chosen: t('private.documents.chosen'),
    remove: (name) => t('private.documents.remove', { name }),
    refused: (name, key) => t('private.documents.refused', { name, reason: t(`errors.documents.${key}`) }),
    facts: (type, size) => t('private.document', { type, size }),
    errorPrefix: t('form.error.prefix'),
  };
  const replyLength = [...(form.watch('reply') ?? '')].length;

  return (
    <section aria-labelledby="asked-heading" className="private-section">
      <h2 id="asked-heading">{t('private.asked.heading')}</h2>
      {page.question && (
        <>
          <p className="asked-text" dir="auto">{page.question.text}</p>
          <p className="muted">{t('private.asked.at', { date: formatDate(new Date(page.question.at), locale) })}</p>
        </>
      )}
      <h2 id="reply-heading">{t('private.reply.heading')}</h2>
      <form noValidate className="form" aria-labelledby="reply-heading" onSubmit={form.handleSubmit(onValid, failed)}>
        <ErrorSummary title={t('form.error.summaryTitle')} errors={summary} attempt={attempt} />
        {notExpected && <div className="alert alert--warning" role="alert"><p>{t('errors.reply.reply_not_expected')}</p></div>}
        {state === 'unavailable' && (
          <div className="alert alert--warning" role="alert">
            <h3>{t('private.sendFailed.title')}</h3>
            <p>{t('private.sendFailed.body')}</p>
          </div>
        )}
        <Field
          id="reply"
          label={t('private.reply.label')}
          hint={t('private.reply.hint')}
          error={message('reply')}
          errorPrefix={t('form.error.prefix')}
          after={<CharacterCount id="reply-count" count={replyLength} max={REPLY_MAX} text={(count, max) => t('private.reply.count', { count, max })} />}
        >
          {(control) => <textarea {...control} className="textarea" rows={6} dir="auto" {...form.register('reply')} />}
        </Field>
        <DocumentPicker
          id="documents"
          files={files}
          onFiles={(picked) => {
            setFiles(picked);
            setDocumentsError(null);
          }}
          remaining={page.documents_remaining}
          error={message('documents')}
          wording={wording}
          locale={locale}
        />
        <button type="submit" className="button" disabled={state === 'sending'}>
          {state === 'sending' ? t('private.sending') : t('private.send')}
        </button>
      </form>
    </section>
  );
}
