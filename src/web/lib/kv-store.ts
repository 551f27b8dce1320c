/**
 * The little storage interface drafts and the outbox are written against. In the browser it is
 * IndexedDB (`lib/idb.ts`); in unit tests, and where IndexedDB is unavailable, it is a Map.
 */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry, in key order. */
  entries(): Promise<Array<[string, T]>>;
}

/** A store that lives in memory (tests; and the fallback when the device refuses IndexedDB). */
export function memoryStore<T>(): KeyValueStore<T> & { readonly map: Map<string, T> } {
  const map = new Map<string, T>();
  // Values are copied in and out, as IndexedDB's structured clone would.
  const copy = (value: T): T => structuredClone(value);
  return {
    map,
    async get(key) {
      const value = map.get(key);
      return value === undefined ? undefined : copy(value);
    },
    async put(key, value) {
      map.set(key, copy(value));
    },
    async delete(key) {
      map.delete(key);
    },
    async entries() {
      return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => [key, copy(value)]);
    },
  };
}
