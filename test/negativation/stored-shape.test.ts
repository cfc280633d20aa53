import { describe, expect, it } from 'vitest';
import { reconcile, transition, type Negativation } from '../../src/negativation/index.js';
import { calendar, negativatedEvents, run, started } from './fixtures.js';

/**
 * Issue 12, defect 7 (found by `npm run fuzz` with another seed): a negativation handed back with
 * a junk date or a null part made `reconcile` and `transition` throw a TypeError; it is
 * `not_a_negativation`, and nothing is changed.
 */
const negativated = run(started(), negativatedEvents).negativation;
const paidInvoice = [{ id: 'inv-1', status: 'paid' as const, paidOn: '2026-11-19', dueDate: '2026-09-10', amount: '373.52' }];
const removed = { type: 'bureau_removed', on: '2026-11-21', actor: 'boa_vista' } as const;

describe('a negativation with a broken part is not_a_negativation, never a throw', () => {
  it('the untouched one is read (the cases below each break one part)', () => {
    expect(reconcile([negativated], paidInvoice, '2026-12-15', { calendar }).isOk()).toBe(true);
    expect(transition(negativated, removed, { calendar }).isOk()).toBe(true);
  });

  it.each<[string, Partial<Record<keyof Negativation, unknown>>]>([
    ['expiresOn a number', { expiresOn: 42 }],
    ['expiresOn null', { expiresOn: null }],
    ['settings null', { settings: null }],
    ['title null', { title: null }],
    ['a registeredOn that is not a date', { registeredOn: {} }],
    ['a notice without its date', { notices: [{ channel: 'letter' }] }],
  ])('%s', (_what, broken) => {
    const junk = { ...negativated, ...broken } as unknown as Negativation;
    expect(reconcile([junk], paidInvoice, '2026-12-15', { calendar })._unsafeUnwrapErr().code).toBe('not_a_negativation');
    expect(transition(junk, removed, { calendar })._unsafeUnwrapErr().code).toBe('not_a_negativation');
  });
});
