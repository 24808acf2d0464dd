import type { ReactNode } from 'react';
import type { RequestEvent, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';

/** What a panel of the request page gets. */
export interface RequestPanelContext {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  request: SupportRequestRow;
  events: RequestEvent[];
  staff: StaffMember[];
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

export const REQUEST_PANELS: readonly RequestPanel[] = [];
