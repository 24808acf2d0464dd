import type { StatusFacts } from '../../api/status-lookup';
import type { KeyWithPrefix, Params } from '../../i18n/translate';
import { daysUntil, formatDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { isDecided, stepsAhead } from '../../lib/request-journey';

/** The strings the status view reads, whichever island shows it (/track, the private page). */
export type StatusDetailsKey = KeyWithPrefix<
  'track.found.' | 'track.status.' | 'track.explain.' | 'track.window.' | 'track.contactUs' | 'track.timeline.' | 'track.next.'
>;

interface Props {
  request: StatusFacts;
  locale: Locale;
  t: (key: StatusDetailsKey, params?: Params) => string;
  channelsHref: string;
}

const dual = (iso: string, locale: Locale) => formatDate(new Date(iso), locale);

/** A request's status in plain words: what it means, the decision window, what happened, what comes next. */
export function StatusDetails({ request, locale, t, channelsHref }: Props) {
  const decided = isDecided(request.status);
  const daysLeft = daysUntil(new Date(request.decision_due_by));
  const overdue = !decided && daysLeft < 0;
  const ahead = stepsAhead(request.status);
  return (
    <section className="status" data-outcome="found" aria-labelledby="status-heading">
      <h2 id="status-heading">
        {t('track.found.heading')} <span dir="ltr">{request.reference}</span>
      </h2>
      <p className="status__now">
        <strong>{t(`track.status.${request.status}`)}</strong>
      </p>
      <p>{t(`track.explain.${request.status}`)}</p>

      {!decided && (
        <>
          <h3>{t('track.window.heading')}</h3>
          <p>{t('track.window.between', { from: dual(request.decision_due_from, locale), by: dual(request.decision_due_by, locale) })}</p>
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
        {request.timeline.map((entry) => (
          <li key={`${entry.status}-${entry.at}`} className="timeline__done">
            <span>{t(`track.status.${entry.status}`)}</span>{' '}
            <time className="muted" dateTime={entry.at}>{dual(entry.at, locale)}</time>
          </li>
        ))}
      </ol>
      {ahead.length > 0 && (
        <>
          <h3>{t('track.next.heading')}</h3>
          <ol className="timeline timeline--ahead" role="list">
            {ahead.map((step) => (
              <li key={step}>{t(`track.next.${step}` as StatusDetailsKey)}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
