import type { QueueRow, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { daysSince } from '../../lib/deadlines';
import type { QueueSort, QueueView } from '../../schemas/queue-view';
import DeadlineBadge from './DeadlineBadge';
import DuplicateBadge from './DuplicateBadge';

interface Props {
  t: IslandTranslate<'staff'>;
  rows: QueueRow[];
  staff: StaffMember[];
  view: Pick<QueueView, 'sort' | 'desc'>;
  caption: string;
  onSort?: (sort: QueueSort) => void;
  /** Present when the member may assign in bulk: the rows chosen so far. */
  selection?: { selected: ReadonlySet<string>; toggle: (id: string) => void };
  onOpen: (id: string) => void;
}

const COLUMNS: { sort: QueueSort | null; key: 'staff.field.reference' | 'staff.field.full_name' | 'staff.field.status' | 'staff.queue.daysSince' | 'staff.queue.deadline' }[] = [
  { sort: null, key: 'staff.field.reference' },
  { sort: 'full_name', key: 'staff.field.full_name' },
  { sort: 'status', key: 'staff.field.status' },
  { sort: 'created_at', key: 'staff.queue.daysSince' },
  { sort: 'decision_due_by', key: 'staff.queue.deadline' },
];

/** The queue's rows: each reference a link (j / k move between them, Enter opens), sortable headings. */
export default function QueueTable({ t, rows, staff, view, caption, onSort, selection, onOpen }: Props) {
  const nameOf = (id: string | null) => (id ? (staff.find((s) => s.user_id === id)?.full_name ?? t('staff.timeline.unknownActor')) : '—');
  const ariaSort = (sort: QueueSort | null) => (sort && view.sort === sort ? (view.desc ? 'descending' : 'ascending') : undefined);
  return (
    <div className="table-scroll">
      <table className="staff-table" data-testid="queue">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection && <th scope="col"><span className="visually-hidden">{t('staff.bulk.selectColumn')}</span></th>}
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={ariaSort(c.sort)}>
                {c.sort && onSort ? (
                  <button type="button" className="sort-button" onClick={() => onSort(c.sort!)}>
                    {t(c.key)}
                    <span aria-hidden="true">{view.sort === c.sort ? (view.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
                  </button>
                ) : t(c.key)}
              </th>
            ))}
            <th scope="col">{t('staff.queue.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-reference={r.reference} data-id={r.id}>
              {selection && (
                <td>
                  <input type="checkbox" id={`select-${r.id}`} checked={selection.selected.has(r.id)} onChange={() => selection.toggle(r.id)}
                    aria-label={t('staff.bulk.select', { reference: r.reference })} />
                </td>
              )}
              <td>
                <a href={`#/request/${r.id}`} data-queue-link onClick={(e) => { e.preventDefault(); onOpen(r.id); }} dir="ltr">{r.reference}</a>
                {r.possible_duplicate && <> <DuplicateBadge t={t} /></>}
              </td>
              <td><bdi>{r.full_name}</bdi></td>
              <td>{t(`staff.status.${r.status}`)}</td>
              <td>{daysSince(r.created_at)}</td>
              <td>
                <DeadlineBadge t={t} dueBy={r.decision_due_by} decidedAt={r.decided_at} />
                {r.overdue_flags && !r.decided_at && <span className="flag" data-flag="overdue"> {t('staff.queue.flaggedMarker')}</span>}
              </td>
              <td>{nameOf(r.assigned_to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
