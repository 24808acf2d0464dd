/**
 * A request being typed is kept in the browser (localStorage), so a reload, a crash or a lost
 * connection never loses it. The declarations are never kept: the applicant confirms them
 * afresh each time (policy, handling step 4). The idempotency key and the start time travel
 * with the draft, so a retry after a reload is still the same request.
 */
export const NEVER_KEPT = ['accuracy_confirmed', 'privacy_consent', 'website'] as const;

export interface Draft<V> {
  values: Partial<V>;
  idempotencyKey: string;
  startedAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings): the form still works, without drafts
  }
}

export function withoutDeclarations<V extends object>(values: V): Partial<V> {
  const kept = { ...values } as Record<string, unknown>;
  for (const name of NEVER_KEPT) delete kept[name];
  return kept as Partial<V>;
}

export function newDraft<V>(now = new Date()): Draft<V> {
  return { values: {}, idempotencyKey: crypto.randomUUID(), startedAt: now.toISOString() };
}

export function loadDraft<V>(key: string, store: Store | null = storage()): Draft<V> | null {
  const raw = store?.getItem(key);
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Draft<V>;
    if (typeof draft.idempotencyKey !== 'string' || typeof draft.startedAt !== 'string') return null;
    return { ...draft, values: withoutDeclarations(draft.values ?? {}) };
  } catch {
    return null;
  }
}

export function saveDraft<V extends object>(key: string, draft: Draft<V>, store: Store | null = storage()): void {
  try {
    store?.setItem(key, JSON.stringify({ ...draft, values: withoutDeclarations(draft.values) }));
  } catch {
    // quota exceeded: keep going; the values are still in the page
  }
}

export function clearDraft(key: string, store: Store | null = storage()): void {
  store?.removeItem(key);
}
