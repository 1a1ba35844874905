import type { JsonValue } from '../../../domain/shared/json.ts';

/**
 * What the phone keeps in IndexedDB, so an inspection survives reloads, closed tabs and lost
 * connections: the day's checklists, each inspection with its answers and sync state, the photos
 * taken (resized, with their capture time) and the inspector's day as last seen online.
 */

/** An answer as the phone keeps it: photos are named by their local id until they are uploaded. */
export interface LocalAnswer {
  value?: JsonValue;
  notApplicable?: string;
  /** evidence photos (local ids) */
  photos?: string[];
  remark?: string;
}

export type SyncState = 'draft' | 'queued' | 'syncing' | 'synced' | 'refused';

export interface SubmittedFinding {
  id: number;
  title: string;
  severity: string;
  itemId: string;
  rectifyDueAt: string | null;
}

export interface LocalInspection {
  localId: string;
  /** chosen once, when the inspection is started: every retry of its sync sends the same */
  clientSubmissionId: string;
  checklistId: string;
  projectId: number;
  projectName: string;
  tier: string;
  edition: string;
  /** YYYY-MM-DD, the day it was started */
  inspectedOn: string;
  answers: Record<string, LocalAnswer>;
  status: SyncState;
  /** why the server refused it, with the items it named */
  refusal: { message: string; code: string | null; issues: { pointer: string; message: string; itemId: string | null }[] } | null;
  result: { inspectionId: number; score: number | null; executionRate: number | null; findings: SubmittedFinding[] } | null;
  createdAt: string;
  updatedAt: string;
}

export interface LocalPhoto {
  localId: string;
  blob: Blob;
  /** when the camera took it (ISO time) */
  capturedAt: string;
  /** the server's id once uploaded */
  sha256: string | null;
}

type StoreName = 'checklists' | 'inspections' | 'photos' | 'meta';
const KEYS: Record<StoreName, string | null> = { checklists: 'id', inspections: 'localId', photos: 'localId', meta: null };

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('pinzhi-phone', 1);
    request.onupgradeneeded = () => {
      for (const [name, keyPath] of Object.entries(KEYS)) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, keyPath ? { keyPath } : undefined);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

function run<T>(store: StoreName, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return database().then((db) => new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    // resolved when the transaction commits: a write is on disk before the caller goes on
    tx.oncomplete = () => resolve(request.result as T);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}

export const localStore = {
  get: <T>(store: StoreName, key: string) => run<T | undefined>(store, 'readonly', (s) => s.get(key)),
  all: <T>(store: StoreName) => run<T[]>(store, 'readonly', (s) => s.getAll()),
  put: (store: StoreName, value: unknown, key?: string) => run<IDBValidKey>(store, 'readwrite', (s) => (key === undefined ? s.put(value) : s.put(value, key))),
  delete: (store: StoreName, key: string) => run<undefined>(store, 'readwrite', (s) => s.delete(key)),
};

/** A random id, for local records and for `clientSubmissionId`. */
export function newId(): string {
  return crypto.randomUUID();
}
