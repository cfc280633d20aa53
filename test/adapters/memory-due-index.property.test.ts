import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommittedNegativationDue } from '../../src/adapters/memory/negativation-due-index.js';
import type { CivilDate } from '../../src/calendar/index.js';
import type { NegativationCheck, NegativationDueKey } from '../../src/ports/negativation-due.js';
import type { NegativationRecord } from '../../src/ports/records.js';

/** A day of November 2026 (two digits). */
const day = (n: number): CivilDate => `2026-11-${String(n).padStart(2, '0')}` as CivilDate;

type Operation = { readonly touch: number } | { readonly check: number; readonly stale: boolean; readonly dueOn: number | undefined } | { readonly checks: readonly { readonly id: number; readonly dueOn: number | undefined }[] };

/**
 * The committed due index against a plain model (per negativation its touch count and key; due on `today`: the written
 * ones by id, then those due on or before `today` by day and id), through enough touches and checks that its recent
 * slots are sorted and merged into the sorted ones many times over (more than 1,024 recent or stale slots; batches
 * of 64 checks and more).
 */
describe('memory negativation due index', () => {
  it('lists what a plain model of touches and checks lists, however its slots were merged', () => {
    const operation: fc.Arbitrary<Operation> = fc.oneof(
      fc.record({ touch: fc.nat({ max: 400 }) }),
      fc.record({ check: fc.nat({ max: 400 }), stale: fc.boolean(), dueOn: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }) }),
      fc.record({ checks: fc.array(fc.record({ id: fc.nat({ max: 400 }), dueOn: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }) }), { minLength: 60, maxLength: 300 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { minLength: 200, maxLength: 1500 }), fc.integer({ min: 1, max: 30 }), (operations, today) => {
        const index = new CommittedNegativationDue();
        const model = new Map<string, { touched: number; key: NegativationDueKey | undefined }>();
        const id = (n: number) => `n${String(n).padStart(4, '0')}`;
        const check = (c: NegativationCheck) => {
          const entry = model.get(c.id);
          if (entry === undefined || entry.touched !== c.touched) return;
          entry.key = c.dueOn === undefined ? undefined : { written: false, dueOn: c.dueOn };
        };
        for (const op of operations) {
          if ('touch' in op) {
            index.touch(id(op.touch), `c${op.touch % 50}`);
            const entry = model.get(id(op.touch)) ?? { touched: 0, key: undefined };
            entry.touched++;
            entry.key = { written: true };
            model.set(id(op.touch), entry);
          } else if ('check' in op) {
            const touched = (model.get(id(op.check))?.touched ?? 0) - (op.stale ? 1 : 0);
            const c = { id: id(op.check), touched, dueOn: op.dueOn === undefined ? undefined : day(op.dueOn) };
            index.check(c);
            check(c);
          } else {
            const cs = op.checks.map((c) => ({ id: id(c.id), touched: model.get(id(c.id))?.touched ?? 0, dueOn: c.dueOn === undefined ? undefined : day(c.dueOn) }));
            index.checkMany(cs, cs.length);
            for (const c of cs) check(c);
          }
        }
        const read = (n: string) => (model.has(n) ? ({ id: n } as NegativationRecord) : undefined);
        const listed = index.due(day(today), 100_000, undefined, undefined, read).map((d) => [d.record.id, d.key, d.touched]);
        const expected = [...model]
          .filter(([, e]) => e.key !== undefined && (e.key.written || e.key.dueOn <= day(today)))
          .map(([n, e]) => [n, e.key, e.touched] as const)
          .sort(([a, ka], [b, kb]) => {
            const ta = ka?.written ? `0${a}` : `1${ka?.dueOn ?? ''}${a}`;
            const tb = kb?.written ? `0${b}` : `1${kb?.dueOn ?? ''}${b}`;
            return ta < tb ? -1 : ta > tb ? 1 : 0;
          });
        expect(listed).toEqual(expected);
      }),
      // A failure is reported as drawn (shrinking thousands of operations takes minutes).
      { numRuns: 40, endOnFailure: true },
    );
  });
});
