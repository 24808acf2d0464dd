import type { ReactNode } from 'react';
import type { ContactPreferences as Preferences, RequestDocument, RequestEvent, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import CloseFollowUp from './CloseFollowUp';
import ContactPreferences from './ContactPreferences';
import DataRequestPanel from './DataRequestPanel';
import MessageComposer from './MessageComposer';
import PrivateLinkPanel from './PrivateLinkPanel';
import RequestAccessLog from './RequestAccessLog';
import RequestDocuments from './RequestDocuments';

/** What a panel of the request page gets. */
export interface RequestPanelContext {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  request: SupportRequestRow;
  events: RequestEvent[];
  staff: StaffMember[];
  /** How the beneficiary wants to hear from us (null: not readable). */
  preferences: Preferences | null;
  /** The request's documents, oldest first. */
  documents: RequestDocument[];
  /** Reload the request (after a change; the page also reloads when the tab regains focus). */
  onChanged: () => void;
}

/**
 * Panels other views add to the request page, by where they go: `conversation` beside the notes
 * (messages, replies, documents), `side` beside the applicant's data. One entry each, e.g.
 * `{ id: 'documents', area: 'conversation', render: (c) => <Documents {...c} /> }`.
 */
export interface RequestPanel {
  id: string;
  area: 'conversation' | 'side';
  render: (context: RequestPanelContext) => ReactNode;
}

export const REQUEST_PANELS: readonly RequestPanel[] = [
  { id: 'documents', area: 'conversation', render: (c) => <RequestDocuments {...c} /> },
  { id: 'message', area: 'conversation', render: (c) => <MessageComposer {...c} onSent={c.onChanged} /> },
  { id: 'follow-up', area: 'conversation', render: (c) => <CloseFollowUp {...c} /> },
  { id: 'private-link', area: 'side', render: (c) => <PrivateLinkPanel {...c} /> },
  { id: 'contact', area: 'side', render: (c) => <ContactPreferences {...c} /> },
  { id: 'data-requests', area: 'side', render: (c) => <DataRequestPanel {...c} /> },
  { id: 'access-log', area: 'side', render: (c) => <RequestAccessLog {...c} /> },
];
