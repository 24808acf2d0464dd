import { useEffect, useState } from 'react';
import { supabase } from '../../lib/supabase';
import { RATING_DIMENSIONS, type RatingDimension } from '../../schemas/satisfaction-survey';
import { makeT, type Messages } from '../staff/i18n';

/** The shape of `service_stats()` (supabase/CONTRACT.md); a figure from fewer than 5 rows is null. */
export interface ServiceStats {
  months: { month: string; submitted: number | null; decided: number | null }[];
  requests_total: number | null;
  decisions: number | null;
  /** 0..1: decisions made by decision_due_by (the 6-week promise). */
  decided_within_window_share: number | null;
  median_days_to_decision: number | null;
  survey_responses: number | null;
  satisfaction: Partial<Record<RatingDimension | 'recommend', number | null>>;
}

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; stats: ServiceStats };

export default function ServiceFigures({ locale, messages }: { locale: 'ar' | 'en'; messages: Messages }) {
  const t = makeT(messages);
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    supabase.rpc('service_stats').then(({ data, error }) => setState(error || !data ? { kind: 'failed' } : { kind: 'ready', stats: data as ServiceStats }));
  }, []);
  const number = new Intl.NumberFormat(locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en', { maximumFractionDigits: 1 });
  const shown = (v: number | null | undefined, suffix = '') => (v === null || v === undefined ? t('figures.hidden') : `${number.format(v)}${suffix}`);

  if (state.kind === 'loading') return <p role="status">{t('figures.loading')}</p>;
  if (state.kind === 'failed') return <p role="alert">{t('figures.failed')}</p>;
  const s = state.stats;
  const share = s.decided_within_window_share;
  return (
    <div className="figures" data-testid="service-figures">
      <dl className="figures-summary">
        <div><dt>{t('figures.requestsTotal')}</dt><dd data-testid="figures-total">{shown(s.requests_total)}</dd></div>
        <div><dt>{t('figures.decidedWithin')}</dt><dd data-testid="figures-share">{shown(share === null ? null : share * 100, '%')}</dd></div>
        <div><dt>{t('figures.medianDays')}</dt><dd data-testid="figures-median">{shown(s.median_days_to_decision)}</dd></div>
        <div><dt>{t('figures.responses')}</dt><dd data-testid="figures-responses">{shown(s.survey_responses)}</dd></div>
      </dl>
      <h2>{t('figures.perMonthTitle')}</h2>
      <table data-testid="figures-months">
        <caption>{t('figures.perMonthCaption')}</caption>
        <thead><tr><th scope="col">{t('figures.month')}</th><th scope="col">{t('figures.requests')}</th><th scope="col">{t('figures.decided')}</th></tr></thead>
        <tbody>
          {(s.months ?? []).map((m) => (
            <tr key={m.month}><th scope="row">{m.month}</th><td>{shown(m.submitted)}</td><td>{shown(m.decided)}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>{t('figures.satisfactionTitle')}</h2>
      <table data-testid="figures-satisfaction">
        <caption>{t('figures.satisfactionCaption')}</caption>
        <thead><tr><th scope="col">{t('figures.dimension')}</th><th scope="col">{t('figures.average')}</th></tr></thead>
        <tbody>
          {RATING_DIMENSIONS.map((d) => (
            <tr key={d}><th scope="row">{t(`figures.dimension.${d}`)}</th><td>{shown(s.satisfaction?.[d])}</td></tr>
          ))}
          <tr><th scope="row">{t('figures.recommend')}</th><td>{shown(s.satisfaction?.recommend)}</td></tr>
        </tbody>
      </table>
      <p className="hint">{t('figures.smallGroups')}</p>
    </div>
  );
}
