import type { StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { WorkspaceView } from './workspace-views';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  views: readonly WorkspaceView[];
  current: string;
  /** The queue link returns to the queue as the member left it. */
  queueHref: string;
  toolLinks: { label: string; href: string }[];
}

/** The workspace's sections for this member's role, and the staff tools (documents, the request form). */
export default function WorkspaceNav({ t, me, views, current, queueHref, toolLinks }: Props) {
  return (
    <nav aria-label={t('staff.nav.label')} className="workspace-nav">
      <ul className="staff-nav">
        {views.filter((v) => v.nav && v.roles.includes(me.role)).map((v) => (
          <li key={v.name}>
            <a href={v.name === 'queue' ? queueHref : `#/${v.name}`} aria-current={current === v.name ? 'page' : undefined}>{t(v.label)}</a>
          </li>
        ))}
      </ul>
      {toolLinks.length > 0 && (
        <details className="staff-tools">
          <summary>{t('staff.tools.title')}</summary>
          <ul>{toolLinks.map((l) => <li key={l.href}><a href={l.href}>{l.label}</a></li>)}</ul>
        </details>
      )}
    </nav>
  );
}
