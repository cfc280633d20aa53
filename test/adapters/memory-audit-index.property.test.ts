import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { AuditEntry } from '../../src/ports/index.js';

const SUBJECTS = ['i1', 'i2', 'c1'] as const;
const subjectTypeOf = (subjectId: string): AuditEntry['subjectType'] => (subjectId.startsWith('c') ? 'customer' : 'invoice');

/** One transaction of the walk: entries appended (by subject), then a read of one subject, or a rollback. */
const step = fc.record({
  appended: fc.array(fc.constantFrom(...SUBJECTS), { maxLength: 6 }),
  read: fc.constantFrom(...SUBJECTS),
  fails: fc.boolean(),
});

describe('memory store: audit by subject', () => {
  it('property: forSubject answers every committed entry about the subject in the order appended, then the transaction\'s own, whatever reads came between the appends (the committed index catches up on read)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const store = new MemoryStore();
        const committed: AuditEntry[] = [];
        let n = 0;
        for (const { appended, read, fails } of steps) {
          const entries = appended.map((subjectId): AuditEntry => ({ id: `a${n++}`, at: '2026-11-24T13:00:00.000Z', actor: 'test', subjectType: subjectTypeOf(subjectId), subjectId, action: 'noted' }));
          const about = (list: readonly AuditEntry[]): string[] => list.filter((e) => e.subjectId === read && e.subjectType === subjectTypeOf(read)).map((e) => e.id);
          const expected = [...about(committed), ...about(entries)];
          const outcome = store.transaction(async (tx) => {
            await tx.audit.appendMany(entries);
            expect((await tx.audit.forSubject(subjectTypeOf(read), read)).map((e) => e.id)).toEqual(expected);
            if (fails) throw new Error('rolled back');
          });
          if (fails) await expect(outcome).rejects.toThrow('rolled back');
          else {
            await outcome;
            committed.push(...entries);
          }
        }
        for (const subjectId of SUBJECTS) {
          const got = await store.transaction((tx) => tx.audit.forSubject(subjectTypeOf(subjectId), subjectId));
          expect(got.map((e) => e.id)).toEqual(committed.filter((e) => e.subjectId === subjectId).map((e) => e.id));
        }
      }),
    );
  });
});
