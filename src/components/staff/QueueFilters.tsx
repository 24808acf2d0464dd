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

/** One filter: a choice from a list, or any. */
function Choice({ id, name, label, value, any, options }: { id: string; name: string; label: string; value: string; any: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{any}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
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
      <Choice id="q-category" name="category" label={t('staff.queue.category')} value={view.category} any={t('staff.queue.any')}
        options={BENEFICIARY_CATEGORIES.map((c) => ({ value: c, label: t(`staff.category.${c}`) }))} />
      <Choice id="q-channel" name="channel" label={t('staff.queue.channel')} value={view.channel} any={t('staff.queue.any')}
        options={CHANNELS.map((c) => ({ value: c, label: t(`staff.channel.${c}`) }))} />
      <Choice id="q-assignee" name="assignee" label={t('staff.queue.assignee')} value={view.assignee} any={t('staff.queue.anyone')}
        options={[{ value: 'me', label: t('staff.queue.mine') }, { value: 'none', label: t('staff.queue.unassigned') },
          ...members.map((s) => ({ value: s.user_id, label: s.full_name }))]} />
      <Choice id="q-deadline" name="deadline" label={t('staff.queue.deadline')} value={view.deadline} any={t('staff.queue.any')}
        options={QUEUE_DEADLINES.map((d) => ({ value: d, label: d === 'flagged' ? t('staff.queue.flagged') : t(`staff.deadline.${d}`) }))} />
      <div className="filter-actions">
        <button type="submit">{t('staff.queue.apply')}</button>
      </div>
    </form>
  );
}
