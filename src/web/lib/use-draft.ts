import { useCallback, useEffect, useRef, useState } from 'react';
import { sameValue, type DraftAddress } from './drafts';
import { drafts } from './sync';

const DEBOUNCE_MS = 500;

export interface DraftState {
  /** Loading the draft is done: show the form (before that, typing could be overwritten). */
  ready: boolean;
  /** When the draft now in the form was saved, if one was brought back. */
  restoredAt: number | undefined;
  /** Why it was kept, when it's words the server refused. */
  note: string | undefined;
  /** Throw the draft away and put the form back as it started. */
  discard: () => void;
  /** The words are saved (or safely in the outbox): forget the draft and stop autosaving. */
  clear: () => Promise<void>;
}

/**
 * Autosave a form's values on this device: ~500 ms after the last change, immediately when the
 * page is hidden or the form goes away, and restored the next time the same form opens.
 *
 * `initial` is what the form starts with; a value that is `same` as it is not worth keeping.
 */
export function useDraft<T>({
  address,
  value,
  setValue,
  initial,
  same = sameValue,
}: {
  address: DraftAddress | undefined;
  value: T;
  setValue: (value: T) => void;
  initial: T;
  same?: (a: T, b: T) => boolean;
}): DraftState {
  const [ready, setReady] = useState(false);
  const [restoredAt, setRestoredAt] = useState<number>();
  const [note, setNote] = useState<string>();
  const latest = useRef({ value, initial, same, address });
  latest.current = { value, initial, same, address };
  const timer = useRef<number | undefined>(undefined);
  const dirty = useRef(false);
  const cleared = useRef(false);
  const key = address ? `${address.userId}/${address.form}/${address.id ?? ''}` : '';

  const writeNow = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const { value: current, initial: start, same: equal, address: where } = latest.current;
    if (!dirty.current || cleared.current || !where) return;
    dirty.current = false;
    const work = equal(current, start) ? drafts.discard(where) : drafts.save(where, current);
    work.catch(() => {
      // Storage refused: the words are still on screen; nothing more we can do quietly.
    });
  }, []);

  // Load once per form and entry.
  useEffect(() => {
    if (!address) return;
    let active = true;
    cleared.current = false;
    setReady(false);
    drafts
      .load<T>(address)
      .then((record) => {
        if (!active) return;
        if (record && !latest.current.same(record.value, latest.current.initial)) {
          setValue(record.value);
          setRestoredAt(record.savedAt);
          setNote(record.note);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (active) setReady(true);
      });
    return () => {
      active = false;
    };
    // `address` is represented by `key`; setValue is a state setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Every change after loading: save a moment later.
  const firstRun = useRef(true);
  useEffect(() => {
    if (!ready) return;
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    if (cleared.current) return;
    dirty.current = true;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(writeNow, DEBOUNCE_MS);
  }, [value, ready, writeNow]);

  // Hidden (tab switched, phone locked, page closing) or gone: save right away.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') writeNow();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', writeNow);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', writeNow);
      writeNow();
    };
  }, [writeNow]);

  const discard = useCallback(() => {
    window.clearTimeout(timer.current);
    dirty.current = false;
    const where = latest.current.address;
    if (where) void drafts.discard(where).catch(() => undefined);
    setRestoredAt(undefined);
    setNote(undefined);
    setValue(latest.current.initial);
  }, [setValue]);

  const clear = useCallback(async () => {
    cleared.current = true;
    window.clearTimeout(timer.current);
    dirty.current = false;
    const where = latest.current.address;
    setRestoredAt(undefined);
    setNote(undefined);
    if (where) await drafts.discard(where).catch(() => undefined);
  }, []);

  return { ready, restoredAt, note, discard, clear };
}
