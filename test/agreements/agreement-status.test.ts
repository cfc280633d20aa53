import { describe, expect, it } from 'vitest';
import { agreementStatus, proposeAgreement } from '../../src/agreements/index.js';
import { seed004Proposal } from './support/fixtures.js';

// Installments 411.67 (10 Mar), 346.67 (10 Apr), 346.66 (10 May); tolerance date 30 Apr.
const agreement = proposeAgreement(seed004Proposal())._unsafeUnwrap();

describe('agreementStatus: the life of an agreement (DOMAIN.md §2.4, seed 004 panels)', () => {
  it('is active while installments are paid or not yet due; an unpaid one past its due date is late', () => {
    const status = agreementStatus(agreement, [{ installment: 1, amount: '411.67', date: '2026-03-09' }], '2026-04-12')._unsafeUnwrap();
    expect(status.status).toBe('active');
    expect(status.installments.map((i) => i.status)).toEqual(['paid', 'late', 'pending']);
    expect(status.installments[0]?.paidOn).toBe('2026-03-09');
    expect([status.paidTotal.cents, status.outstandingTotal.cents]).toEqual([41167, 69333]);
  });

  it('is broken when an installment is unpaid after the tolerance date, and stays broken', () => {
    const payments = [{ installment: 1, amount: '411.67', date: '2026-03-09' }];
    expect(agreementStatus(agreement, payments, '2026-04-30')._unsafeUnwrap().status).toBe('active');
    const broken = agreementStatus(agreement, payments, '2026-05-01')._unsafeUnwrap();
    expect([broken.status, broken.brokenOn]).toEqual(['broken', '2026-05-01']);
    const paidLate = [...payments, { installment: 2, amount: '346.67', date: '2026-05-02' }, { installment: 3, amount: '346.66', date: '2026-05-03' }];
    expect(agreementStatus(agreement, paidLate, '2026-06-01')._unsafeUnwrap().status).toBe('broken');
  });

  it('is fulfilled when every installment is paid in time; partial payments add up', () => {
    const payments = [
      { installment: 1, amount: '411.67', date: '2026-03-10' },
      { installment: 2, amount: '300.00', date: '2026-04-10' },
      { installment: 2, amount: '46.67', date: '2026-04-20' },
      { installment: 3, amount: '346.66', date: '2026-05-10' },
    ];
    const status = agreementStatus(agreement, payments, '2026-05-10')._unsafeUnwrap();
    expect(status.status).toBe('fulfilled');
    expect(status.installments[1]?.paidOn).toBe('2026-04-20');
    expect(agreementStatus(agreement, payments, '2026-04-15')._unsafeUnwrap().installments[1]?.status).toBe('late');
  });

  it('a later installment has until its own due date (the later of due date and tolerance date)', () => {
    const payments = [
      { installment: 1, amount: '411.67', date: '2026-03-10' },
      { installment: 2, amount: '346.67', date: '2026-04-10' },
    ];
    const status = agreementStatus(agreement, payments, '2026-05-10')._unsafeUnwrap();
    expect(status.status).toBe('active');
    expect(status.installments[2]?.deadline).toBe('2026-05-10');
    expect(agreementStatus(agreement, payments, '2026-05-11')._unsafeUnwrap().status).toBe('broken');
  });

  it('is cancelled from its cancellation day; payments after the as-of date are ignored', () => {
    expect(agreementStatus({ ...agreement, cancelledOn: '2026-03-05' }, [], '2026-03-05')._unsafeUnwrap().status).toBe('cancelled');
    expect(agreementStatus(agreement, [{ installment: 1, amount: '411.67', date: '2026-03-20' }], '2026-03-15')._unsafeUnwrap().installments[0]?.status).toBe('late');
  });

  it('refuses a payment to an unknown installment and a bad date', () => {
    expect(agreementStatus(agreement, [{ installment: 7, amount: '1.00', date: '2026-03-10' }], '2026-03-15')._unsafeUnwrapErr()).toMatchObject({ code: 'installment_not_found', path: ['payments', 0, 'installment'] });
    expect(agreementStatus(agreement, [], '15/03/2026')._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['asOf'] });
    expect(agreementStatus(agreement, [{ installment: 1, amount: '-1.00', date: '2026-03-10' }], '2026-03-15')._unsafeUnwrapErr()).toMatchObject({ path: ['payments', 0, 'amount'] });
  });
});
