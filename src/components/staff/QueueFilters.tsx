import type { SubmitEvent } from 'react';
import type { StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES, REQUEST_STATUSES, isRequestStatus } from '../../lib/workflow';
import { CHANNELS } from '../../schemas/channels';
import { QUEUE_DEADLINES, QUEUE_SCOPES, SEARCH_MAX, type QueueView } from '../../schemas/queue-view';
import { BENEFICIARY_CATEGORIES } from '../../schemas/support-request';

interface Props {
  t: IslandTranslate<'staff'>;
  view: QueueView;
  staff: StaffMember[];
  onApply: (changes: Partial<QueueView>) => void;
}

/** Search and filters; applying them writes the view into the URL (the queue reads it back from there). */
export default function QueueFilters({ t, view, staff, onApply }: Props) {
  const members = staff.filter((s) => REQUEST_HANDLING_ROLES.includes(s.role));
  function apply(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const get = (name: string) => String(f.get(name) ?? '');
    const status = get('status');
    onApply({
      q: get('search').slice(0, SEARCH_MAX),
      status: isRequestStatus(status) ? status : '',
      scope: status === 'all' ? 'all' : 'open',
      category: get('category') as QueueView['category'],
      channel: get('channel') as QueueView['channel'],
      assignee: get('assignee'),
      deadline: get('deadline') as QueueView['deadline'],
    });
  }
  return (
    // Keyed by the view, so Back and Forward (which change the URL) show their own values here.
    <form key={JSON.stringify(view)} className="staff-filters" onSubmit={apply} role="search" aria-label={t('staff.queue.filtersLabel')}>
      <div className="filter-search">
        <label htmlFor="q-search">{t('staff.queue.search')}</label>
        <input id="q-search" name="search" type="search" defaultValue={view.q} maxLength={SEARCH_MAX} aria-describedby="q-search-hint" />
        <p id="q-search-hint" className="hint">{t('staff.queue.searchHint')}</p>
      </div>
      <div>
        <label htmlFor="q-status">{t('staff.queue.status')}</label>
        <select id="q-status" name="status" defaultValue={view.status || view.scope}>
          {QUEUE_SCOPES.map((s) => <option key={s} value={s}>{t(`staff.queue.scope.${s}`)}</option>)}
          {REQUEST_STATUSES.map((s) => <option key={s} value={s}>{t(`staff.status.${s}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="q-category">{t('staff.queue.category')}</label>
        <select id="q-category" name="category" defaultValue={view.category}>
          <option value="">{t('staff.queue.any')}</option>
          {BENEFICIARY_CATEGORIES.map((c) => <option key={c} value={c}>{t(`staff.category.${c}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="q-channel">{t('staff.queue.channel')}</label>
        <select id="q-channel" name="channel" defaultValue={view.channel}>
          <option value="">{t('staff.queue.any')}</option>
          {CHANNELS.map((c) => <option key={c} value={c}>{t(`staff.channel.${c}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="q-assignee">{t('staff.queue.assignee')}</label>
        <select id="q-assignee" name="assignee" defaultValue={view.assignee}>
          <option value="">{t('staff.queue.anyone')}</option>
          <option value="me">{t('staff.queue.mine')}</option>
          <option value="none">{t('staff.queue.unassigned')}</option>
          {members.map((s) => <option key={s.user_id} value={s.user_id}>{s.full_name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="q-deadline">{t('staff.queue.deadline')}</label>
        <select id="q-deadline" name="deadline" defaultValue={view.deadline}>
          <option value="">{t('staff.queue.any')}</option>
          {QUEUE_DEADLINES.map((d) => <option key={d} value={d}>{t(`staff.deadline.${d}`)}</option>)}
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit">{t('staff.queue.apply')}</button>
      </div>
    </form>
  );
}
