import type { PrivatePage } from '../../api/private-page';
import { formatDate, gregorianDate, hijriDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import type { Association, PrivateTranslate } from './types';

type DecisionFacts = NonNullable<PrivatePage['decision']>;

interface Props {
  page: PrivatePage;
  decision: DecisionFacts;
  t: PrivateTranslate;
  locale: Locale;
  association: Association;
}

/** Policy, handling step 5: the reply on acceptance or rejection, its reason, and a letter to print or keep. */
export function Decision({ page, decision, t, locale, association }: Props) {
  const accepted = decision.outcome === 'accepted';
  return (
    <>
      <section aria-labelledby="decision-heading" className="private-section">
        <h2 id="decision-heading">{t('private.decision.heading')}</h2>
        <p className="status__now"><strong>{accepted ? t('private.decision.accepted') : t('private.decision.rejected')}</strong></p>
        <p>{t('private.decision.at', { date: formatDate(new Date(decision.at), locale) })}</p>
        {decision.reason && (
          <>
            <h3>{t('private.decision.reason')}</h3>
            <p className="reply-text" dir="auto">{decision.reason}</p>
          </>
        )}
        <p>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>{t('private.decision.print')}</button>
        </p>
      </section>
      <DecisionLetter page={page} decision={decision} t={t} locale={locale} association={association} />
    </>
  );
}

/** The decision letter: printed alone (private.css), dated in both calendars, from the association. */
function DecisionLetter({ page, decision, t, locale, association }: Props) {
  const decidedOn = new Date(decision.at);
  const role = decision.decided_by_role ? t(`private.role.${decision.decided_by_role}`) : t('private.role.authority');
  return (
    <article className="decision-letter" aria-labelledby="letter-title" data-testid="decision-letter">
      <div className="decision-letter__from">
        <p className="decision-letter__association">{association.name}</p>
        <p>{association.address}</p>
      </div>
      <h2 id="letter-title">{t('private.letter.title')}</h2>
      <dl className="decision-letter__facts">
        <div>
          <dt>{t('private.letter.date')}</dt>
          <dd>
            <time dateTime={decision.at}>{gregorianDate(decidedOn, locale)}</time> ({hijriDate(decidedOn, locale)})
          </dd>
        </div>
        <div>
          <dt>{t('private.letter.reference')}</dt>
          <dd dir="ltr">{page.reference}</dd>
        </div>
        <div>
          <dt>{t('private.letter.to')}</dt>
          <dd><bdi>{decision.full_name}</bdi></dd>
        </div>
        <div>
          <dt>{t('private.letter.submitted')}</dt>
          <dd>{formatDate(new Date(page.submitted_at), locale)}</dd>
        </div>
      </dl>
      <p>{accepted(decision) ? t('private.letter.body.accepted') : t('private.letter.body.rejected')}</p>
      {decision.reason && (
        <>
          <h3>{t('private.decision.reason')}</h3>
          <p className="reply-text" dir="auto">{decision.reason}</p>
        </>
      )}
      <p className="decision-letter__issued">{t('private.letter.issuedBy', { role, association: association.name })}</p>
      <p className="muted">{t('private.letter.contact', { phone: association.phone, email: association.email })}</p>
    </article>
  );
}

const accepted = (decision: DecisionFacts) => decision.outcome === 'accepted';
