import type { StatusAnswer } from '../../api/status-lookup';
import type { IslandKey, IslandTranslate } from '../../i18n/islands';
import { daysUntil, formatDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { isDecided, stepsAhead } from '../../lib/request-journey';

interface Props {
  answer: StatusAnswer;
  locale: Locale;
  t: IslandTranslate<'track'>;
  channelsHref: string;
}

const dual = (iso: string, locale: Locale) => formatDate(new Date(iso), locale);

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
  const decided = isDecided(answer.status);
  const daysLeft = daysUntil(new Date(answer.decision_due_by));
  const overdue = !decided && daysLeft < 0;
  return (
    <section className="status" data-outcome="found" aria-labelledby="status-heading">
      <h2 id="status-heading">
        {t('track.found.heading')} <span dir="ltr">{answer.reference}</span>
      </h2>
      <p className="status__now">
        <strong>{t(`track.status.${answer.status}`)}</strong>
      </p>
      <p>{t(`track.explain.${answer.status}`)}</p>

      {!decided && (
        <>
          <h3>{t('track.window.heading')}</h3>
          <p>{t('track.window.between', { from: dual(answer.decision_due_from, locale), by: dual(answer.decision_due_by, locale) })}</p>
          {overdue ? (
            <div className="alert alert--warning">
              <p>{t('track.window.overdue')}</p>
              <p><a href={channelsHref}>{t('track.contactUs')}</a></p>
            </div>
          ) : (
            <p><strong>{t('track.window.daysLeft', { days: daysLeft })}</strong></p>
          )}
        </>
      )}

      <h3>{t('track.timeline.heading')}</h3>
      <ol className="timeline" role="list">
        {answer.timeline.map((entry) => (
          <li key={`${entry.status}-${entry.at}`} className="timeline__done">
            <span>{t(`track.status.${entry.status}`)}</span>{' '}
            <time className="muted" dateTime={entry.at}>{dual(entry.at, locale)}</time>
          </li>
        ))}
      </ol>
      {stepsAhead(answer.status).length > 0 && (
        <>
          <h3>{t('track.next.heading')}</h3>
          <ol className="timeline timeline--ahead" role="list">
            {stepsAhead(answer.status).map((step) => (
              <li key={step}>{t(`track.next.${step}` as IslandKey<'track'>)}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
