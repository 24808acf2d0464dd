import { useEffect, useRef, useState } from 'react';
import { setMessagesStopped, type StopAnswer } from '../../api/stop-messages';
import { translator } from '../../i18n/translate';
import type { IslandProps } from './types';

interface Props extends IslandProps<'stop'> {
  channelsHref: string;
}

type State = { step: 'no_token' } | { step: 'ask'; reference: string } | { step: 'working' } | { step: 'answered'; answer: StopAnswer };

/**
 * /stop#<token>: the link in every message but the decision. One click on the page stops the
 * messages, with no account; opening the link alone changes nothing (mail scanners open links, as
 * the survey page also allows for). The answer offers to start them again with the same link.
 */
export default function StopMessages({ messages, channelsHref }: Props) {
  const t = translator(messages);
  const [state, setState] = useState<State>({ step: 'working' });
  const [lastWish, setLastWish] = useState(true);
  const token = useRef('');
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    token.current = decodeURIComponent(location.hash.replace(/^#/, '')).trim().slice(0, 40);
    // The token starts with the reference's 8 characters; the database checks the rest.
    const code = token.current.toUpperCase().slice(0, 8);
    setState(/^[0-9A-Z]{8}/.test(code) ? { step: 'ask', reference: `IRT-${code}` } : { step: 'no_token' });
  }, []);

  async function ask(stop: boolean) {
    setLastWish(stop);
    setState({ step: 'working' });
    setState({ step: 'answered', answer: await setMessagesStopped(token.current, stop) });
    result.current?.focus();
  }

  const body = () => {
    if (state.step === 'working') return <p>{t('stop.working')}</p>;
    if (state.step === 'no_token') return <p>{t('stop.noToken')}</p>;
    if (state.step === 'ask') {
      return (
        <>
          <p>{t('stop.question', { reference: state.reference })}</p>
          <button type="button" className="button" onClick={() => ask(true)}>{t('stop.stopAgain')}</button>
        </>
      );
    }
    const { answer } = state;
    if (answer.outcome === 'stopped' || answer.outcome === 'resumed') {
      const stopped = answer.outcome === 'stopped';
      return (
        <>
          <p data-outcome={answer.outcome}>{t(stopped ? 'stop.stopped' : 'stop.resumed', { reference: answer.reference })}</p>
          <button type="button" className="button button--secondary" onClick={() => ask(!stopped)}>{t(stopped ? 'stop.undo' : 'stop.stopAgain')}</button>
        </>
      );
    }
    const minutes = answer.outcome === 'throttled' ? Math.max(1, Math.ceil(answer.retry_after_seconds / 60)) : 0;
    return (
      <div className="alert alert--warning" data-outcome={answer.outcome}>
        <p>{answer.outcome === 'throttled' ? t('stop.throttled', { minutes }) : answer.outcome === 'not_found' ? t('stop.notFound') : t('stop.unavailable')}</p>
        {answer.outcome === 'unavailable' && <button type="button" className="button" onClick={() => ask(lastWish)}>{t('stop.retry')}</button>}
        <p><a href={channelsHref}>{t('stop.channels')}</a></p>
      </div>
    );
  };

  return (
    <div className="form-island" data-hydrated="true">
      <div ref={result} tabIndex={-1} aria-live="polite">{body()}</div>
    </div>
  );
}
