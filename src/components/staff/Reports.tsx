import { useEffect, useState } from 'react';
import { loadDecisions, loadNoteTimes, loadOverdue, loadSurveys, type DecidedRequest, type SurveyRow } from '../../api/staff';
import type { QueueRow, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { daysBetween, median } from '../../lib/deadlines';
import type { Locale } from '../../lib/locale';
import CsvExport from './CsvExport';
import { formatDate } from './format-date';
import { monthlyAverages, recommendScore } from './satisfaction-stats';
import SatisfactionChart from './SatisfactionChart';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
}

const LOW_SCORE = 2;

/** A low score is followed up once staff add a note to its request after the survey came in. */
function useFollowedUp(rows: SurveyRow[] | null): Set<string> {
  const [done, setDone] = useState<Set<string>>(new Set());
  useEffect(() => {
    const low = (rows ?? []).filter((r) => r.overall <= LOW_SCORE && r.request_id);
    if (low.length === 0) return;
    loadNoteTimes(low.map((r) => r.request_id!))
      .then((notes) => {
        setDone(new Set(low.filter((r) => notes.some((n) => n.request_id === r.request_id && n.created_at > r.created_at)).map((r) => r.id)));
      });
  }, [rows]);
  return done;
}

function SatisfactionReport({ t, locale }: Omit<Props, 'me'>) {
  const [rows, setRows] = useState<SurveyRow[] | null>(null);
  const followedUp = useFollowedUp(rows);
  useEffect(() => {
    loadSurveys(new Date(Date.now() - 365 * 86_400_000)).then(setRows);
  }, []);
  if (!rows) return <p role="status">{t('staff.loading')}</p>;
  const score = recommendScore(rows);
  const comments = rows.filter((r) => r.comment).slice(0, 10);
  const low = rows.filter((r) => r.overall <= LOW_SCORE && !followedUp.has(r.id)).slice(0, 20);
  return (
    <section aria-labelledby="sat-title">
      <h3 id="sat-title">{t('staff.reports.satisfactionTitle')}</h3>
      <dl className="staff-figures">
        <div><dt>{t('staff.reports.responses')}</dt><dd data-testid="response-count">{rows.length}</dd></div>
        <div><dt>{t('staff.reports.recommendScore')}</dt><dd data-testid="recommend-score">{score === null ? '—' : score}</dd></div>
      </dl>
      <SatisfactionChart t={t} data={monthlyAverages(rows)} />
      <h4>{t('staff.reports.recentComments')}</h4>
      {comments.length === 0 ? <p>{t('staff.reports.none')}</p> : (
        <ul>{comments.map((c) => <li key={c.id}><time dateTime={c.created_at}>{formatDate(locale, c.created_at)}</time>: {c.comment}</li>)}</ul>
      )}
      <h4>{t('staff.reports.lowScores')}</h4>
      {low.length === 0 ? <p>{t('staff.reports.none')}</p> : (
        <ul data-testid="low-scores">
          {low.map((c) => (
            <li key={c.id}>
              {formatDate(locale, c.created_at)} — {t('staff.dimension.overall')}: {c.overall}
              {c.support_requests && <> — <a href={`#/request/${c.request_id}`} dir="ltr">{c.support_requests.reference}</a></>}
              {c.comment && <> — {c.comment}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeadlinesReport({ t, me }: Omit<Props, 'locale'>) {
  const [decided, setDecided] = useState<DecidedRequest[] | null>(null);
  const [overdue, setOverdue] = useState<QueueRow[]>([]);
  const [overdueTotal, setOverdueTotal] = useState(0);
  useEffect(() => {
    loadDecisions().then(setDecided, () => setDecided([]));
    loadOverdue(me.user_id).then((result) => {
      setOverdue(result.ok ? result.data.rows : []);
      setOverdueTotal(result.ok ? result.data.total : 0);
    });
  }, [me.user_id]);
  if (!decided) return <p role="status">{t('staff.loading')}</p>;
  const days = decided.map((r) => daysBetween(r.created_at, r.decided_at));
  // Within the promise = decided by decision_due_by (42 days, extended while waiting on the beneficiary).
  const within = decided.filter((r) => r.decided_at <= r.decision_due_by).length;
  const med = median(days);
  return (
    <section aria-labelledby="deadlines-title">
      <h3 id="deadlines-title">{t('staff.reports.deadlinesTitle')}</h3>
      <dl className="staff-figures">
        <div><dt>{t('staff.reports.decidedWithin')}</dt><dd data-testid="share-within">{days.length ? `${Math.round((within / days.length) * 100)}%` : '—'}</dd></div>
        <div><dt>{t('staff.reports.medianDays')}</dt><dd data-testid="median-days">{med === null ? '—' : med.toFixed(1)}</dd></div>
        <div><dt>{t('staff.reports.overdueCount')}</dt><dd data-testid="overdue-count">{overdueTotal}</dd></div>
      </dl>
      {overdue.length > 0 && (
        <ul data-testid="overdue-list">
          {overdue.map((r) => <li key={r.id}><a href={`#/request/${r.id}`} dir="ltr">{r.reference}</a> — <bdi>{r.full_name}</bdi> — {t(`staff.status.${r.status}`)}</li>)}
        </ul>
      )}
    </section>
  );
}

export default function Reports({ t, locale, me }: Props) {
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title" tabIndex={-1}>{t('staff.reports.title')}</h2>
      <SatisfactionReport t={t} locale={locale} />
      <DeadlinesReport t={t} me={me} />
      <CsvExport t={t} me={me} />
    </section>
  );
}
