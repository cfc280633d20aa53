import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommittedWakes } from '../../src/adapters/memory/wake-index.js';
import { addDays, civilDate, type CivilDate } from '../../src/calendar/index.js';
import { shareBucket, type Share } from '../../src/ports/share.js';
import type { DueCustomer } from '../../src/ports/index.js';

/*
 * The memory store's wake index visits only candidates (customers touched,
 * replanned, or whose wake-day bucket came), kept in id order by merges and
 * side lists. This property drives it with random touches, evaluations with
 * random wake days, new plans and paged `due` walks (writes and evaluations
 * between pages, days forward and back) and checks every page against the
 * port's definition applied to every customer: due when touched since its
 * evaluation, evaluated under an older plan, or its wake day came.
 */

const START = civilDate('2026-11-24');

/** The port's definition over every customer (what a full walk in id order returns). */
class Reference {
  private readonly entries = new Map<string, { touched: number; evaluated: number; epoch: number; wakeOn: CivilDate | undefined }>();
  private epoch = 0;

  touch(id: string, count: number): void {
    const entry = this.entries.get(id) ?? { touched: 0, evaluated: 0, epoch: this.epoch, wakeOn: undefined };
    entry.touched += count;
    this.entries.set(id, entry);
  }

  quiet(id: string, wakeOn: CivilDate | undefined): void {
    const entry = this.entries.get(id) ?? { touched: 0, evaluated: 0, epoch: this.epoch, wakeOn: undefined };
    Object.assign(entry, { evaluated: entry.touched, epoch: this.epoch, wakeOn });
    this.entries.set(id, entry);
  }

  replan(): void {
    this.epoch++;
  }

  due(today: CivilDate, limit: number, after: string | undefined, share: Share | undefined): DueCustomer[] {
    return [...this.entries.entries()]
      .filter(([id, e]) => (after === undefined || id > after) && (e.evaluated < e.touched || e.epoch !== this.epoch || (e.wakeOn !== undefined && e.wakeOn <= today)))
      .filter(([id]) => share === undefined || share.count <= 1 || shareBucket(id) % share.count === share.index)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([customerId, e]) => ({ customerId, touched: e.touched }));
  }
}

const id = fc.integer({ min: 0, max: 40 }).map((n) => `c-${String(n).padStart(2, '0')}`);
const day = fc.integer({ min: -3, max: 12 });
/** Something done to both indexes between two pages. */
const step: fc.Arbitrary<Step> = fc.oneof<fc.Arbitrary<Step>[]>(
  fc.record({ kind: fc.constant('touch' as const), id, count: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('quiet' as const), id, day: fc.option(day, { nil: undefined }) }),
  fc.record({ kind: fc.constant('replan' as const) }),
);
/** One step (as generated). */
type Step = { kind: 'touch'; id: string; count: number } | { kind: 'quiet'; id: string; day: number | undefined } | { kind: 'replan' };
/** A paged walk of `due` on a day, with steps between its pages. */
const walk = fc.record({
  day,
  limit: fc.integer({ min: 1, max: 7 }),
  share: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
  between: fc.array(fc.array(step, { maxLength: 4 }), { maxLength: 6 }),
});

describe('the memory wake index by wake day', () => {
  it('every page of every walk equals the port definition over every customer (touches, evaluations, plans between pages; days forward and back)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 12 }), { minLength: 1, maxLength: 8 }), fc.array(walk, { minLength: 1, maxLength: 8 }), (before, walks) => {
        const index = new CommittedWakes();
        const reference = new Reference();
        const apply = (s: Step, today: CivilDate) => {
          if (s.kind === 'touch') {
            index.touch(s.id, s.count);
            reference.touch(s.id, s.count);
          } else if (s.kind === 'quiet') {
            const wakeOn = s.day === undefined ? undefined : addDays(today, s.day);
            index.quiet(s.id, wakeOn);
            reference.quiet(s.id, wakeOn);
          } else {
            index.replan('p');
            reference.replan();
          }
        };
        for (const [n, { day: offset, limit, share: count, between }] of walks.entries()) {
          for (const s of before[n % before.length] ?? []) apply(s, START);
          const today = addDays(START, offset);
          for (let index_ = 0; index_ < (count ?? 1); index_++) {
            const share = count === undefined ? undefined : { index: index_, count };
            let after: string | undefined;
            for (let page = 0; ; page++) {
              const got = index.due(today, limit, after, share);
              expect(got, `day ${today}, after ${after}`).toEqual(reference.due(today, limit, after, share));
              if (got.length === 0) break;
              after = got[got.length - 1]?.customerId;
              for (const s of between[page % Math.max(1, between.length)] ?? []) apply(s, today);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a customer asleep until its wake day, many days ahead, and wakes it on any later day too', () => {
    const index = new CommittedWakes();
    index.touch('c1', 1);
    index.quiet('c1', addDays(START, 30));
    for (let d = 0; d < 30; d++) expect(index.due(addDays(START, d), 10, undefined, undefined), `day ${d}`).toEqual([]);
    expect(index.due(addDays(START, 45), 10, undefined, undefined)).toEqual([{ customerId: 'c1', touched: 1 }]);
    expect(index.due(addDays(START, 30), 10, undefined, undefined)).toEqual([{ customerId: 'c1', touched: 1 }]);
  });
});
