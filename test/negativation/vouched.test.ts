import { describe, expect, it } from 'vitest';
import { startNegativation, transition, type Negativation } from '../../src/negativation/index.js';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { calendar, negativatedEvents, requestInput, run, started } from './fixtures.js';

/** Every object inside `value` (itself included) that is not frozen, by path. */
function unfrozen(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const inner = Object.entries(value).flatMap(([key, part]) => unfrozen(part, `${path}.${key}`));
  return Object.isFrozen(value) ? inner : [path, ...inner];
}

/**
 * `transition` skips its structural check for the negativations this module built (vouched for, see vouched.ts).
 * That is safe only if such a record cannot change: it and every part the check reads are frozen, and a host's
 * copy, which can say anything, is checked in full.
 */
const payment = { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '373.52', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' } as const;

describe('vouched negativations', () => {
  it('are frozen with every part the check reads', () => {
    const registered = run(started(), negativatedEvents).negativation;
    const paid = transition(registered, payment, { calendar })._unsafeUnwrap().negativation;
    const parts = [paid, paid.title, paid.title.amount, paid.outstanding, paid.notices, ...paid.notices, paid.payments, ...paid.payments, ...paid.payments.map((p) => p.amount), paid.settlement, paid.removal];
    expect(parts.every((part) => part !== undefined && Object.isFrozen(part))).toBe(true);
    expect(() => {
      (paid as { version: number }).version = 99;
    }).toThrow(TypeError);
  });

  it('are frozen all the way down, at the start and after every step (a store that freezes what it keeps keeps them as they are)', () => {
    let n = started({ registration: { id: 'reg-1', titleIds: ['inv-1', 'inv-2'] }, settings: { qualifyingNoticeChannels: ['letter', 'email'], minimumAmount: '1.00' } });
    expect(unfrozen(n)).toEqual([]);
    for (const event of [...negativatedEvents, payment]) {
      n = transition(n, event, { calendar })._unsafeUnwrap().negativation;
      expect(unfrozen(n)).toEqual([]);
    }
  });

  it("freeze nothing of the caller's: the request and the events stay as given", () => {
    const input = structuredClone(requestInput({ settings: { qualifyingNoticeChannels: ['letter'], minimumAmount: { cents: 100 } } })) as unknown as Record<string, unknown>;
    const n = startNegativation(input as never, { calendar })._unsafeUnwrap().negativation;
    const events = structuredClone([...negativatedEvents, payment]);
    run(n, events);
    expect(unfrozen(input)).toEqual(unfrozen(structuredClone(input)));
    expect(unfrozen(events)).toEqual(unfrozen(structuredClone(events)));
  });

  it('stay vouched through the memory store: what is read back is the record written, not a copy', async () => {
    const store = new MemoryStore();
    const n = run(started(), negativatedEvents).negativation;
    const record = { id: n.id, version: 1, customerId: 'c-1', invoiceId: n.title.id, uniqueKey: 'k', status: n.status, negativation: n };
    await store.transaction((tx) => tx.negativations.insert(record));
    const read = await store.transaction((tx) => tx.negativations.get(n.id));
    expect(read?.negativation).toBe(n);
  });

  it('a copy with a junk field is refused (the full check runs on it)', () => {
    const registered = run(started(), negativatedEvents).negativation;
    const copy = { ...registered, outstanding: { cents: 'many' } } as unknown as Negativation;
    expect(transition(copy, payment, { calendar })._unsafeUnwrapErr().code).toBe('not_a_negativation');
    const pushed = { ...registered, history: [...registered.history, registered.history[0]] } as Negativation;
    expect(transition(pushed, payment, { calendar })._unsafeUnwrapErr().code).toBe('not_a_negativation');
  });

  it('a step from a host object leaves the host objects it shares unfrozen (its input is never changed)', () => {
    const registered = structuredClone(run(started(), negativatedEvents).negativation);
    const next = transition(registered, payment, { calendar })._unsafeUnwrap().negativation;
    expect(Object.isFrozen(next)).toBe(false);
    expect(Object.isFrozen(registered.title) || Object.isFrozen(registered.notices)).toBe(false);
  });
});
