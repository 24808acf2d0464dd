import { lazy, type ReactNode } from 'react';
import type { StaffMember } from '../../api/staff-types';
import type { IslandKey, IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import { REQUEST_HANDLING_ROLES, STAFF_ROLES, type StaffRole } from '../../lib/workflow';

// The sign-in page runs only what signing in needs; each view loads when it is first shown (issue 18).
const AccessLog = lazy(() => import('./AccessLog'));
const DataRequests = lazy(() => import('./DataRequests'));
const MyWork = lazy(() => import('./MyWork'));
const Queue = lazy(() => import('./Queue'));
const RegisterOnBehalf = lazy(() => import('./RegisterOnBehalf'));
const Reports = lazy(() => import('./Reports'));
const RequestDetail = lazy(() => import('./RequestDetail'));
const StaffAdmin = lazy(() => import('./StaffAdmin'));
const TeamLoad = lazy(() => import('./TeamLoad'));
const UndeliveredMessages = lazy(() => import('./UndeliveredMessages'));
import type { Route } from './useHashRoute';

/** What a view gets from the workspace shell. */
export interface ViewContext {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  /** Every staff member (names, assignment choices). */
  staff: StaffMember[];
  route: Route;
  navigate: (route: { name: string; id?: string; params?: URLSearchParams }) => void;
  /** The queue as the member last left it (`#/queue?...`). */
  queueHref: string;
  /** The request the member last opened, so the queue can focus its row again. */
  lastOpened: string | null;
}

/**
 * The workspace's views, in navigation order. `roles`: who sees it in the navigation (the
 * database decides what each may do there); `nav: false` for a view reached by a link. A view
 * another part adds (messages not delivered, data requests, ...) is one entry here; its
 * navigation item appears with it.
 */
export interface WorkspaceView {
  name: string;
  label: IslandKey<'staff'>;
  roles: readonly StaffRole[];
  nav: boolean;
  render: (context: ViewContext) => ReactNode;
}

const open = (c: ViewContext) => (id: string) => c.navigate({ name: 'request', id });
const workers: readonly StaffRole[] = [...REQUEST_HANDLING_ROLES, 'authority'];

export const WORKSPACE_VIEWS: readonly WorkspaceView[] = [
  { name: 'queue', label: 'staff.nav.queue', roles: workers, nav: true, render: (c) => <Queue t={c.t} me={c.me} staff={c.staff} route={c.route} navigate={c.navigate} returnTo={c.lastOpened} /> },
  { name: 'mine', label: 'staff.nav.mine', roles: workers, nav: true, render: (c) => <MyWork t={c.t} locale={c.locale} me={c.me} staff={c.staff} onOpen={open(c)} /> },
  { name: 'team', label: 'staff.nav.team', roles: ['supervisor', 'admin'], nav: true, render: (c) => <TeamLoad t={c.t} /> },
  { name: 'register', label: 'staff.nav.register', roles: REQUEST_HANDLING_ROLES, nav: true, render: (c) => <RegisterOnBehalf t={c.t} locale={c.locale} onRegistered={open(c)} /> },
  { name: 'reports', label: 'staff.nav.reports', roles: STAFF_ROLES, nav: true, render: (c) => <Reports t={c.t} locale={c.locale} me={c.me} /> },
  { name: 'messages', label: 'staff.nav.messages', roles: workers, nav: true, render: (c) => <UndeliveredMessages t={c.t} locale={c.locale} me={c.me} /> },
  { name: 'data', label: 'staff.nav.data', roles: ['supervisor', 'admin'], nav: true, render: (c) => <DataRequests t={c.t} locale={c.locale} /> },
  { name: 'admin', label: 'staff.nav.admin', roles: ['admin'], nav: true, render: (c) => <StaffAdmin t={c.t} me={c.me} /> },
  { name: 'access', label: 'staff.nav.access', roles: ['admin'], nav: true, render: (c) => <AccessLog t={c.t} locale={c.locale} me={c.me} staff={c.staff} /> },
  { name: 'request', label: 'staff.nav.queue', roles: STAFF_ROLES, nav: false, render: (c) => <RequestDetail t={c.t} locale={c.locale} me={c.me} staff={c.staff} id={c.route.id} backHref={c.queueHref} /> },
];

/** Where a member lands: the admin manages staff, everyone else works the queue. */
export const homeView = (me: StaffMember) => (me.role === 'admin' ? 'admin' : 'queue');
