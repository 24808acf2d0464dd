import { useState, type SubmitEvent } from 'react';
import { askAboutMyData, copyOfMyData, type LinkRefusal, type SendFailure } from '../../api/private-page';
import { CORRECTABLE_FIELDS, DATA_REQUEST_DAYS, DATA_REQUEST_KINDS, type CorrectableField, type DataRequestKind } from '../../lib/data-requests';
import { formatDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { dataRequestProblem, type DataRequestRuleKey } from '../../schemas/data-request-rules';
import { COPY_SECTIONS, dataCopyHtml } from './data-copy-html';
import type { PrivateTranslate } from './types';

interface Props {
  secret: string;
  reference: string;
  t: PrivateTranslate;
  locale: Locale;
  onLinkRefused: (refusal: LinkRefusal) => void;
}

function save(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The beneficiary's rights over their data (PDPL Article 4; docs/ARCHITECTURE.md, "Personal data:
 * the map, retention, rights"): a copy of everything held, now, as a page or as JSON; and a
 * correction, deletion or consent withdrawn, which staff answer within 30 days.
 */
export function DataRights({ secret, reference, t, locale, onLinkRefused }: Props) {
  const [kind, setKind] = useState<DataRequestKind | ''>('');
  const [field, setField] = useState<CorrectableField | ''>('');
  const [details, setDetails] = useState('');
  const [problem, setProblem] = useState<DataRequestRuleKey | 'unavailable' | 'request_anonymised' | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'saving' | 'saved' | 'unavailable'>('idle');

  const refused = (failure: SendFailure) => {
    if (failure.kind === 'link') return onLinkRefused(failure.refusal);
    setProblem(failure.kind === 'rule' ? (failure.ruleKey as DataRequestRuleKey) : 'unavailable');
  };

  async function download(format: 'html' | 'json') {
    setCopyState('saving');
    const result = await copyOfMyData(secret);
    if (!result.ok) {
      if (result.failure.kind === 'link') return onLinkRefused(result.failure.refusal);
      return setCopyState('unavailable');
    }
    const name = `${reference}-${t('private.data.fileName')}`;
    const heading = (section: string) => ((COPY_SECTIONS as readonly string[]).includes(section) ? t(`private.data.section.${section as (typeof COPY_SECTIONS)[number]}`) : section);
    if (format === 'json') save(`${name}.json`, 'application/json', JSON.stringify(result.copy, null, 2));
    else save(`${name}.html`, 'text/html', dataCopyHtml(result.copy, locale, t('private.data.copyTitle', { reference }), heading));
    setCopyState('saved');
  }

  async function ask(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAsked(null);
    const found = dataRequestProblem({ kind, field, details });
    if (found) return setProblem(found);
    setProblem(null);
    const result = await askAboutMyData(secret, { kind, field: kind === 'correction' ? field : null, details: details.trim() === '' ? null : details });
    if (!result.ok) return refused(result.failure);
    setAsked(result.dueBy);
    setKind('');
    setField('');
    setDetails('');
  }

  const message = problem && (problem === 'unavailable' || problem === 'request_anonymised' ? t(`private.data.${problem}`) : t(`errors.dataRequest.${problem}`));
  const onKind = problem === 'data_request_kind';
  const onField = problem === 'correction_field';
  const onDetails = problem !== null && !onKind && !onField && problem !== 'unavailable' && problem !== 'request_anonymised';
  return (
    <section aria-labelledby="data-heading" className="private-section no-print">
      <h2 id="data-heading">{t('private.data.heading')}</h2>
      <p>{t('private.data.intro')}</p>
      <h3>{t('private.data.copyHeading')}</h3>
      <p>{t('private.data.copyIntro')}</p>
      <p>
        <button type="button" onClick={() => download('html')} disabled={copyState === 'saving'}>{t('private.data.copyHtml')}</button>{' '}
        <button type="button" onClick={() => download('json')} disabled={copyState === 'saving'}>{t('private.data.copyJson')}</button>
      </p>
      <p role="status" data-testid="copy-status">{copyState === 'saved' ? t('private.data.copySaved') : copyState === 'unavailable' ? t('private.data.unavailable') : ''}</p>

      <h3 id="ask-heading">{t('private.data.askHeading')}</h3>
      <p>{t('private.data.askIntro', { days: DATA_REQUEST_DAYS })}</p>
      {asked && <p role="status" className="panel" data-testid="data-asked">{t('private.data.asked', { date: formatDate(new Date(asked), locale) })}</p>}
      <form onSubmit={ask} aria-labelledby="ask-heading" noValidate>
        {message && (onKind || onField || onDetails ? null : <div role="alert" className="field__error">{message}</div>)}
        <fieldset aria-describedby={onKind ? 'data-kind-error' : undefined} aria-invalid={onKind || undefined}>
          <legend>{t('private.data.kindLegend')}</legend>
          {onKind && <p id="data-kind-error" className="field__error" role="alert">{message}</p>}
          {DATA_REQUEST_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`private.data.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'correction' && (
          <div className="field">
            <label htmlFor="data-field">{t('private.data.fieldLabel')}</label>
            {onField && <p id="data-field-error" className="field__error" role="alert">{message}</p>}
            <select id="data-field" className="select" value={field} onChange={(e) => setField(e.target.value as CorrectableField)} aria-invalid={onField || undefined} aria-describedby={onField ? 'data-field-error' : undefined}>
              <option value="">{t('private.data.fieldChoose')}</option>
              {CORRECTABLE_FIELDS.map((f) => <option key={f} value={f}>{t(`private.data.field.${f}`)}</option>)}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="data-details">{t(kind === 'correction' ? 'private.data.detailsCorrection' : 'private.data.detailsOptional')}</label>
          {onDetails && <p id="data-details-error" className="field__error" role="alert">{message}</p>}
          <textarea id="data-details" className="textarea" rows={3} dir="auto" value={details} onChange={(e) => setDetails(e.target.value)}
            aria-invalid={onDetails || undefined} aria-describedby={onDetails ? 'data-details-error' : undefined} />
        </div>
        <button type="submit">{t('private.data.askSubmit')}</button>
      </form>
    </section>
  );
}
