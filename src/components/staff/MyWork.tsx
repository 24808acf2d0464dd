import { MY_WORK_SECTIONS, loadMyWork, type MyWork as MyWorkData, type MyWorkSection } from '../../api/staff';
import type { QueueRow, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import { WAITING_STATUS } from '../../lib/workflow';
import { formatDate } from './format-date';
import { queueHref } from './queue-links';
import QueueTable from './QueueTable';
import { moveFocus, useShortcuts } from './shortcuts';

import { useStaffRead } from './useStaffRead';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  me: StaffMember;
  staff: StaffMember[];
  onOpen: (id: string) => void;
}


/** "My work": what is assigned to me, due first; what waits on the beneficiary; what came back since I last looked. */
export default function MyWork({ t, locale, me, staff, onOpen }: Props) {
  const { data: work, failed } = useStaffRead(loadMyWork);
  useShortcuts({
    next: () => moveFocus(document.getElementById('my-work'), '[data-queue-link]', 1),
    previous: () => moveFocus(document.getElementById('my-work'), '[data-queue-link]', -1),
  });

  const rowsOf = (section: MyWorkSection): QueueRow[] => work?.[section] ?? [];
  return (
    <section aria-labelledby="my-work-title" id="my-work">
      <h2 id="my-work-title" tabIndex={-1}>{t('staff.mine.title')}</h2>
      {!work && <p role="status">{failed ? t('staff.loadFailed') : t('staff.loading')}</p>}
      {work && MY_WORK_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`mine-${section}`} data-section={section} className="mine-section">
          <h3 id={`mine-${section}`}>{t(`staff.mine.${section}.title`, { count: work.counts[section] })}</h3>
          <p className="hint">{t(`staff.mine.${section}.hint`)}</p>
          {rowsOf(section).length === 0 ? <p>{t(`staff.mine.${section}.none`)}</p> : (
            <>
              {section === 'came_back' && (
                <ul className="came-back-times">
                  {work.came_back.map((r) => <li key={r.id}><span dir="ltr">{r.reference}</span>: <time dateTime={r.came_back_at}>{formatDate(locale, r.came_back_at, true)}</time></li>)}
                </ul>
              )}
              <QueueTable t={t} rows={rowsOf(section)} staff={staff} view={{ sort: 'decision_due_by', desc: false }}
                caption={t(`staff.mine.${section}.title`, { count: work.counts[section] })} onOpen={onOpen} />
              {work.counts[section] > rowsOf(section).length && (
                <p><a href={queueHref({ assignee: 'me', status: section === 'waiting' ? WAITING_STATUS : '' })}>{t('staff.mine.more', { count: work.counts[section] })}</a></p>
              )}
            </>
          )}
        </section>
      ))}
      <p className="hint">{t('staff.mine.signedInAs', { name: me.full_name })}</p>
    </section>
  );
}
