import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { CustomerRecord } from '../../src/ports/index.js';

/** Plain data a record may carry: nested objects and arrays of strings and numbers. */
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('tree'), { maxKeys: 3 }),
  ),
}));

/** How a new version treats each part of the stored one: shared as it is, rebuilt unfrozen, or rebuilt and frozen only at its top. */
type Choice = 'share' | 'fresh' | 'shallow';

/** A new version of a stored (frozen) value: each object part shared, or rebuilt around its parts (chosen in turn from `choices`). */
function derive(value: unknown, choices: readonly Choice[], at: { i: number }): unknown {
  if (value === null || typeof value !== 'object') return value;
  const choice = choices[at.i++ % choices.length] ?? 'share';
  if (choice === 'share') return value;
  const rebuilt = Array.isArray(value)
    ? value.map((item) => derive(item, choices, at))
    : Object.fromEntries(Object.entries(value).map(([key, field]) => [key, derive(field, choices, at)]));
  return choice === 'shallow' ? Object.freeze(rebuilt) : rebuilt;
}

/** Every object reachable from `value`. */
function parts(value: unknown, out: object[] = []): object[] {
  if (value === null || typeof value !== 'object') return out;
  out.push(value);
  for (const field of Object.values(value)) parts(field, out);
  return out;
}

describe('MemoryStore freezes each new version all the way down, walking only what changed', () => {
  it('property: a version made from the stored one (parts shared, rebuilt, or rebuilt and frozen only at the top) is stored equal and frozen all the way down, shared parts kept as they are; so is a new record sharing parts with the last one stored', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(fc.constantFrom<Choice>('share', 'fresh', 'shallow'), { minLength: 1, maxLength: 12 }), async (data, choices) => {
        const store = new MemoryStore();
        const first: CustomerRecord = { id: 'c1', version: 1, name: 'Cliente', taxId: '12345678909', kind: 'person', data } as CustomerRecord;
        await store.transaction((tx) => tx.customers.insert(first));
        const stored = (await store.transaction((tx) => tx.customers.get('c1'))) as CustomerRecord & { data: unknown };
        const next = { ...stored, version: 2, data: derive(stored.data, choices, { i: 0 }) };
        const expected = structuredClone(next);
        await store.transaction((tx) => tx.customers.update(next));
        const read = (await store.transaction((tx) => tx.customers.get('c1'))) as CustomerRecord & { data: unknown };
        expect(read).toEqual(expected);
        for (const part of parts(read)) expect(Object.isFrozen(part)).toBe(true);
        const storedParts = new Set(parts(stored.data));
        for (const part of parts(next.data)) if (storedParts.has(part)) expect(parts(read.data)).toContain(part);
        // A new record sharing parts with the last one stored (as a subject's negativations share its settings).
        const other = { ...read, id: 'c2', version: 1, data: derive(read.data, [...choices].reverse(), { i: 0 }) };
        const otherExpected = structuredClone(other);
        await store.transaction((tx) => tx.customers.insert(other));
        const otherRead = await store.transaction((tx) => tx.customers.get('c2'));
        expect(otherRead).toEqual(otherExpected);
        for (const part of parts(otherRead)) expect(Object.isFrozen(part)).toBe(true);
      }),
    );
  });
});
