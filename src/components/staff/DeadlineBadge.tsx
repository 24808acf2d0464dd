import { deadlineState } from '../../lib/deadlines';
import type { IslandTranslate } from '../../i18n/islands';

/** The deadline state in words, with an icon and colour that only repeat what the words say. */
export default function DeadlineBadge({ t, dueBy, decidedAt }: { t: IslandTranslate<'staff'>; dueBy: string | null; decidedAt: string | null }) {
  const state = deadlineState({ decision_due_by: dueBy, decided_at: decidedAt });
  const icon = { decided: '✓', on_time: '●', due_soon: '◆', overdue: '▲' }[state];
  return (
    <span className={`deadline deadline-${state}`} data-deadline={state}>
      <span aria-hidden="true">{icon} </span>
      {t(`staff.deadline.${state}`)}
    </span>
  );
}
