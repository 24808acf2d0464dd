import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Session } from '@supabase/supabase-js';
import { sessionStored } from '../../api/staff-session-key';
import type { StaffMember } from '../../api/staff-types';
import type { IslandMessages } from '../../i18n/islands';
import { translator } from '../../i18n/translate';
import type { Locale } from '../../lib/locale';
import KeyboardHelp, { type KeyboardHelpHandle } from './KeyboardHelp';
import { useShortcuts } from './shortcuts';
import SignIn from './SignIn';
import { staffApi } from './staff-api';
import { parseHash, routeHash, useHashRoute } from './useHashRoute';
import WorkspaceHeader from './WorkspaceHeader';
import WorkspaceNav from './WorkspaceNav';
import { WORKSPACE_VIEWS, homeView } from './workspace-views';

// Behind the password: what the second step and the workspace need loads once a session is there.
const TwoFactorSignIn = lazy(() => import('./TwoFactorSignIn'));

interface Props {
  locale: Locale;
  messages: IslandMessages<'staff'>;
  toolLinks: { label: string; href: string }[];
  /** The workspace in the other language (`/en/staff/` or `/staff/`); the hash is added. */
  otherLanguagePath: string;
}

/**
 * Focuses the first shown element matching `selector` as soon as it is in the page (within 10 s);
 * answers the cancel. `keepTyping`: a visitor already in a text field keeps the focus (the sign-in
 * form is in the server HTML and can be typed into before the island runs).
 */
