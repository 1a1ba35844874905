import type { EntityManager } from './persistence.ts';

/**
 * The port through which workflows hand business keys to the concept that owns them (findings own
 * `finding:<id>`): a start's key is checked and claimed in the starting transaction, and the owner
 * hears when an instance holding a key ends. Workflows know no owner by name.
 */
export interface BusinessKeys {
  /** Checks a start's key in its transaction; returns the variables the instance starts with (the owner may add facts). */
  claim(em: EntityManager, processKey: string, businessKey: string | null, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** An instance holding the key ended, in the transaction that ended it. */
  ended(em: EntityManager, processKey: string, businessKey: string | null, outcome: 'completed' | 'cancelled'): Promise<void>;
}

/**
 * Several owners behind one port: a start's key passes every owner's check in turn (each ignores
 * the keys that are not its own, and refuses its own to other processes), and every owner hears
 * of an instance's end.
 */
export function combineBusinessKeys(...owners: readonly BusinessKeys[]): BusinessKeys {
  return {
    async claim(em, processKey, businessKey, variables) {
      let claimed = variables;
      for (const owner of owners) claimed = await owner.claim(em, processKey, businessKey, claimed);
      return claimed;
    },
    async ended(em, processKey, businessKey, outcome) {
      for (const owner of owners) await owner.ended(em, processKey, businessKey, outcome);
    },
  };
}
