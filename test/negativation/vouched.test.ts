import { describe, expect, it } from 'vitest';
import { transition, type Negativation } from '../../src/negativation/index.js';
import { calendar, negativatedEvents, run, started } from './fixtures.js';

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
