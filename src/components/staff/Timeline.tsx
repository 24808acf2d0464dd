import { formatDate, type Translate } from './i18n';
import type { RequestEvent, StaffMember } from './types';

export default function Timeline({ t, locale, events, staff }: { t: Translate; locale: string; events: RequestEvent[]; staff: StaffMember[] }) {
  const nameOf = (id: string | null) => (id ? (staff.find((s) => s.user_id === id)?.full_name ?? t('staff.timeline.unknownActor')) : t('staff.timeline.applicant'));
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('staff.timeline.title')}</h3>
      <ol className="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id} data-to={e.to_status ?? ''}>
            <time dateTime={e.created_at}>{formatDate(locale, e.created_at, true)}</time>{' — '}
            <span className="actor">{nameOf(e.actor)}</span>{': '}
            {e.from_status && e.to_status && e.from_status !== e.to_status
              ? t('staff.timeline.moved', { from: t(`staff.status.${e.from_status}`), to: t(`staff.status.${e.to_status}`) })
              : e.to_status && !e.from_status
                ? t('staff.timeline.created', { to: t(`staff.status.${e.to_status}`) })
                : t(`staff.timeline.kind.${e.kind ?? 'note'}`)}
            {e.note && <p className="note">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
