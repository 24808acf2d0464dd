import { useEffect, useState } from 'react';
import { loadServiceStats, type ServiceStats } from '../../api/service-stats';
import type { IslandMessages } from '../../i18n/islands';
import { translator } from '../../i18n/translate';
import type { Locale } from '../../lib/locale';
import { RATING_DIMENSIONS } from '../../schemas/satisfaction-survey';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; stats: ServiceStats };

export default function ServiceFigures({ locale, messages }: { locale: Locale; messages: IslandMessages<'figures'> }) {
  const t = translator(messages);
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    loadServiceStats().then((stats) => setState(stats ? { kind: 'ready', stats } : { kind: 'failed' }));
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
