import { useCallback, useEffect, useState } from 'react';
import { loadContactPreferences, loadRequest, loadRequestDocuments, markRequestSeen } from '../../api/staff';
import type { ContactPreferences as Preferences, RequestDocument, RequestEvent, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { RuntimeTranslate } from '../../i18n/translate';
import type { Locale } from '../../lib/locale';
import type { BeneficiaryCategory, RequestType } from '../../schemas/support-request';
import ApplicantData from './ApplicantData';
import Assignment from './Assignment';
import DeadlineBadge from './DeadlineBadge';
import DuplicateBadge from './DuplicateBadge';
import Notes from './Notes';
import { REQUEST_PANELS, type RequestPanelContext } from './request-panels';
import RequestActions from './RequestActions';
import SameApplicant from './SameApplicant';
import Timeline from './Timeline';
import { useLatestOnly } from './useLatestOnly';
import { useRefreshOnFocus } from './useRefreshOnFocus';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  /** Every staff member (the shell reads them once): names in the history, assignment choices. */
  staff: StaffMember[];
  id: string;
  /** Where "Back to the queue" goes: the queue as the member left it. */
  backHref: string;
}

/**
 * The request page: what to do next first (the actions this role may take from this status), the
 * request itself, the conversation and the history; the applicant's data, the assignment and
 * their other requests beside it (below it on a narrow screen).
 */
export default function RequestDetail({ t, locale, me, staff, id, backHref }: Props) {
  const [request, setRequest] = useState<SupportRequestRow | null | undefined>(undefined);
  const [events, setEvents] = useState<RequestEvent[]>([]);
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [documents, setDocuments] = useState<RequestDocument[]>([]);

  const beginLoad = useLatestOnly();
  const load = useCallback(async () => {
    const isLatest = beginLoad();
    const [loaded, contact, loadedDocuments] = await Promise.all([loadRequest(id), loadContactPreferences(id), loadRequestDocuments(id)]);
    if (!isLatest()) return;
    setRequest(loaded.request);
    setEvents(loaded.events);
    setPreferences(contact);
    setDocuments(loadedDocuments);
    if (loaded.request) markRequestSeen(id);
  }, [id, beginLoad]);

  useEffect(() => {
    load();
  }, [load]);
  useRefreshOnFocus(load);

  if (request === undefined) return <p role="status">{t('staff.loading')}</p>;
  if (request === null) return <><h2 tabIndex={-1}>{t('staff.request.notFound')}</h2><p><a href={backHref}>{t('staff.request.back')}</a></p></>;

  const context: RequestPanelContext = { t, locale, me, request, events, staff, preferences, documents, onChanged: load };
  const panels = (area: 'conversation' | 'side') => REQUEST_PANELS.filter((p) => p.area === area).map((p) => <div key={p.id}>{p.render(context)}</div>);
  const assignee = staff.find((s) => s.user_id === request.assigned_to);

  return (
    <article aria-labelledby="request-title" className="request-page">
      <header className="request-header">
        <p><a href={backHref}>{t('staff.request.back')}</a></p>
        <h2 id="request-title" tabIndex={-1}>{t('staff.request.title', { reference: request.reference })}</h2>
        <p className="request-facts">
          <strong data-testid="request-status">{t(`staff.status.${request.status}`)}</strong>
          <DeadlineBadge t={t} dueBy={request.decision_due_by} decidedAt={request.decided_at} />
          <span>{assignee ? t('staff.assign.current', { name: assignee.full_name }) : t('staff.assign.nobody')}</span>
          {request.possible_duplicate === true && <DuplicateBadge t={t} />}
        </p>
      </header>
      <div className="request-grid">
        <div className="request-main">
          <RequestActions t={t} me={me} request={request} onChanged={load} />
          <section aria-labelledby="asked-title" className="request-panel">
            <h3 id="asked-title">{t('staff.request.askedTitle')}</h3>
            <p>
              {t(`staff.requestType.${request.request_type as RequestType}`)} — {t(`staff.category.${request.category as BeneficiaryCategory}`)}
            </p>
            <p className="description" dir="auto">{String(request.description ?? '')}</p>
          </section>
          <div className="conversation" aria-labelledby="conversation-title" role="region">
            <h3 id="conversation-title" className="visually-hidden">{t('staff.request.conversationTitle')}</h3>
            <Notes t={t} locale={locale} request={request} events={events} staff={staff} onChanged={load} />
            {panels('conversation')}
          </div>
          <details className="request-panel history" open>
            <summary>{t('staff.request.historyTitle', { count: events.length })}</summary>
            {/* The timeline builds keys from event codes the database writes; the key test checks their labels. */}
            <Timeline t={t as RuntimeTranslate} locale={locale} events={events} staff={staff} documents={documents} />
          </details>
        </div>
        <aside className="request-side" aria-label={t('staff.request.sideLabel')}>
          <Assignment t={t} me={me} request={request} staff={staff} onChanged={load} />
          <SameApplicant t={t} locale={locale} me={me} requestId={request.id} version={request.updated_at + events.length} onChanged={load} />
          <ApplicantData t={t} locale={locale} request={request} onRevealed={load} />
          {panels('side')}
        </aside>
      </div>
    </article>
  );
}
