import { useState, type SubmitEvent } from 'react';
import { setMessages, type MessagesState } from '../../api/private-messages';
import type { LinkRefusal } from '../../api/private-page';
import { messagesRule, type MessagesRuleKey } from '../../schemas/private-messages';
import { ErrorMessage } from '../forms/Field';
import type { PrivateTranslate } from './types';

interface Props {
  /** The choice as the page was opened with it. */
  initial: MessagesState;
  secret: string;
  t: PrivateTranslate;
  onLinkRefused: (refusal: LinkRefusal) => void;
}

const ERROR_KEYS = {
  contact_preferences_required: 'private.messages.error.contact_preferences_required',
  email_missing: 'private.messages.error.email_missing',
  messages_channel_required: 'private.messages.error.messages_channel_required',
} as const satisfies Record<MessagesRuleKey, string>;

const DONE_KEYS = { saved: 'private.messages.saved', stopped: 'private.messages.stoppedNow', resumed: 'private.messages.resumedNow' } as const;
type Done = keyof typeof DONE_KEYS;

/** What the beneficiary gets now, in one sentence. */
function nowKey(state: MessagesState) {
  if (state.stopped) return 'private.messages.now.stopped';
  if (state.sms && state.email) return 'private.messages.now.both';
  if (state.sms) return 'private.messages.now.sms';
  return state.email ? 'private.messages.now.email' : 'private.messages.now.none';
}

/**
 * How the beneficiary hears about the request (the outreach issue's contact preferences): SMS,
 * email, or stopped; the decision reaches them whatever they choose (policy, handling step 5). What
 * they ticked stays as it is until it is saved, so a lost connection loses nothing.
 */
export function Messages({ initial, secret, t, onLinkRefused }: Props) {
  const [saved, setSaved] = useState(initial);
  const [ways, setWays] = useState({ sms: initial.sms, email: initial.email });
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<MessagesRuleKey | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  const send = async (stopped: boolean, success: Done) => {
    if (sending) return;
    const choice = { ...ways, stopped };
    setDone(null);
    setUnavailable(false);
    const refused = messagesRule(choice, saved.email_available);
    setError(refused);
    if (refused) return;
    setSending(true);
    const outcome = await setMessages(secret, choice);
    setSending(false);
    if (outcome.ok) {
      setSaved(outcome.messages);
      setWays({ sms: outcome.messages.sms, email: outcome.messages.email });
      return setDone(success);
    }
    if (outcome.failure.kind === 'link') return onLinkRefused(outcome.failure.refusal);
    if (outcome.failure.kind === 'rule') return setError(outcome.failure.ruleKey);
    setUnavailable(true);
  };
  const save = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(saved.stopped, 'saved');
  };

  const describedBy = (hint?: string) => [hint, error && 'messages-error'].filter(Boolean).join(' ') || undefined;
  return (
    <section aria-labelledby="messages-heading" className="private-section" data-testid="messages">
      <h2 id="messages-heading">{t('private.messages.heading')}</h2>
      <p data-testid="messages-now"><strong>{t(nowKey(saved))}</strong></p>
      <p>{t('private.messages.decision')}</p>
      <div role="status">
        {sending && <p>{t('private.messages.saving')}</p>}
        {done && <p className="notice">{t(DONE_KEYS[done])}</p>}
      </div>
      {unavailable && (
        <div className="alert alert--warning" role="alert">
          <h3>{t('private.messages.unavailable.title')}</h3>
          <p>{t('private.messages.unavailable.body')}</p>
        </div>
      )}
      <form noValidate className="form" aria-labelledby="messages-heading" onSubmit={save}>
        <fieldset className={error ? 'field field--error' : 'field'}>
          <legend>{t('private.messages.legend')}</legend>
          <div role="alert">{error && <ErrorMessage id="messages-error" prefix={t('form.error.prefix')} message={t(ERROR_KEYS[error])} />}</div>
          <div className="checkbox">
            <input
              id="messages-sms"
              type="checkbox"
              checked={ways.sms}
              aria-describedby={describedBy()}
              onChange={(event) => setWays({ ...ways, sms: event.currentTarget.checked })}
            />
            <label htmlFor="messages-sms">{t('private.messages.sms')}</label>
          </div>
          <div className="checkbox">
            <input
              id="messages-email"
              type="checkbox"
              checked={ways.email}
              disabled={!saved.email_available}
              aria-describedby={describedBy(saved.email_available ? undefined : 'messages-email-hint')}
              onChange={(event) => setWays({ ...ways, email: event.currentTarget.checked })}
            />
            <label htmlFor="messages-email">{t('private.messages.email')}</label>
          </div>
          {!saved.email_available && <p id="messages-email-hint" className="field__hint checkbox__hint">{t('private.messages.noEmail')}</p>}
        </fieldset>
        <button type="submit" className="button">{t('private.messages.save')}</button>
      </form>
      <p id="messages-stop-hint">{t(saved.stopped ? 'private.messages.resumeHint' : 'private.messages.stopHint')}</p>
      <button type="button" className="button button--secondary" aria-describedby="messages-stop-hint" onClick={() => send(!saved.stopped, saved.stopped ? 'resumed' : 'stopped')}>
        {t(saved.stopped ? 'private.messages.resume' : 'private.messages.stop')}
      </button>
    </section>
  );
}
