import type { KeyValueStore } from './kv-store';

/**
 * Drafts: what someone has typed but not yet saved, kept on this device so that no words are
 * lost to a closed tab, a crash or a lost connection.
 *
 * Privacy: a draft sits unencrypted in this browser's IndexedDB, so someone else using the
 * device (a partner, say) could open it with developer tools. We keep them anyway because losing
 * words someone found hard to write is the worse harm; drafts are keyed by account (one account
 * never sees another's), deleted as soon as the words are saved, and all deleted on sign-out.
 */

/** The forms that keep drafts. */
export type DraftForm = 'thought-record' | 'quick-capture' | 'prompt' | 'urge' | 'origins' | 'self-worth';

export interface DraftAddress {
  userId: string;
  form: DraftForm;
  /** The entry or item being edited, a prompt id, `rescue-<id>`… — or nothing for a new one. */
  id?: string | null;
}

export interface DraftRecord<T = unknown> {
  value: T;
  /** When it was last written (ms since the epoch). */
  savedAt: number;
  /** Why this draft exists when it's not simply unfinished (e.g. the server refused it). */
  note?: string;
}

const NEW = 'new';
const FORMS: ReadonlySet<string> = new Set<DraftForm>(['thought-record', 'quick-capture', 'prompt', 'urge', 'origins', 'self-worth']);

/**
 * One key per account, form and entry: `userId/form/id`, each part URI-encoded.
 *
 * @example draftKey({ userId: 'u1', form: 'thought-record', id: 'e9' }) // "u1/thought-record/e9"
 */
export function draftKey({ userId, form, id }: DraftAddress): string {
  return [userId, form, id || NEW].map(encodeURIComponent).join('/');
}

/** The inverse of `draftKey`, or undefined for a key that isn't one. */
export function parseDraftKey(key: string): DraftAddress | undefined {
  const parts = key.split('/');
  if (parts.length !== 3) return undefined;
  try {
    const [userId, form, id] = parts.map(decodeURIComponent) as [string, string, string];
    if (!userId || !FORMS.has(form) || !id) return undefined;
    return { userId, form: form as DraftForm, id: id === NEW ? null : id };
  } catch {
    return undefined;
  }
}

/** The draft id under which words the server refused are kept (see lib/sync.ts). */
export function rescueId(outboxItemId: string): string {
  return `rescue-${outboxItemId}`;
}

export function isRescueId(id: string | null | undefined): boolean {
  return typeof id === 'string' && id.startsWith('rescue-');
}

/** Same content? Drafts are plain JSON, so comparing their JSON is enough. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class DraftStore {
  constructor(private readonly store: KeyValueStore<DraftRecord>) {}

  async load<T>(address: DraftAddress): Promise<DraftRecord<T> | undefined> {
    return (await this.store.get(draftKey(address))) as DraftRecord<T> | undefined;
  }

  async save<T>(address: DraftAddress, value: T, now = Date.now(), note?: string): Promise<void> {
    const record: DraftRecord<T> = note ? { value, savedAt: now, note } : { value, savedAt: now };
    await this.store.put(draftKey(address), record);
  }

  async discard(address: DraftAddress): Promise<void> {
    await this.store.delete(draftKey(address));
  }

  /** One account's drafts (optionally of one form), newest first. */
  async list(userId: string, form?: DraftForm): Promise<Array<DraftAddress & { record: DraftRecord }>> {
    const found: Array<DraftAddress & { record: DraftRecord }> = [];
    for (const [key, record] of await this.store.entries()) {
      const address = parseDraftKey(key);
      if (address && address.userId === userId && (!form || address.form === form)) found.push({ ...address, record });
    }
    return found.sort((a, b) => b.record.savedAt - a.record.savedAt);
  }

  /** Every draft of every account on this device (sign-out). */
  async clearAll(): Promise<void> {
    for (const [key] of await this.store.entries()) await this.store.delete(key);
  }
}
