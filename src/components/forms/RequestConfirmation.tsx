import { useState } from 'react';
import type { RequestReceipt } from '../../api/request-arguments';
import type { IslandTranslate } from '../../i18n/islands';
import { gregorianDate, hijriDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { privateLinkUrl } from '../../lib/private-link';

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

/** Copies what the element `shownIn` shows; where the clipboard is refused, selects it so it can be copied by hand. */
function CopyButton({ shownIn, label, done }: { shownIn: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const shown = document.getElementById(shownIn)!;
    try {
      await navigator.clipboard.writeText(shown.textContent!.trim());
      setCopied(true);
    } catch {
      getSelection()?.selectAllChildren(shown);
    }
  };
  return (
    <>
      <button type="button" className="button button--secondary no-print" onClick={copy}>
        {label}
      </button>
      <p role="status" className="panel__status no-print">{copied ? done : ''}</p>
    </>
  );
}

/** The confirmation and printable receipt: reference, private link, decision window, what happens next. */
export function RequestConfirmation({ request, locale, t, nextSteps, trackHref }: Props) {
  const privateLink = privateLinkUrl(location.origin, locale, request.private_link_secret);
  return (
    <div className="confirmation">
      <div className="panel">
        <p className="panel__label" id="reference-label">{t('request.confirmation.referenceLabel')}</p>
        <p className="panel__reference" id="reference-number" dir="ltr">
          {request.reference}
        </p>
        <CopyButton shownIn="reference-number" label={t('request.confirmation.copy')} done={t('request.confirmation.copied')} />
      </div>

      <p>{t('request.confirmation.keepReference')}</p>

      <h2>{t('request.confirmation.privateLinkHeading')}</h2>
      <p>{t('request.confirmation.privateLinkText')}</p>
      <p className="private-link" id="private-link" dir="ltr">
        <a href={privateLink}>{privateLink}</a>
      </p>
      <CopyButton shownIn="private-link" label={t('request.confirmation.copyLink')} done={t('request.confirmation.linkCopied')} />
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
