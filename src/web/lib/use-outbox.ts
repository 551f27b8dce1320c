import { useEffect, useRef, useState } from 'react';
import type { OutboxCollection, OutboxItem } from './outbox';
import { drafts, outbox } from './sync';
import type { DraftAddress, DraftForm, DraftRecord } from './drafts';

/**
 * Items of one collection still waiting in the outbox (shown as "waiting to sync"), kept
 * current; `onDelivered` runs whenever one of them reaches the server (to reload the list).
 */
export function useOutboxItems(userId: string, collection: OutboxCollection, onDelivered?: () => void): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const delivered = useRef(onDelivered);
  delivered.current = onDelivered;
  useEffect(() => {
    let active = true;
    const refresh = () => {
      outbox
        .pending(userId, collection)
        .then((next) => {
          if (active) setItems(next);
        })
        .catch(() => undefined);
    };
    refresh();
    const unsubscribe = outbox.subscribe((event) => {
      if (event.item.collection !== collection) return;
      refresh();
      if (event.type === 'delivered') delivered.current?.();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [userId, collection]);
  return items;
}

/** This account's drafts of some forms, on this device (re-read when `version` changes). */
export function useDeviceDrafts(userId: string, forms: readonly DraftForm[], version = 0): Array<DraftAddress & { record: DraftRecord }> {
  const [list, setList] = useState<Array<DraftAddress & { record: DraftRecord }>>([]);
  const formsKey = forms.join(',');
  useEffect(() => {
    let active = true;
    drafts
      .list(userId)
      .then((all) => {
        if (active) setList(all.filter((d) => formsKey.split(',').includes(d.form)));
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [userId, formsKey, version]);
  return list;
}
