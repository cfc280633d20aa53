import { describe, expect, it } from 'vitest';
import { reconcile, type Negativation, type ReconcileInvoiceInput } from '../../src/negativation/index.js';
import { calendar, negativatedEvents, run, started } from './fixtures.js';

function registered(id: string, titleId: string, settings: Record<string, unknown> = {}): Negativation {
  return run(started({ id, title: { id: titleId, amount: '373.52', dueDate: '2026-09-10' }, settings }), negativatedEvents).negativation;
}

const invoice = (id: string, extra: Partial<ReconcileInvoiceInput> = {}): ReconcileInvoiceInput => ({ id, status: 'open', dueDate: '2026-09-10', amount: '373.52', ...extra });

describe('reconcile (seed 004 panels; STJ Súmula 548; CDC art. 43 §1)', () => {
  it('lists registrations whose invoices are paid ("críticas de SPC") with their removal deadline', () => {
    const n = registered('neg-a', 'inv-a');
    const report = reconcile([n], [invoice('inv-a', { status: 'paid', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' })], '2026-11-20', { calendar })._unsafeUnwrap();
    expect(report.critiques).toEqual([
      { negativationId: 'neg-a', titleId: 'inv-a', status: 'negativated', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19', removalDeadline: '2026-11-27', deadline: 'ok' },
    ]);
    expect(report.removalsNearDeadline).toEqual([]);
  });

  it('flags removals near (alarm window) and past their deadline, with operator alerts', () => {
    const n = registered('neg-a', 'inv-a');
    const paid = [invoice('inv-a', { status: 'paid', paidOn: '2026-11-19' })];
    expect(reconcile([n], paid, '2026-11-24', { calendar })._unsafeUnwrap().removalsNearDeadline).toEqual([]);
    const near = reconcile([n], paid, '2026-11-25', { calendar })._unsafeUnwrap();
    expect(near.removalsNearDeadline.map((c) => c.negativationId)).toEqual(['neg-a']);
    expect(near.effects).toMatchObject([{ type: 'alert_operator', alert: 'removal_deadline_near', deadline: '2026-11-27' }]);
    expect(reconcile([n], paid, '2026-11-27', { calendar })._unsafeUnwrap().removalsNearDeadline).toHaveLength(1);
    const past = reconcile([n], paid, '2026-11-30', { calendar })._unsafeUnwrap();
    expect(past.removalsPastDeadline.map((c) => c.deadline)).toEqual(['overdue']);
    expect(past.effects[0]).toMatchObject({ alert: 'removal_deadline_passed' });
  });

  it('a removal already requested stays a critique, its deadline watched until the bureau confirms (issue 12, defect 3)', () => {
    const n = registered('neg-a', 'inv-a');
    const { negativation: recovering } = run(n, [{ type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '400.00', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }]);
    const inTime = reconcile([recovering], [invoice('inv-a')], '2026-11-20', { calendar })._unsafeUnwrap();
    expect(inTime.critiques).toMatchObject([{ removalRequestedOn: '2026-11-19', deadline: 'ok' }]);
    expect(inTime.effects).toEqual([]);
    // The request never reached the bureau (every retry failed): the deadline passes, and it is said.
    const report = reconcile([recovering], [invoice('inv-a')], '2026-12-15', { calendar })._unsafeUnwrap();
    expect(report.critiques).toMatchObject([{ removalRequestedOn: '2026-11-19', deadline: 'overdue' }]);
    expect(report.removalsPastDeadline).toHaveLength(1);
    expect(report.effects).toMatchObject([{ type: 'alert_operator', alert: 'removal_deadline_passed', message: expect.stringContaining('not confirmed by the bureau') }]);
    const { negativation: recovered } = run(recovering, [{ type: 'bureau_removed', on: '2026-11-21', actor: 'boa_vista' }]);
    expect(reconcile([recovered], [], '2026-12-15', { calendar })._unsafeUnwrap().critiques).toEqual([]);
  });

  it('lists registrations past or near their age limit', () => {
    const n = registered('neg-a', 'inv-a');
    expect(n.expiresOn).toBe('2031-09-11');
    const near = reconcile([n], [invoice('inv-a')], '2031-08-20', { calendar })._unsafeUnwrap();
    expect(near.nearAgeLimit).toEqual([{ negativationId: 'neg-a', titleId: 'inv-a', expiresOn: '2031-09-11', daysLeft: 22 }]);
    const past = reconcile([n], [invoice('inv-a')], '2031-09-11', { calendar })._unsafeUnwrap();
    expect(past.pastAgeLimit).toMatchObject([{ negativationId: 'neg-a', daysLeft: 0 }]);
    expect(past.effects).toMatchObject([{ alert: 'age_limit' }]);
  });

  it('lists submissions stuck awaiting the bureau and invoices paid while the request is pending', () => {
    const waiting = run(started({ id: 'neg-w' }), negativatedEvents.slice(0, 3)).negativation;
    const pending = started({ id: 'neg-p', title: { id: 'inv-p', amount: '50.00', dueDate: '2026-09-10' } });
    const report = reconcile([waiting, pending], [invoice('inv-p', { status: 'paid', paidOn: '2026-11-01' })], '2026-11-06', { calendar })._unsafeUnwrap();
    expect(report.stuckSubmissions).toEqual([{ negativationId: 'neg-w', submittedOn: '2026-10-31', daysWaiting: 6 }]);
    expect(report.paidWhilePending).toEqual([{ negativationId: 'neg-p', titleId: 'inv-p', status: 'in_analysis', paidOn: '2026-11-01' }]);
    expect(reconcile([waiting], [], '2026-11-05', { calendar })._unsafeUnwrap().stuckSubmissions).toEqual([]);
  });

  it('bad input is typed, with the path of the invoice field', () => {
    expect(reconcile([], [invoice('x', { status: 'paid' })], '2026-11-06')._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 0, 'paidOn'] });
    expect(reconcile([], [], '06/11/2026')._unsafeUnwrapErr().path).toEqual(['asOf']);
    expect(reconcile([null as never], [], '2026-11-06')._unsafeUnwrapErr()).toMatchObject({ code: 'not_a_negativation', path: ['negativations', 0] });
  });

  it('asks the same structural check as transition: a history that does not match the version is not a negativation (regression: reconcile took it)', () => {
    const n = registered('neg-a', 'inv-a');
    const tampered = { ...n, history: n.history.slice(1) } as Negativation;
    expect(reconcile([tampered], [], '2026-11-06', { calendar })._unsafeUnwrapErr()).toMatchObject({ code: 'not_a_negativation', path: ['negativations', 0] });
    expect(reconcile([n], [], '2026-11-06', { calendar }).isOk()).toBe(true);
  });
});
