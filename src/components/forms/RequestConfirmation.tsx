import { useState } from 'react';
import type { RequestReceipt } from '../../api/request-arguments';
import type { IslandTranslate } from '../../i18n/islands';
import { gregorianDate, hijriDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';

interface Props {
  request: RequestReceipt;
  locale: Locale;
  t: IslandTranslate<'request'>;
  /** The policy's handling steps 5 to 7, in its words (from content/). */
  nextSteps: string[];
  trackHref: string;
}

function DualDate({ iso, locale }: { iso: string; locale: Locale }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso}>
      {gregorianDate(date, locale)} <span className="muted">({hijriDate(date, locale)})</span>
    </time>
  );
}

/** The confirmation and printable receipt: reference, decision window, what happens next. */
export function RequestConfirmation({ request, locale, t, nextSteps, trackHref }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(request.reference);
      setCopied(true);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('reference-number')!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  };
  return (
    <div className="confirmation">
      <div className="panel">
        <p className="panel__label" id="reference-label">{t('request.confirmation.referenceLabel')}</p>
        <p className="panel__reference" id="reference-number" dir="ltr">
          {request.reference}
        </p>
        <button type="button" className="button button--secondary no-print" onClick={copy}>
          {t('request.confirmation.copy')}
        </button>
        <p role="status" className="panel__status">{copied ? t('request.confirmation.copied') : ''}</p>
      </div>

      <p>{t('request.confirmation.keepReference')}</p>
      <p>
        {t('request.confirmation.submittedAt')} <DualDate iso={request.submitted_at} locale={locale} />
      </p>

      <h2>{t('request.confirmation.decisionHeading')}</h2>
      <p>{t('request.confirmation.decisionText')}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('request.confirmation.decisionFrom')}</dt>
          <dd><DualDate iso={request.decision_due_from} locale={locale} /></dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('request.confirmation.decisionBy')}</dt>
          <dd><DualDate iso={request.decision_due_by} locale={locale} /></dd>
        </div>
      </dl>

      <h2>{t('request.confirmation.nextHeading')}</h2>
      <ol className="steps">
        {nextSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>

      <h2 className="no-print">{t('request.confirmation.followHeading')}</h2>
      <p className="no-print">
        <a href={`${trackHref}?ref=${encodeURIComponent(request.reference)}`}>{t('request.confirmation.trackLink')}</a>
      </p>
      <p className="no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('request.confirmation.print')}
        </button>
      </p>
    </div>
  );
}