function focusWhenShown(selector: string, keepTyping = false): () => void {
  // Only a shown element takes the focus: while a view loads, Suspense keeps the previous view in
  // the page, hidden, and its heading matches too.
  const focus = () =>
    (keepTyping && document.activeElement instanceof HTMLInputElement) ||
    [...document.querySelectorAll<HTMLElement>(selector)].some((element) => {
      element.focus();
      return document.activeElement === element;
    });
  if (focus()) return () => {};
  const observer = new MutationObserver(() => focus() && stop());
  const timer = setTimeout(() => stop(), 10_000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

type Membership = { state: 'loading' } | { state: 'none' } | { state: 'active'; me: StaffMember };

/** The staff workspace's shell: sign-in, its own header and navigation, and the view the URL names. */
export default function StaffApp({ locale, messages, toolLinks, otherLanguagePath }: Props) {
  // One translator per set of strings: views list it among their loads' dependencies.
  const t = useMemo(() => translator(messages), [messages]);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [membership, setMembership] = useState<Membership>({ state: 'loading' });
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [route, navigate] = useHashRoute();
  const help = useRef<KeyboardHelpHandle>(null);
  const lastQueue = useRef(routeHash({ name: 'queue' }));
  const lastOpened = useRef<string | null>(null);

  // The session is watched from the start when one is stored; otherwise there is none to read, and
  // the API (supabase-js) loads when the visitor starts on the sign-in form (issue 18).
  const watch = useRef<{ started: boolean; stop: () => void }>({ started: false, stop: () => {} });
  const startWatching = useCallback(() => {
    if (watch.current.started) return;
    watch.current.started = true;
    // Offline, the API does not arrive: the sign-in form stays, says so when it is sent, and tries again.
    staffApi().then(
      (api) => watch.current.started && (watch.current.stop = api.watchSession(setSession)),
      () => (watch.current.started = false),
    );
  }, []);
  useEffect(() => {
    if (sessionStored()) startWatching();
    else setSession(null);
    const current = watch.current;
    return () => {
      current.started = false;
      current.stop();
    };
  }, [startWatching]);

  // A password alone opens nothing (the database checks it again): the second step comes first.
  const [twoFactor, setTwoFactor] = useState<'checking' | 'needed' | 'done'>('checking');
  const accessToken = session?.access_token;
  useEffect(() => {
    // Signed out: the next session is checked afresh. A refreshed token keeps what is shown meanwhile.
    if (!accessToken) return setTwoFactor('checking');
    let current = true;
    staffApi().then((api) => api.hasTwoFactorSession()).then((done) => current && setTwoFactor(done ? 'done' : 'needed'));
    return () => {
      current = false;
    };
  }, [accessToken]);

  const userId = session?.user.id;
  useEffect(() => {
    if (!userId) return;
    setMembership({ state: 'loading' });
    staffApi().then(async (api) => {
      const me = await api.loadMembership(userId);
      if (!me && (await api.dropEndedSession())) return;
      setMembership(me?.active ? { state: 'active', me } : { state: 'none' });
    });
  }, [userId]);

  // Colleagues are readable only once the second step is done (a password alone reads one's own row).
  useEffect(() => {
    if (!userId || twoFactor !== 'done') return;
    staffApi().then((api) => api.listStaff()).then(setStaff);
  }, [userId, twoFactor]);

  const me = membership.state === 'active' ? membership.me : null;
  const known = me ? WORKSPACE_VIEWS.find((v) => v.name === route.name) : undefined;
  const view = known ?? (me ? WORKSPACE_VIEWS.find((v) => v.name === homeView(me)) : undefined);
  if (view?.name === 'queue') lastQueue.current = location.hash && route.name === 'queue' ? location.hash : lastQueue.current;
  if (view?.name === 'request') lastOpened.current = route.id;

  useEffect(() => {
    // A new view: its heading takes the focus once it is there (views load their data first); the
    // queue, coming back from a request, gives it to that request's row instead.
    if (view?.name === 'queue' && lastOpened.current) return;
    return focusWhenShown('[data-staff-view] h2', !session);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view?.name, route.id, membership.state, twoFactor]);

  useShortcuts({
    help: () => help.current?.open(),
    // The queue as the member left it, filters and all.
    queue: () => me && navigate(parseHash(lastQueue.current)),
    myWork: () => me && navigate({ name: 'mine' }),
  });

  const hash = typeof location === 'undefined' ? '' : location.hash;
  const header = (
    <WorkspaceHeader t={t} locale={locale} otherLanguageHref={otherLanguagePath + hash}
      who={session ? { email: session.user.email ?? '', member: me } : null} onSignOut={() => staffApi().then((api) => api.signOut())} onHelp={() => help.current?.open()} />
  );
  const main = (content: ReactNode) => (
    <>
      {header}
      <main id="main" tabIndex={-1} className="workspace-main">{content}</main>
    </>
  );

  // Before the session is known: the sign-in form, or for a member with a stored session the
  // loading line (the page's head script chooses, staff.css); the form stays the same element.
  if (!session) {
    return main(
      <>
        {session === undefined && <p role="status" className="staff-loading--stand-in">{t('staff.loading')}</p>}
        <SignIn t={t} standIn={session === undefined} onStart={startWatching} />
      </>,
    );
  }
  if (twoFactor === 'needed') {
    return main(
      <Suspense fallback={<p role="status">{t('staff.loading')}</p>}>
        <TwoFactorSignIn t={t} />
      </Suspense>,
    );
  }
  if (membership.state === 'loading' || twoFactor === 'checking') return main(<p role="status">{t('staff.loading')}</p>);
  if (!me) {
    return main(
      <section data-staff-view className="staff-refusal">
        <h2 tabIndex={-1}>{t('staff.refusal.title')}</h2>
        <p>{t('staff.refusal.body')}</p>
      </section>,
    );
  }

  return (
    <>
      {header}
      <WorkspaceNav t={t} me={me} views={WORKSPACE_VIEWS} current={view?.name === 'request' ? 'queue' : (view?.name ?? '')} queueHref={lastQueue.current} toolLinks={toolLinks} />
      <main id="main" tabIndex={-1} className="workspace-main">
        <div data-staff-view>
          {/* Each view loads when it is first shown (workspace-views.tsx, issue 18). */}
          <Suspense fallback={<p role="status">{t('staff.loading')}</p>}>
            {view?.render({ t, locale, me, staff, route, navigate, queueHref: lastQueue.current, lastOpened: lastOpened.current })}
          </Suspense>
        </div>
      </main>
      <KeyboardHelp ref={help} t={t} />
    </>
  );
}
