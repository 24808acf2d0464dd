import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, newDraft, saveDraft } from '../../src/lib/draft';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('the request draft kept in the browser', () => {
  it('comes back after a reload with the same idempotency key and start time', () => {
    const store = new MemoryStorage();
    const draft = newDraft<Record<string, unknown>>(new Date('2026-11-28T10:00:00Z'));
    saveDraft('k', { ...draft, values: { full_name: 'Sara Ahmed', mobile: '0551234567' } }, store);
    expect(loadDraft('k', store)).toEqual({
      idempotencyKey: draft.idempotencyKey,
      startedAt: '2026-11-28T10:00:00.000Z',
      values: { full_name: 'Sara Ahmed', mobile: '0551234567' },
    });
  });

  it('never keeps the declarations (the applicant confirms them afresh) or the honeypot', () => {
    const store = new MemoryStorage();
    saveDraft('k', { ...newDraft(), values: { full_name: 'Sara', accuracy_confirmed: true, privacy_consent: true, website: 'x' } }, store);
    expect(store.getItem('k')).not.toMatch(/accuracy_confirmed|privacy_consent|website/);
    // Even a draft written by an older version with declarations in it does not restore them.
    store.setItem('k', JSON.stringify({ idempotencyKey: 'a', startedAt: 'b', values: { accuracy_confirmed: true, city: 'Jeddah' } }));
    expect(loadDraft('k', store)?.values).toEqual({ city: 'Jeddah' });
  });

  it('gives a fresh key for every new draft', () => {
    expect(newDraft().idempotencyKey).not.toBe(newDraft().idempotencyKey);
    expect(newDraft().idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ignores a damaged draft instead of breaking the form', () => {
    const store = new MemoryStorage();
    store.setItem('k', '{not json');
    expect(loadDraft('k', store)).toBeNull();
    store.setItem('k', JSON.stringify({ values: {} }));
    expect(loadDraft('k', store)).toBeNull();
  });

  it('is gone after success', () => {
    const store = new MemoryStorage();
    saveDraft('k', newDraft(), store);
    clearDraft('k', store);
    expect(loadDraft('k', store)).toBeNull();
  });

  it('works without storage (privacy mode): nothing kept, nothing thrown', () => {
    expect(() => saveDraft('k', newDraft(), null)).not.toThrow();
    expect(loadDraft('k', null)).toBeNull();
  });
});
