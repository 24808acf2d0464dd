import type { StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  /** The same view in the other language (the hash keeps the view and its filters). */
  otherLanguageHref: string;
  /** Who is signed in, once known. */
  who: { email: string; member: StaffMember | null } | null;
  onSignOut: () => void;
  onHelp: () => void;
}

/** The workspace's own header: its name, who is signed in and their role, sign out, the language switch, the shortcuts. */
export default function WorkspaceHeader({ t, locale, otherLanguageHref, who, onSignOut, onHelp }: Props) {
  const other = locale === 'ar' ? { lang: 'en', label: 'English' } : { lang: 'ar', label: 'العربية' };
  return (
    <header className="workspace-header">
      <h1 className="workspace-name">{t('staff.title')}</h1>
      <div className="workspace-tools">
        {who && (
          <p className="staff-whoami">
            {who.member ? t('staff.whoami', { name: who.member.full_name, role: t(`staff.role.${who.member.role}`) }) : t('staff.signedInAs', { email: who.email })}
          </p>
        )}
        {who?.member?.active && <button type="button" className="secondary" onClick={onHelp} aria-keyshortcuts="?">{t('staff.keys.show')}</button>}
        <a href={otherLanguageHref} lang={other.lang} hrefLang={other.lang} className="language-switch">{other.label}</a>
        {who && <button type="button" onClick={onSignOut}>{t('staff.signOut')}</button>}
      </div>
    </header>
  );
}
