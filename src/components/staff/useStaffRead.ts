import { useCallback, useEffect, useState } from 'react';
import type { StaffResult } from '../../api/staff';
import { useLatestOnly } from './useLatestOnly';
import { useRefreshOnFocus } from './useRefreshOnFocus';

/**
 * A workspace view's data: read when the view opens, again when the tab regains focus and when
 * `reload` is called after a change; an earlier answer arriving last is dropped. On a refusal
 * `failed` is set and the data becomes `onFailure` if given (a list shows as empty), else stays.
 * `read` must be stable (a function of src/api/staff.ts, or memoised).
 */
export function useStaffRead<T>(read: () => Promise<StaffResult<T>>, onFailure?: T) {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const beginLoad = useLatestOnly();
  const reload = useCallback(async () => {
    const isLatest = beginLoad();
    const result = await read();
    if (!isLatest()) return;
    setFailed(!result.ok);
    if (result.ok) setData(result.data);
    else if (onFailure !== undefined) setData(onFailure);
  }, [read, beginLoad, onFailure]);
  useEffect(() => {
    reload();
  }, [reload]);
  useRefreshOnFocus(reload);
  return { data, failed, reload };
}
