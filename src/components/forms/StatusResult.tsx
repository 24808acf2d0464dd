import type { StatusAnswer } from '../../api/status-lookup';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import { StatusDetails } from './StatusDetails';

interface Props {
  answer: StatusAnswer;
  locale: Locale;
  t: IslandTranslate<'track'>;
  channelsHref: string;
}

/** The answer to a status lookup, in plain words. */
export function StatusResult({ answer, locale, t, channelsHref }: Props) {
  if (answer.outcome === 'not_found' || answer.outcome === 'throttled') {
    // The same words whichever part was wrong, so the answer gives nothing away.
    const minutes = answer.outcome === 'throttled' ? Math.max(1, Math.ceil(answer.retry_after_seconds / 60)) : 0;
    return (
      <div className="alert alert--warning" data-outcome={answer.outcome}>
        <h2>{t(answer.outcome === 'throttled' ? 'track.throttled.title' : 'track.notFound.title')}</h2>
        <p>{answer.outcome === 'throttled' ? t('track.throttled.body', { minutes }) : t('track.notFound.body')}</p>
        <p><a href={channelsHref}>{t('track.contactUs')}</a></p>
      </div>
    );
  }
  if (answer.outcome === 'unavailable') {
    return (
      <div className="alert alert--warning" data-outcome="unavailable">
        <h2>{t('track.unavailable.title')}</h2>
        <p>{t('track.unavailable.body')}</p>
      </div>
    );
  }
  return <StatusDetails request={answer} locale={locale} t={t} channelsHref={channelsHref} />;
}
