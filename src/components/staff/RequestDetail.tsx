import { useCallback, useEffect, useState } from 'react';
import { loadContactPreferences, loadRequest, loadRequestDocuments } from '../../api/staff';
import type { ContactPreferences as Preferences, RequestDocument, RequestEvent, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { RuntimeTranslate } from '../../i18n/translate';
import type { Locale } from '../../lib/locale';
import type { Channel } from '../../schemas/channels';
import type { BeneficiaryCategory, RequestType } from '../../schemas/support-request';
import DeadlineBadge from './DeadlineBadge';
import { formatDate } from './format-date';
import RequestActions from './RequestActions';
import NotesAndAssignment from './NotesAndAssignment';
import PrivateLinkPanel from './PrivateLinkPanel';
import RequestDocuments from './RequestDocuments';
import Timeline from './Timeline';
import ContactPreferences from './ContactPreferences';
import MessageComposer from './MessageComposer';
import CloseFollowUp from './CloseFollowUp';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  id: string;
}

const SUBMITTED_FIELDS = ['reference', 'full_name', 'national_id', 'mobile', 'email', 'city', 'category', 'request_type', 'description', 'preferred_channel', 'intake_channel', 'locale'] as const;
const LTR_FIELDS = new Set(['reference', 'national_id', 'mobile', 'email']);
// What the beneficiary typed is isolated and takes its own direction, so it cannot reorder the page around it.
const TYPED_FIELDS = new Set(['full_name', 'city', 'description']);
const fieldDir = (f: string) => (LTR_FIELDS.has(f) ? 'ltr' : TYPED_FIELDS.has(f) ? 'auto' : undefined);

export default function RequestDetail({ t, locale, me, id }: Props) {
  const [request, setRequest] = useState<SupportRequestRow | null | undefined>(undefined);
  const [events, setEvents] = useState<RequestEvent[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [documents, setDocuments] = useState<RequestDocument[]>([]);

  const load = useCallback(async () => {
    const [loaded, contact, loadedDocuments] = await Promise.all([loadRequest(id), loadContactPreferences(id), loadRequestDocuments(id)]);
    setRequest(loaded.request);
    setEvents(loaded.events);
    setStaff(loaded.staff);
    setPreferences(contact);
    setDocuments(loadedDocuments);
  }, [id]);

  useEffect(() => {
    load();
  }, [load]);

  if (request === undefined) return <p role="status">{t('staff.loading')}</p>;
  if (request === null) return <><h2 tabIndex={-1}>{t('staff.request.notFound')}</h2><p><a href="#/queue">{t('staff.request.back')}</a></p></>;

  // The database's enums hold these values; tests/unit/i18n-keys.test.ts checks each has a label.
  const labelled: Partial<Record<string, (v: string) => string>> = {
    category: (v) => t(`staff.category.${v as BeneficiaryCategory}`),
    request_type: (v) => t(`staff.requestType.${v as RequestType}`),
    preferred_channel: (v) => t(`staff.channel.${v as Channel}`),
    intake_channel: (v) => t(`staff.channel.${v as Channel}`),
  };
  const value = (field: string) => {
    const v = request[field];
    if (v === null || v === undefined || v === '') return '—';
    return labelled[field]?.(String(v)) ?? String(v);
  };
  const confirmedAt = (request.accuracy_confirmed_at as string | null) ?? request.created_at;

  return (
    <article aria-labelledby="request-title">
      <p><a href="#/queue">{t('staff.request.back')}</a></p>
      <h2 id="request-title" tabIndex={-1}>{t('staff.request.title', { reference: request.reference })}</h2>
      <p>
        <strong data-testid="request-status">{t(`staff.status.${request.status}`)}</strong>{' · '}
        <DeadlineBadge t={t} dueBy={request.decision_due_by} decidedAt={request.decided_at} />
      </p>
      <h3>{t('staff.request.dataTitle')}</h3>
      <dl className="staff-dl">
        {SUBMITTED_FIELDS.map((f) => (
          <div key={f}>
            <dt>{t(`staff.field.${f}`)}</dt>
            <dd dir={fieldDir(f)}>{value(f)}</dd>
          </div>
        ))}
        <div><dt>{t('staff.field.created_at')}</dt><dd>{formatDate(locale, request.created_at, true)}</dd></div>
        <div><dt>{t('staff.field.decision_due_from')}</dt><dd>{formatDate(locale, request.decision_due_from as string | null)}</dd></div>
        <div><dt>{t('staff.field.decision_due_by')}</dt><dd>{formatDate(locale, request.decision_due_by)}</dd></div>
        {request.decided_at && <div><dt>{t('staff.field.decided_at')}</dt><dd>{formatDate(locale, request.decided_at, true)}</dd></div>}
        {typeof request.decision_note === 'string' && request.decision_note !== '' && <div><dt>{t('staff.field.decision_note')}</dt><dd>{String(request.decision_note)}</dd></div>}
      </dl>
      <h3>{t('staff.request.declarationTitle')}</h3>
      <p data-testid="declaration">
        {request.accuracy_confirmed
          ? t('staff.request.declarationConfirmed', { at: formatDate(locale, confirmedAt, true), version: String(request.accuracy_declaration_version ?? '—') })
          : t('staff.request.declarationMissing')}
      </p>
      <p>{request.privacy_consent ? t('staff.request.privacyConsented') : t('staff.request.privacyMissing')}</p>
      <RequestActions t={t} me={me} request={request} onChanged={load} />
      <NotesAndAssignment t={t} me={me} request={request} staff={staff} onChanged={load} />
      <RequestDocuments t={t} locale={locale} me={me} request={request} documents={documents} events={events} staff={staff} onChanged={load} />
      <PrivateLinkPanel t={t} me={me} request={request} onChanged={load} />
      <ContactPreferences t={t} locale={locale} me={me} request={request} preferences={preferences} onChanged={load} />
      <MessageComposer t={t} me={me} request={request} preferences={preferences} onSent={load} />
      <CloseFollowUp t={t} me={me} request={request} events={events} onChanged={load} />
      {/* The timeline builds keys from event codes the database writes; the key test checks their labels. */}
      <Timeline t={t as RuntimeTranslate} locale={locale} events={events} staff={staff} documents={documents} />
    </article>
  );
}
