import type { Collection, Versioned } from '../../ports/index.js';

/** What an upsert did, by id: records created, records changed, records sent equal to what was stored. */
export interface UpsertReport {
  readonly inserted: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
}

/** Whether two plain records hold the same data (key order ignored). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Writes a batch of records as one insert and one update (the store's
 * `insertMany`/`updateMany`): a record not stored is inserted at version 1; a
 * stored one is replaced by `merge(stored, wanted)` at the next version, unless
 * that changes nothing. `stored` is what the caller read with `getMany`.
 */
export async function writeBatch<T extends Versioned>(collection: Collection<T>, stored: ReadonlyMap<string, T>, wanted: readonly Omit<T, 'version'>[], merge: (stored: T, wanted: Omit<T, 'version'>) => T): Promise<UpsertReport> {
  const inserts: T[] = [];
  const updates: T[] = [];
  const unchanged: string[] = [];
  for (const record of wanted) {
    const current = stored.get(record.id);
    if (current === undefined) {
      inserts.push({ ...record, version: 1 } as T);
      continue;
    }
    const next = merge(current, record);
    if (sameData({ ...next, version: current.version }, current)) unchanged.push(record.id);
    else updates.push({ ...next, version: current.version + 1 });
  }
  await collection.insertMany(inserts);
  await collection.updateMany(updates);
  return { inserted: inserts.map((r) => r.id), updated: updates.map((r) => r.id), unchanged };
}

/** The index of the first id given twice in a batch, or `undefined`. */
export function repeatedIndex(ids: readonly string[]): number | undefined {
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (seen.has(id)) return index;
    seen.add(id);
  }
  return undefined;
}

/** A parsed input as a record: the fields zod left `undefined` are dropped (a record has them absent, never `undefined`). */
export function withoutUndefined<T>(value: object): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
