import type { RequestEvent, StaffMember } from '../../api/staff-types';
import type { RuntimeTranslate as Translate } from '../../i18n/translate';
import { formatDate } from './format-date';

/** Every event of the request: who, when, from, to, note (written by the database). */
export default function Timeline({ t, locale, events, staff }: { t: Translate; locale: string; events: RequestEvent[]; staff: StaffMember[] }) {
  const nameOf = (id: string | null) => staff.find((s) => s.user_id === id)?.full_name ?? t('staff.timeline.unknownActor');
  const actor = (e: RequestEvent) =>
    e.actor_id ? `${nameOf(e.actor_id)}${e.actor_role ? ` (${t(`staff.role.${e.actor_role}`)})` : ''}` : t('staff.timeline.applicant');
  const what = (e: RequestEvent) => {
    if (e.kind === 'status_changed') return t('staff.timeline.moved', { from: t(`staff.status.${e.from_status}`), to: t(`staff.status.${e.to_status}`) });
    if (e.kind === 'submitted') return t('staff.timeline.created', { to: t(`staff.status.${e.to_status ?? 'submitted'}`) });
    if (e.kind === 'assigned') return e.assigned_to ? t('staff.timeline.assigned', { name: nameOf(e.assigned_to) }) : t('staff.timeline.unassigned');
    return t(`staff.timeline.kind.${e.kind}`);
  };
  // An event the database wrote on its own carries a code; its label replaces whatever note it has.
  const note = (e: RequestEvent) =>
    e.code ? t(`staff.timeline.code.${e.code}`, { channel: e.intake_channel ? t(`staff.channel.${e.intake_channel}`) : '' }) : e.note;
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('staff.timeline.title')}</h3>
      <ol className="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id} data-kind={e.kind} data-to={e.to_status ?? ''}>
            <time dateTime={e.created_at}>{formatDate(locale, e.created_at, true)}</time>{' — '}
            <span className="actor">{actor(e)}</span>{': '}
            {what(e)}
            {(e.code || e.note) && <p className="note">{note(e)}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
