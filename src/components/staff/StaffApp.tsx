import { Suspense, lazy, useEffect, useState } from 'react';
import type { Session } from '@supabase/supabase-js';
import { loadMembership, signOut, watchSession } from '../../api/staff';
import type { StaffMember } from '../../api/staff-types';
import type { IslandKey, IslandMessages } from '../../i18n/islands';
import { translator } from '../../i18n/translate';
import type { Locale } from '../../lib/locale';
import SignIn from './SignIn';
import { useHashRoute, type Route } from './useHashRoute';

// The sign-in page runs only what signing in needs; each screen of the workspace loads when it
// is first shown (issue 18).
const Queue = lazy(() => import('./Queue'));
const RequestDetail = lazy(() => import('./RequestDetail'));
const RegisterOnBehalf = lazy(() => import('./RegisterOnBehalf'));
const Reports = lazy(() => import('./Reports'));
const StaffAdmin = lazy(() => import('./StaffAdmin'));

interface Props {
  locale: Locale;
  messages: IslandMessages<'staff'>;
  toolLinks: { label: string; href: string }[];
}

type Membership = { state: 'loading' } | { state: 'none' } | { state: 'active'; me: StaffMember };

export default function StaffApp({ locale, messages, toolLinks }: Props) {
  const t = translator(messages);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [membership, setMembership] = useState<Membership>({ state: 'loading' });
  const [route, navigate] = useHashRoute();

  useEffect(() => watchSession(setSession), []);

  const userId = session?.user.id;
  useEffect(() => {
    if (!userId) return;
    setMembership({ state: 'loading' });
    loadMembership(userId).then((me) => setMembership(me?.active ? { state: 'active', me } : { state: 'none' }));
  }, [userId]);

  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('[data-staff-view] h2');
    heading?.focus();
  }, [route.name, membership.state]);

  if (session === undefined) return <p role="status">{t('staff.loading')}</p>;
  if (!session) return <SignIn t={t} />;

  const bar = (
    <div className="staff-bar">
      <span>{t('staff.signedInAs', { email: session.user.email ?? '' })}</span>
      <button type="button" onClick={signOut}>{t('staff.signOut')}</button>
    </div>
  );

  if (membership.state === 'loading') return <>{bar}<p role="status">{t('staff.loading')}</p></>;
  if (membership.state === 'none') {
    return (
      <>
        {bar}
        <section data-staff-view className="staff-refusal">
          <h2 tabIndex={-1}>{t('staff.refusal.title')}</h2>
          <p>{t('staff.refusal.body')}</p>
        </section>
      </>
    );
  }
  const me = membership.me;
  const nav: { route: Route['name']; key: IslandKey<'staff'>; show: boolean }[] = [
    { route: 'queue', key: 'staff.nav.queue', show: me.role !== 'admin' },
    { route: 'register', key: 'staff.nav.register', show: me.role === 'officer' || me.role === 'supervisor' },
    { route: 'reports', key: 'staff.nav.reports', show: true },
    { route: 'admin', key: 'staff.nav.admin', show: me.role === 'admin' },
  ];
  const home: Route = me.role === 'admin' ? { name: 'admin' } : { name: 'queue' };
  const current = route.name === 'home' ? home : route;

  return (
    <div className="staff-app">
      {bar}
      <p className="staff-whoami">{t('staff.whoami', { name: me.full_name, role: t(`staff.role.${me.role}`) })}</p>
      <nav aria-label={t('staff.nav.label')}>
        <ul className="staff-nav">
          {nav.filter((n) => n.show).map((n) => (
            <li key={n.route}>
              <a href={`#/${n.route}`} aria-current={current.name === n.route ? 'page' : undefined}>{t(n.key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {toolLinks.length > 0 && (
        <details className="staff-tools">
          <summary>{t('staff.tools.title')}</summary>
          <ul>{toolLinks.map((l) => <li key={l.href}><a href={l.href}>{l.label}</a></li>)}</ul>
        </details>
      )}
      <div data-staff-view>
        <Suspense fallback={<p role="status">{t('staff.loading')}</p>}>
        {current.name === 'queue' && <Queue t={t} locale={locale} me={me} onOpen={(id) => navigate({ name: 'request', id })} />}
        {current.name === 'request' && <RequestDetail t={t} locale={locale} me={me} id={current.id} />}
        {current.name === 'register' && <RegisterOnBehalf t={t} locale={locale} onRegistered={(id) => navigate({ name: 'request', id })} />}
        {current.name === 'reports' && <Reports t={t} locale={locale} me={me} />}
        {current.name === 'admin' && <StaffAdmin t={t} me={me} />}
        </Suspense>
      </div>
    </div>
  );
}
