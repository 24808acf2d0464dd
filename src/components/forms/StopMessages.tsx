import { useEffect, useRef, useState } from 'react';
import { setMessagesStopped, type StopAnswer } from '../../api/stop-messages';
import { translator } from '../../i18n/translate';
import type { IslandProps } from './types';

interface Props extends IslandProps<'stop'> {
  channelsHref: string;
}

/**
 * /stop#<token>: the link in every message but the decision. Opening it stops the messages (one
 * click, no account); the page says so, and offers to start them again with the same link.
 */
export default function StopMessages({ messages, channelsHref }: Props) {
  const t = translator(messages);
  const [answer, setAnswer] = useState<StopAnswer | 'working' | 'no_token'>('working');
  const [lastWish, setLastWish] = useState(true);
  const token = useRef('');
  const result = useRef<HTMLDivElement>(null);

  async function ask(stop: boolean) {
    setLastWish(stop);
    setAnswer('working');
    setAnswer(await setMessagesStopped(token.current, stop));
    result.current?.focus();
  }

  useEffect(() => {
    token.current = decodeURIComponent(location.hash.replace(/^#/, '')).slice(0, 40);
    if (token.current === '') setAnswer('no_token');
    else void ask(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const body = () => {
    if (answer === 'working') return <p>{t('stop.working')}</p>;
    if (answer === 'no_token') return <p>{t('stop.noToken')}</p>;
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
      <div ref={result} tabIndex={-1} role="status" aria-live="polite">{body()}</div>
    </div>
  );
}
