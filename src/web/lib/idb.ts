import { memoryStore, type KeyValueStore } from './kv-store';

/**
 * IndexedDB, reduced to what Trellis needs: a few object stores of string keys → values, behind
 * the `KeyValueStore` interface. Everything in here stays on this device and is never sent
 * anywhere by this module.
 */

const DB_NAME = 'trellis';
const DB_VERSION = 1;
export type StoreName = 'drafts' | 'outbox';
const STORES: readonly StoreName[] = ['drafts', 'outbox'];

let opening: Promise<IDBDatabase> | undefined;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  if (!opening) {
    opening = new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('IndexedDB is not available'));
        return;
      }
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        for (const name of STORES) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the database: step aside and reopen next time.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error ?? new Error('IndexedDB failed to open'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked'));
    });
    opening.catch(() => {
      opening = undefined;
    });
  }
  return opening;
}

async function withStore<T>(name: StoreName, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  const tx = db.transaction(name, mode);
  const result = await request(work(tx.objectStore(name)));
  if (mode === 'readwrite') {
    // Resolve only once the write is durable (the transaction committed).
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  }
  return result;
}

function idbStore<T>(name: StoreName): KeyValueStore<T> {
  return {
    get: (key) => withStore(name, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
    put: async (key, value) => {
      await withStore(name, 'readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await withStore(name, 'readwrite', (s) => s.delete(key));
    },
    entries: async () => {
      const db = await openDb();
      const store = db.transaction(name, 'readonly').objectStore(name);
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll() as IDBRequest<T[]>)]);
      return keys.map((key, i) => [String(key), values[i] as T]);
    },
  };
}

/**
 * A store on this device: IndexedDB when it works, otherwise (private modes of some browsers)
 * memory for this visit only — writing still works, it just isn't kept after the tab closes.
 */
export function deviceStore<T>(name: StoreName): KeyValueStore<T> {
  const idb = idbStore<T>(name);
  const fallback = memoryStore<T>();
  let useFallback: boolean | undefined;
  const pick = async (): Promise<KeyValueStore<T>> => {
    if (useFallback === undefined) {
      try {
        await openDb();
        useFallback = false;
      } catch {
        useFallback = true;
      }
    }
    return useFallback ? fallback : idb;
  };
  return {
    get: async (key) => (await pick()).get(key),
    put: async (key, value) => (await pick()).put(key, value),
    delete: async (key) => (await pick()).delete(key),
    entries: async () => (await pick()).entries(),
  };
}
