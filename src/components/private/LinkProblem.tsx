import type { PageAnswer } from '../../api/private-page';
import type { PrivateLinks, PrivateTranslate } from './types';

interface Props {
  answer: Exclude<PageAnswer, { outcome: 'found' }>;
  t: PrivateTranslate;
  links: PrivateLinks;
  onRetry: () => void;
  /** Shown before the answer, when the address carries no secret (PrivateRequest): not yet the island's answer. */
  standIn?: boolean;
}

/** A link that opens no page: wrong, replaced and ended links read the same, so none tells anything about requests. */
export function LinkProblem({ answer, t, links, onRetry, standIn = false }: Props) {
  if (answer.outcome === 'unavailable') {
    return (
      <div className="alert alert--warning" data-hydrated="true" data-outcome="unavailable">
        <h2>{t('private.unavailable.title')}</h2>
        <p>{t('private.unavailable.body')}</p>
        <p><button type="button" className="button button--secondary" onClick={onRetry}>{t('private.retry')}</button></p>
      </div>
    );
  }
  const throttled = answer.outcome === 'throttled';
  return (
    <div className={`alert alert--warning${standIn ? ' private-no-link' : ''}`} data-hydrated={standIn ? undefined : 'true'} data-outcome={answer.outcome}>
      <h2>{t(throttled ? 'private.throttled.title' : 'private.notFound.title')}</h2>
      <p>{throttled ? t('private.throttled.body', { minutes: Math.max(1, Math.ceil(answer.retry_after_seconds / 60)) }) : t('private.notFound.body')}</p>
      <ul>
        <li><a href={links.channels}>{t('private.notFound.channels')}</a></li>
        <li><a href={links.track}>{t('private.notFound.track')}</a></li>
      </ul>
    </div>
  );
}
