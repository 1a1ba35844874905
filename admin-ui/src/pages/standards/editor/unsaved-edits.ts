import { useEffect } from 'react';
import type { JsonObject } from '../../../../../domain/shared/json.ts';

/** Edits not saved yet: the user's document, the draft it started from and that draft's revision. */
export interface Unsaved {
  revision: number;
  base: JsonObject;
  working: JsonObject;
}

const unsavedKey = (code: string) => `pinzhi.unsaved.${code}`;

/** The edits this browser kept for a standard, if any. */
export function readUnsaved(code: string): Unsaved | null {
  try {
    const value = JSON.parse(localStorage.getItem(unsavedKey(code)) ?? 'null') as Unsaved | null;
    return value && typeof value.revision === 'number' && value.base && value.working ? value : null;
  } catch {
    return null;
  }
}

function writeUnsaved(code: string, value: Unsaved): void {
  try {
    localStorage.setItem(unsavedKey(code), JSON.stringify(value));
  } catch {
    // a full storage only means the edits are not kept across a reload
  }
}

function clearUnsaved(code: string): void {
  localStorage.removeItem(unsavedKey(code));
}

/** Keeps unsaved edits in this browser until they are saved or discarded (once the standard has loaded). */
export function useKeptEdits(code: string, { dirty, base, working, revision, loaded }: { dirty: boolean; base: JsonObject | null; working: JsonObject | null; revision: number | undefined; loaded: object | null }): void {
  useEffect(() => {
    if (dirty && base && working && revision !== undefined) writeUnsaved(code, { revision, base, working });
    else if (loaded) clearUnsaved(code);
  }, [dirty, base, working, revision, code, loaded]);
}
