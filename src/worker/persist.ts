// IndexedDB storage for the cluster snapshot (one record), used from the worker so saving never blocks
// the page. Values are stored by structured clone, so no JSON round trip.

const DB_NAME = 'kubeplay';
const STORE = 'snapshots';
const KEY = 'cluster';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
    req.onblocked = () => reject(new Error('indexedDB is blocked by another tab'));
  });
}

function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const t = db.transaction(STORE, mode);
        const req = fn(t.objectStore(STORE));
        t.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        t.onerror = t.onabort = () => {
          db.close();
          reject(t.error ?? req.error ?? new Error('indexedDB transaction failed'));
        };
      }),
  );
}

export function available(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function loadSnapshot(): Promise<unknown> {
  return tx('readonly', (s) => s.get(KEY));
}

export function saveSnapshot(value: unknown): Promise<void> {
  return tx('readwrite', (s) => s.put(value, KEY)).then(() => undefined);
}

export function clearSnapshot(): Promise<void> {
  return tx('readwrite', (s) => s.delete(KEY)).then(() => undefined);
}
