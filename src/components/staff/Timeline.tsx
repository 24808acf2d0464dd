import type { RequestDocument, RequestEvent, StaffMember } from '../../api/staff-types';
import type { RuntimeTranslate as Translate } from '../../i18n/translate';
import { formatBytes } from '../../lib/byte-size';
import { DOCUMENT_TYPES, isDocumentType } from '../../lib/request-documents';
import { formatDate } from './format-date';

interface Props {
  t: Translate;
  locale: string;
  events: RequestEvent[];
  staff: StaffMember[];
  /** The request's documents, for what each `document` event added. */
  documents?: RequestDocument[];
}

/** Every event of the request: who, when, from, to, note (written by the database), the beneficiary's answers and documents. */
export default function Timeline({ t, locale, events, staff, documents = [] }: Props) {
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
  const documentLine = (id: string | null | undefined) => {
    const document = documents.find((d) => d.id === id);
    if (!document) return null;
    const type = isDocumentType(document.mime_type) ? DOCUMENT_TYPES[document.mime_type].label : document.mime_type;
    const size = formatBytes(document.size_bytes, locale === 'en' ? 'en' : 'ar');
    // The file's name as its sender's device wrote it: isolated, so it cannot reorder the line around it.
    return <p className="note" data-testid="document-event"><bdi>{document.original_name}</bdi> ({t('staff.timeline.documentFacts', { type, size })})</p>;
  };
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('staff.timeline.title')}</h3>
      <ol className="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id} data-kind={e.kind} data-to={e.to_status ?? ''}>
            <time dateTime={e.created_at}>{formatDate(locale, e.created_at, true)}</time>{' — '}
            <span className="actor">{actor(e)}</span>{': '}
            {what(e)}
            {(e.code || e.note) && (e.kind === 'reply' ? <p className="note note--reply" dir="auto">{e.note}</p> : <p className="note">{note(e)}</p>)}
            {e.kind === 'document' && documentLine(e.document_id)}
          </li>
        ))}
      </ol>
    </section>
  );
}
