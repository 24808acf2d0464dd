import type { EventCode, RequestDocument, RequestEvent, StaffMember } from '../../api/staff-types';
import type { RuntimeTranslate as Translate } from '../../i18n/translate';
import { formatBytes } from '../../lib/byte-size';
import { DOCUMENT_TYPES, isDocumentType } from '../../lib/request-documents';
import { formatDate } from './format-date';

/** Events the portal itself records (a message it sent, an overdue flag): nobody acted, the beneficiary least of all. */
const PORTAL_CODES: ReadonlySet<EventCode> = new Set(['overdue_flagged', 'message_sent', 'message_failed']);

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
  const actor = (e: RequestEvent) => {
    if (e.actor_id) return `${nameOf(e.actor_id)}${e.actor_role ? ` (${t(`staff.role.${e.actor_role}`)})` : ''}`;
    return e.code && PORTAL_CODES.has(e.code) ? t('staff.timeline.portal') : t('staff.timeline.applicant');
  };
  const what = (e: RequestEvent) => {
    if (e.kind === 'status_changed') return t('staff.timeline.moved', { from: t(`staff.status.${e.from_status}`), to: t(`staff.status.${e.to_status}`) });
    if (e.kind === 'submitted') return t('staff.timeline.created', { to: t(`staff.status.${e.to_status ?? 'submitted'}`) });
    if (e.kind === 'assigned') return e.assigned_to ? t('staff.timeline.assigned', { name: nameOf(e.assigned_to) }) : t('staff.timeline.unassigned');
    if (e.kind === 'duplicate_linked') return t('staff.timeline.duplicateLinked', { reference: e.related_request?.reference ?? '—' });
    if (e.kind === 'duplicate_dismissed') return t('staff.timeline.duplicateDismissed', { reference: e.related_request?.reference ?? '—' });
    return t(`staff.timeline.kind.${e.kind}`);
  };
  // An event the database wrote on its own carries a code: its label says what happened.
  const label = (e: RequestEvent) =>
    e.code
      ? t(`staff.timeline.code.${e.code}`, {
          channel: e.intake_channel ? t(`staff.channel.${e.intake_channel}`) : '',
          messageChannel: e.message_channel ? t(`staff.message.channel.${e.message_channel}`) : '',
          moment: e.message_moment ? t(`staff.message.moment.${e.message_moment}`) : '',
        })
      : null;
  // The note as written, unless it only repeats the code (older history, or a low score).
  const note = (e: RequestEvent) => (e.note && !(e.code && e.note.startsWith(e.code)) ? e.note : null);
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
            {label(e) && <p className="note">{label(e)}</p>}
            {note(e) && (e.kind === 'reply' ? <p className="note note--reply" dir="auto">{note(e)}</p> : <p className="note">{note(e)}</p>)}
            {e.kind === 'document' && documentLine(e.document_id)}
          </li>
        ))}
      </ol>
    </section>
  );
}
