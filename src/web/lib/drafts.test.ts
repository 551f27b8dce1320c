import { describe, expect, it } from 'vitest';
import { DraftStore, draftKey, isRescueId, parseDraftKey, rescueId, sameValue, type DraftRecord } from './drafts';
import { memoryStore } from './kv-store';

describe('draftKey', () => {
  it('keys drafts by account, form and entry', () => {
    expect(draftKey({ userId: 'u1', form: 'thought-record' })).toBe('u1/thought-record/new');
    expect(draftKey({ userId: 'u1', form: 'thought-record', id: null })).toBe('u1/thought-record/new');
    expect(draftKey({ userId: 'u1', form: 'thought-record', id: '0193-e' })).toBe('u1/thought-record/0193-e');
    expect(draftKey({ userId: 'u1', form: 'prompt', id: 'fears/1' })).toBe('u1/prompt/fears%2F1');
  });

  it('keeps different accounts, forms and entries apart', () => {
    const keys = new Set([
      draftKey({ userId: 'u1', form: 'quick-capture' }),
      draftKey({ userId: 'u2', form: 'quick-capture' }),
      draftKey({ userId: 'u1', form: 'thought-record' }),
      draftKey({ userId: 'u1', form: 'thought-record', id: 'a' }),
      draftKey({ userId: 'u1', form: 'thought-record', id: 'b' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('reads keys back and refuses anything else', () => {
    for (const address of [
      { userId: 'u1', form: 'urge' as const, id: null },
      { userId: 'a/b', form: 'prompt' as const, id: 'x/y' },
    ]) {
      expect(parseDraftKey(draftKey(address))).toEqual(address);
    }
    expect(parseDraftKey('u1/unknown-form/new')).toBeUndefined();
    expect(parseDraftKey('u1/urge')).toBeUndefined();
    expect(parseDraftKey('u1/urge/%E0%A4%A')).toBeUndefined();
  });

  it('names rescued drafts', () => {
    expect(rescueId('k1')).toBe('rescue-k1');
    expect(isRescueId('rescue-k1')).toBe(true);
    expect(isRescueId('k1')).toBe(false);
    expect(isRescueId(null)).toBe(false);
  });
});

describe('DraftStore', () => {
  it('saves, loads, lists and discards', async () => {
    const store = memoryStore<DraftRecord>();
    const drafts = new DraftStore(store);
    await drafts.save({ userId: 'u1', form: 'quick-capture' }, { whatHappened: 'a' }, 10);
    await drafts.save({ userId: 'u1', form: 'thought-record', id: 'e1' }, { story: 'b' }, 20, 'The server said no.');
    await drafts.save({ userId: 'u2', form: 'quick-capture' }, { whatHappened: 'c' }, 30);

    expect(await drafts.load({ userId: 'u1', form: 'quick-capture' })).toEqual({ value: { whatHappened: 'a' }, savedAt: 10 });
    expect((await drafts.list('u1')).map((d) => [d.form, d.id, d.record.note])).toEqual([
      ['thought-record', 'e1', 'The server said no.'],
      ['quick-capture', null, undefined],
    ]);
    expect(await drafts.list('u1', 'quick-capture')).toHaveLength(1);

    await drafts.discard({ userId: 'u1', form: 'quick-capture' });
    expect(await drafts.load({ userId: 'u1', form: 'quick-capture' })).toBeUndefined();

    await drafts.clearAll();
    expect(store.map.size).toBe(0);
  });

  it('compares draft values by content', () => {
    expect(sameValue({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(sameValue({ a: '' }, { a: ' ' })).toBe(false);
  });
});
