import { describe, expect, it } from 'vitest';
import { checkNegativationGuards, parseNegativationEvent, startNegativation, transition } from '../../src/negativation/index.js';
import { approvedAndNotified, calendar, creditor, expectRefusedUnchanged, negativatedEvents, requestInput, run, started } from './fixtures.js';

describe('bad input is a typed error and changes nothing', () => {
  it('an unknown event type is unknown_event at path type', () => {
    const n = started();
    const result = expectRefusedUnchanged(n, { type: 'teleport', on: '2026-10-21', actor: 'x' }, 'unknown_event');
    expect(result._unsafeUnwrapErr().path).toEqual(['type']);
    expectRefusedUnchanged(n, { on: '2026-10-21' }, 'unknown_event');
    expectRefusedUnchanged(n, null, 'unknown_event');
    expectRefusedUnchanged(n, 'analysis_approved', 'unknown_event');
  });

  it('an event dated before the last one is event_out_of_order', () => {
    const { negativation } = run(started(), approvedAndNotified);
    const result = expectRefusedUnchanged(negativation, { type: 'submitted', on: '2026-10-19', actor: 'system' }, 'event_out_of_order');
    expect(result._unsafeUnwrapErr()).toMatchObject({ path: ['on'], details: { lastEventOn: '2026-10-21' } });
  });

  it('dates out of order inside an event name the field', () => {
    const { negativation } = run(started(), negativatedEvents);
    const funds = expectRefusedUnchanged(
      negativation,
      { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '10.00', paidOn: '2026-11-18', fundsAvailableOn: '2026-11-17' },
      'invalid_input',
    );
    expect(funds._unsafeUnwrapErr().path).toEqual(['fundsAvailableOn']);
    const paidLater = expectRefusedUnchanged(
      negativation,
      { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '10.00', paidOn: '2026-11-20', fundsAvailableOn: '2026-11-20' },
      'invalid_input',
    );
    expect(paidLater._unsafeUnwrapErr().path).toEqual(['paidOn']);
  });

  it('malformed fields: impossible dates, float amounts, a letter without proof of posting, missing actor', () => {
    const { negativation } = run(started(), negativatedEvents);
    const pay = { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', paidOn: '2026-11-18', fundsAvailableOn: '2026-11-19' };
    expect(expectRefusedUnchanged(negativation, { ...pay, amount: 10.5 }, 'invalid_input')._unsafeUnwrapErr().path).toEqual(['amount']);
    expect(expectRefusedUnchanged(negativation, { ...pay, amount: '0.00' }, 'invalid_input')._unsafeUnwrapErr().path).toEqual(['amount']);
    expect(expectRefusedUnchanged(negativation, { ...pay, amount: '1.00', on: '2026-02-30' }, 'invalid_input')._unsafeUnwrapErr().path).toEqual(['on']);
    expect(expectRefusedUnchanged(negativation, { ...pay, amount: '1.00', surprise: 1 }, 'invalid_input').isErr()).toBe(true);
    const processing = run(started(), approvedAndNotified.slice(0, 1)).negativation;
    expect(expectRefusedUnchanged(processing, { type: 'notice_sent', on: '2026-10-21', actor: 'x', channel: 'letter' }, 'invalid_input')._unsafeUnwrapErr().path).toEqual(['proofOfPosting']);
    expect(expectRefusedUnchanged(processing, { type: 'notice_sent', on: '2026-10-21', actor: ' ', channel: 'sms' }, 'invalid_input')._unsafeUnwrapErr().path).toEqual(['actor']);
    expect(expectRefusedUnchanged(processing, { type: 'failure', on: '2026-10-21', actor: 'x' }, 'invalid_input')._unsafeUnwrapErr().path).toEqual(['reason']);
  });

  it('an event that does not apply in the status is illegal_transition, listing what does apply', () => {
    const n = started();
    const result = expectRefusedUnchanged(n, { type: 'bureau_accepted', on: '2026-10-21', actor: 'boa_vista' }, 'illegal_transition');
    expect(result._unsafeUnwrapErr().details).toMatchObject({ status: 'in_analysis', event: 'bureau_accepted' });
    expect(result._unsafeUnwrapErr().details?.['allowed']).toContain('analysis_approved');
    expectRefusedUnchanged(n, { type: 'request', on: '2026-10-21', actor: 'x' }, 'illegal_transition');
    expectRefusedUnchanged(n, { type: 'payment_received', on: '2026-10-21', actor: 'bank', kind: 'agreement_installment', installmentNumber: 1, amount: '1.00', paidOn: '2026-10-21', fundsAvailableOn: '2026-10-21' }, 'illegal_transition');
  });

  it('malformed tax ids: the creditor is an input error, the debtor a listed data problem', () => {
    const badCreditor = startNegativation(requestInput({ creditor: { ...creditor, document: '11.222.333/0001-82' } }));
    expect(badCreditor._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['creditor', 'document'] });
    const badDebtor = startNegativation(requestInput({ debtor: { document: '111.111.111-11', name: 'X' } }));
    expect(badDebtor._unsafeUnwrapErr().code).toBe('guard_failed');
    expect(badDebtor._unsafeUnwrapErr().message).toContain('document');
    const wrongType = startNegativation(requestInput({ debtor: { document: 12345678909 } }));
    expect(wrongType._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['debtor', 'document'] });
  });

  it('a request with bad fields names them', () => {
    expect(startNegativation(requestInput({ origin: 'fax' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['origin'] });
    expect(startNegativation(requestInput({ title: { id: 'i', amount: '-1.00', dueDate: '2026-09-10' } }))._unsafeUnwrapErr().path).toEqual(['title', 'amount']);
    expect(startNegativation(requestInput({ settings: { noticeWaitingDays: -1 } }))._unsafeUnwrapErr().path).toEqual(['settings', 'noticeWaitingDays']);
    expect(startNegativation(undefined as never)._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('something that is not a negativation is not_a_negativation', () => {
    expect(transition({} as never, { type: 'retry', on: '2026-10-21', actor: 'x' })._unsafeUnwrapErr().code).toBe('not_a_negativation');
    const n = started();
    const tampered = { ...n, version: 5 };
    expect(transition(tampered, { type: 'analysis_approved', on: '2026-10-21', actor: 'x' })._unsafeUnwrapErr().code).toBe('not_a_negativation');
    expect(transition(n, { type: 'analysis_approved', on: '2026-10-21', actor: 'x' }, { calendar: {} as never })._unsafeUnwrapErr().path).toEqual(['calendar']);
    // Issue 12 defect 7: `payments: null` (or notices) used to pass the check and throw in the payment handler.
    const registered = run(started(), negativatedEvents).negativation;
    const payment = { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '400.00', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' } as const;
    expect(transition({ ...registered, payments: null } as never, payment)._unsafeUnwrapErr().code).toBe('not_a_negativation');
    expect(transition({ ...registered, notices: 'x' } as never, payment)._unsafeUnwrapErr().code).toBe('not_a_negativation');
  });

  it('parseNegativationEvent and checkNegativationGuards validate at their boundary', () => {
    expect(parseNegativationEvent({ type: 'retry', on: '2026-10-21', actor: 'x' })._unsafeUnwrap()).toEqual({ type: 'retry', on: '2026-10-21', actor: 'x' });
    // @ts-expect-error 'sometime' is not a stage (and the rest is missing): the types refuse it as the schema does
    expect(checkNegativationGuards({ stage: 'sometime' })._unsafeUnwrapErr().path).toEqual(['stage']);
  });
});

describe('checkNegativationGuards (pre-flight)', () => {
  it('reports every violation without changing anything', () => {
    const report = checkNegativationGuards({
      stage: 'submission',
      asOf: '2026-10-30',
      title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
      notices: [{ channel: 'letter', sentOn: '2026-10-21' }],
    })._unsafeUnwrap();
    expect(report.allowed).toBe(false);
    expect(report.violations.map((v) => v.guard)).toEqual(['prior_notice']);
    const later = checkNegativationGuards({ stage: 'submission', asOf: '2026-10-31', title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' }, notices: [{ channel: 'letter', sentOn: '2026-10-21' }] });
    expect(later._unsafeUnwrap()).toEqual({ stage: 'submission', allowed: true, violations: [] });
  });

  it('checks duplicates when debtor, creditor and bureau are given', () => {
    const existing = started();
    const report = checkNegativationGuards({
      stage: 'request',
      asOf: '2026-10-21',
      title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
      debtor: { document: '12345678909', name: 'M', address: { street: 'R', number: '1', city: 'C', state: 'sp', cep: '01001000' } },
      creditor,
      bureau: 'boa_vista',
      existing: [existing],
    })._unsafeUnwrap();
    expect(report.violations.map((v) => v.guard)).toEqual(['no_duplicate']);
    expect(transition(existing, { type: 'analysis_approved', on: '2026-10-21', actor: 'x' }, { calendar }).isOk()).toBe(true);
  });
});
