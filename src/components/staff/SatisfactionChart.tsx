import { RATING_DIMENSIONS } from '../../schemas/satisfaction-survey-rules';
import type { IslandTranslate } from '../../i18n/islands';
import type { MonthlyAverages } from './satisfaction-stats';

const W = 640;
const H = 260;
const PAD = 40;
// Each dimension has its own dash pattern and marker, so lines differ without colour.
const STYLE = {
  overall: { dash: '', marker: 'circle' },
  courtesy: { dash: '6 3', marker: 'square' },
  clarity: { dash: '2 3', marker: 'triangle' },
  speed: { dash: '10 4 2 4', marker: 'diamond' },
  ease: { dash: '1 6', marker: 'cross' },
} as const;

function Marker({ kind, x, y }: { kind: string; x: number; y: number }) {
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} />;
  if (kind === 'triangle') return <polygon points={`${x},${y - 5} ${x - 5},${y + 4} ${x + 5},${y + 4}`} />;
  if (kind === 'diamond') return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} />;
  if (kind === 'cross') return <path d={`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}`} strokeWidth={2} />;
  return <circle cx={x} cy={y} r={4} />;
}

export default function SatisfactionChart({ t, data }: { t: IslandTranslate<'staff'>; data: MonthlyAverages }) {
  if (data.length === 0) return <p>{t('staff.reports.noSurveys')}</p>;
  const x = (i: number) => PAD + (data.length === 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (data.length - 1));
  const y = (v: number) => H - PAD - ((v - 1) / 4) * (H - 2 * PAD);
  return (
    <figure className="staff-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="sat-chart-title sat-chart-desc" direction="ltr">
        <title id="sat-chart-title">{t('staff.reports.chartTitle')}</title>
        <desc id="sat-chart-desc">{t('staff.reports.chartDesc')}</desc>
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.2} />
            <text x={PAD - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill="currentColor">{v}</text>
          </g>
        ))}
        {data.map((m, i) => <text key={m.month} x={x(i)} y={H - PAD + 18} textAnchor="middle" fontSize={12} fill="currentColor">{m.month}</text>)}
        {RATING_DIMENSIONS.map((d, di) => (
          <g key={d} className={`series series-${di}`} stroke="currentColor" fill="currentColor">
            <polyline fill="none" strokeWidth={2} strokeDasharray={STYLE[d].dash} points={data.map((m, i) => `${x(i)},${y(m.averages[d])}`).join(' ')} />
            {data.map((m, i) => <Marker key={m.month} kind={STYLE[d].marker} x={x(i)} y={y(m.averages[d])} />)}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {RATING_DIMENSIONS.map((d, di) => (
            <li key={d} className={`series-${di}`}>
              <svg width="40" height="12" aria-hidden="true" stroke="currentColor" fill="currentColor">
                <line x1="2" x2="38" y1="6" y2="6" strokeWidth={2} strokeDasharray={STYLE[d].dash} />
                <Marker kind={STYLE[d].marker} x={20} y={6} />
              </svg>{' '}
              {t(`staff.dimension.${d}`)}
            </li>
          ))}
        </ul>
      </figcaption>
      <table className="staff-table" data-testid="satisfaction-table">
        <caption>{t('staff.reports.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.reports.month')}</th>
            {RATING_DIMENSIONS.map((d) => <th key={d} scope="col">{t(`staff.dimension.${d}`)}</th>)}
            <th scope="col">{t('staff.reports.responses')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              {RATING_DIMENSIONS.map((d) => <td key={d}>{m.averages[d].toFixed(2)}</td>)}
              <td>{m.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
