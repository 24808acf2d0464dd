import type { IslandTranslate } from '../../i18n/islands';

/** "Possible duplicate", in words; the icon only repeats them. */
export default function DuplicateBadge({ t }: { t: IslandTranslate<'staff'> }) {
  return (
    <span className="flag flag-duplicate" data-flag="possible_duplicate">
      <span aria-hidden="true">⧉ </span>{t('staff.duplicates.flag')}
    </span>
  );
}
