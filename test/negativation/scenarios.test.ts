import { describe, expect, it } from 'vitest';
import { startNegativation, transition, type GuardViolation } from '../../src/negativation/index.js';
import { approval, approvedAndNotified, calendar, debtor, expectRefusedUnchanged, negativatedEvents, requestInput, run, started } from './fixtures.js';

describe('worked scenarios (DOMAIN.md §3, seeds 000 and 004)', () => {
  it('a request starts in analysis, version 1, with the request in its history', () => {
    const n = started();
    expect(n.status).toBe('in_analysis');
    expect(n.version).toBe(1);
    expect(n.history).toEqual([{ version: 1, from: null, to: 'in_analysis', event: { type: 'request', on: '2026-10-20', actor: 'op-ana' } }]);
    expect(n.expiresOn).toBe('2031-09-11');
    expect(n.submissionCutoffOn).toBe('2031-08-11');
  });

  it('approval sends the notice, issues the updated invoice and shows the portal banner (seed 000)', () => {
    const { negativation, effects } = run(started(), approvedAndNotified.slice(0, 1));
    expect(negativation.status).toBe('processing');
    expect(effects.map((e) => e.type)).toEqual(['send_notice', 'issue_updated_invoice', 'show_portal_banner']);
    expect(effects[0]).toEqual({ type: 'send_notice', negativationId: 'neg-1', channel: 'letter' });
  });

  it('submission on day 9 after the notice is refused, on day 10 accepted (CDC art. 43 §2)', () => {
    const { negativation } = run(started(), approvedAndNotified);
    const day9 = expectRefusedUnchanged(negativation, { type: 'submitted', on: '2026-10-30', actor: 'system' }, 'guard_failed');
    const violations = day9._unsafeUnwrapErr().details?.['violations'] as GuardViolation[];
    expect(violations.map((v) => v.guard)).toEqual(['prior_notice']);
    expect(violations[0]?.details).toMatchObject({ allowedFrom: '2026-10-31', daysElapsed: 9, waitingDays: 10 });

    const day10 = transition(negativation, { type: 'submitted', on: '2026-10-31', actor: 'system' }, { calendar });
    expect(day10._unsafeUnwrap().negativation.status).toBe('awaiting_return');
    expect(day10._unsafeUnwrap().negativation.submittedOn).toBe('2026-10-31');
  });

  it('an e-mail alone does not count as the notice by default; a letter does', () => {
    const { negativation } = run(started(), [approval, { type: 'notice_sent', on: '2026-10-21', actor: 'system', channel: 'email' }]);
    const refused = expectRefusedUnchanged(negativation, { type: 'submitted', on: '2026-11-10', actor: 'system' }, 'guard_failed');
    expect(refused._unsafeUnwrapErr().message).toContain('no prior notice by letter');
    const emailOk = started({ settings: { qualifyingNoticeChannels: ['letter', 'email'] } });
    const { negativation: viaEmail } = run(emailOk, [approval, { type: 'notice_sent', on: '2026-10-21', actor: 'system', channel: 'email' }]);
    expect(transition(viaEmail, { type: 'submitted', on: '2026-10-31', actor: 'system' }, { calendar }).isOk()).toBe(true);
  });

  it('notice period elapsed asks the host to submit, only once the wait is over', () => {
    const { negativation } = run(started(), approvedAndNotified);
    expectRefusedUnchanged(negativation, { type: 'notice_period_elapsed', on: '2026-10-29', actor: 'system' }, 'guard_failed');
    const { effects } = run(negativation, [{ type: 'notice_period_elapsed', on: '2026-10-31', actor: 'system' }]);
    expect(effects).toEqual([{ type: 'submit_to_bureau', negativationId: 'neg-1', bureau: 'boa_vista' }]);
  });

  it('payment during the notice period cancels the request (seed 000)', () => {
    const { negativation, effects } = run(started(), [
      ...approvedAndNotified,
      { type: 'payment_received', on: '2026-10-25', actor: 'bank', kind: 'full', amount: '380.00', paidOn: '2026-10-24', fundsAvailableOn: '2026-10-26' },
    ]);
    expect(negativation.status).toBe('cancelled');
    expect(effects.at(-1)).toEqual({ type: 'hide_portal_banner', negativationId: 'neg-1', titleId: 'inv-1' });
    expectRefusedUnchanged(negativation, { type: 'submitted', on: '2026-11-02', actor: 'system' }, 'illegal_transition');
  });

  it('negativated, then paid → recovering → recovered; removal due Fri 2026-11-27 over the 20 Nov holiday (STJ Súmula 548)', () => {
    const { negativation: registered } = run(started(), negativatedEvents);
    expect(registered.status).toBe('negativated');
    expect(registered.registeredOn).toBe('2026-11-03');

    const paid = run(registered, [{ type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '390.10', paidOn: '2026-11-18', fundsAvailableOn: '2026-11-19' }]);
    expect(paid.negativation.status).toBe('recovering');
    expect(paid.negativation.settlement).toEqual({ kind: 'paid', paidOn: '2026-11-18', fundsAvailableOn: '2026-11-19', removalDeadline: '2026-11-27' });
    expect(paid.negativation.removal).toEqual({ reason: 'paid', requestedOn: '2026-11-19', deadline: '2026-11-27' });
    expect(paid.effects).toEqual([
      { type: 'request_removal', negativationId: 'neg-1', bureau: 'boa_vista', reason: 'paid', deadline: '2026-11-27', alarmOn: '2026-11-25' },
      { type: 'hide_portal_banner', negativationId: 'neg-1', titleId: 'inv-1' },
    ]);

    const removed = run(paid.negativation, [{ type: 'bureau_removed', on: '2026-11-23', actor: 'boa_vista' }]);
    expect(removed.negativation.status).toBe('recovered');
    expect(removed.negativation.removal?.confirmedOn).toBe('2026-11-23');
    expect(removed.negativation.history.map((h) => h.to)).toEqual(['in_analysis', 'processing', 'processing', 'awaiting_return', 'negativated', 'recovering', 'recovered']);
  });

  it('with manual removal (seed 002 "Remover automaticamente": Não) payment alerts an operator with the deadline', () => {
    const { negativation } = run(started({ settings: { removeAutomatically: false } }), negativatedEvents);
    const paid = run(negativation, [{ type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '390.10', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }]);
    expect(paid.negativation.status).toBe('negativated');
    expect(paid.effects).toMatchObject([{ type: 'alert_operator', alert: 'remove_manually', deadline: '2026-11-27' }]);
    const removal = run(paid.negativation, [{ type: 'removal_requested', on: '2026-11-20', actor: 'op-ana' }]);
    expect(removal.negativation.status).toBe('recovering');
    expect(removal.effects[0]).toMatchObject({ type: 'request_removal', deadline: '2026-11-27' });
  });

  it('removal of a debt paid outside the system (seed 000) needs the payment; without it, cancel', () => {
    const { negativation } = run(started(), negativatedEvents);
    const refused = expectRefusedUnchanged(negativation, { type: 'removal_requested', on: '2026-11-20', actor: 'op-ana' }, 'removal_not_allowed');
    expect(refused._unsafeUnwrapErr().path).toEqual(['paidOutside']);
    const { negativation: removing } = run(negativation, [{ type: 'removal_requested', on: '2026-11-20', actor: 'op-ana', paidOutside: { paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' } }]);
    expect(removing.status).toBe('recovering');
    expect(removing.removal?.deadline).toBe('2026-11-27');
  });

  it('a debt due in 2021 is refused in late 2026 (CDC art. 43 §1, Súmula 323; Serasa 4y11m cutoff)', () => {
    const old = startNegativation(requestInput({ title: { id: 'inv-2021', amount: '120.00', dueDate: '2021-06-10' }, on: '2026-11-24' }));
    const guards = (old._unsafeUnwrapErr().details?.['guards'] as string[]) ?? [];
    expect(old._unsafeUnwrapErr().code).toBe('guard_failed');
    expect(guards).toEqual(['age_limit', 'prescription']);

    // due 2021-12-20: age limit 2026-12-21 not reached, but the cutoff (2026-11-21) has passed
    const cutoff = startNegativation(requestInput({ title: { id: 'inv-dec', amount: '120.00', dueDate: '2021-12-20' }, on: '2026-11-24' }));
    const violation = (cutoff._unsafeUnwrapErr().details?.['violations'] as GuardViolation[])[0];
    expect(violation).toMatchObject({ guard: 'age_limit', details: { submissionCutoffOn: '2026-11-21', ageLimitOn: '2026-12-21' } });

    // due 2021-12-30: cutoff 2026-11-30, still allowed on 2026-11-24
    expect(startNegativation(requestInput({ title: { id: 'inv-late-dec', amount: '120.00', dueDate: '2021-12-30' }, on: '2026-11-24' })).isOk()).toBe(true);
  });

  it('a shorter prescription (rent: 3 years, CC art. 206 §3 I) refuses earlier', () => {
    const rent = startNegativation(requestInput({ title: { id: 'rent', amount: '1500.00', dueDate: '2023-06-10' }, on: '2026-11-24', settings: { prescriptionYears: 3 } }));
    expect(rent._unsafeUnwrapErr().details?.['guards']).toEqual(['prescription']);
  });

  it('missing CEP (and other data) is listed, field by field (seed 000)', () => {
    const result = startNegativation(requestInput({ debtor: { ...debtor, address: { ...debtor.address, cep: '' } } }));
    const [violation] = result._unsafeUnwrapErr().details?.['violations'] as GuardViolation[];
    expect(violation?.guard).toBe('debtor_data');
    expect(violation?.details?.['missing']).toEqual(['address.cep']);

    const bare = startNegativation(requestInput({ debtor: { document: '123.456.789-00' }, settings: { requireBirthDateForPersons: true } }));
    const [all] = bare._unsafeUnwrapErr().details?.['violations'] as GuardViolation[];
    expect(all?.details?.['missing']).toEqual(['document', 'name', 'address.street', 'address.number', 'address.city', 'address.state', 'address.cep']);
    expect(all?.details?.['problems']).toContainEqual(expect.objectContaining({ field: 'document', problem: 'invalid' }));
  });

  it('the birth date is asked for individuals only when the bureau asks', () => {
    const asks = startNegativation(requestInput({ settings: { requireBirthDateForPersons: true } }));
    expect((asks._unsafeUnwrapErr().details?.['violations'] as GuardViolation[])[0]?.details?.['missing']).toEqual(['birthDate']);
    expect(startNegativation(requestInput({ settings: { requireBirthDateForPersons: true }, debtor: { ...debtor, birthDate: '1980-02-29' } })).isOk()).toBe(true);
    const company = { ...debtor, document: '12.ABC.345/01DE-35' };
    expect(startNegativation(requestInput({ settings: { requireBirthDateForPersons: true }, debtor: company })).isOk()).toBe(true);
  });

  it('refuses a duplicate (same debtor, creditor, title, bureau) but not another bureau, nor after a cancellation', () => {
    const first = started();
    const dup = startNegativation(requestInput({ id: 'neg-2', existing: [first] }));
    expect(dup._unsafeUnwrapErr().details?.['guards']).toEqual(['no_duplicate']);
    expect(startNegativation(requestInput({ id: 'neg-2', bureau: 'serasa', existing: [first] })).isOk()).toBe(true);
    const { negativation: cancelled } = run(first, [{ type: 'cancel_requested', on: '2026-10-21', actor: 'op-ana', reason: 'typo' }]);
    expect(startNegativation(requestInput({ id: 'neg-2', existing: [cancelled] })).isOk()).toBe(true);
  });

  it('refuses below the minimum amount or days overdue, paid, in an agreement or disputed (seed 003)', () => {
    const refusedBy = (overrides: Record<string, unknown>) => startNegativation(requestInput(overrides))._unsafeUnwrapErr().details?.['guards'];
    expect(refusedBy({ settings: { minimumAmount: '500.00' } })).toEqual(['minimum_amount']);
    expect(refusedBy({ on: '2026-10-09' })).toEqual(['minimum_days_overdue']);
    expect(refusedBy({ title: { id: 'i', amount: '10.00', dueDate: '2026-09-10', paid: true } })).toEqual(['not_paid']);
    expect(refusedBy({ title: { id: 'i', amount: '10.00', dueDate: '2026-09-10', inActiveAgreement: true } })).toEqual(['not_in_agreement']);
    expect(refusedBy({ title: { id: 'i', amount: '10.00', dueDate: '2026-09-10', disputed: true } })).toEqual(['not_disputed']);
    expect(startNegativation(requestInput({ on: '2026-10-10' })).isOk()).toBe(true);
  });

  it('an agreement cancels a pending request and, with the setting, its first installment allows removal', () => {
    const pending = run(started(), [...approvedAndNotified, { type: 'agreement_made', on: '2026-10-22', actor: 'op-ana', agreementId: 'ag-1' }]);
    expect(pending.negativation.status).toBe('cancelled');

    const registered = run(started({ settings: { removeAfterFirstAgreementInstallment: true } }), [
      ...negativatedEvents,
      { type: 'agreement_made', on: '2026-11-05', actor: 'op-ana', agreementId: 'ag-1' },
    ]).negativation;
    expect(registered.status).toBe('negativated');
    const first = run(registered, [
      { type: 'payment_received', on: '2026-11-10', actor: 'bank', kind: 'agreement_installment', installmentNumber: 1, amount: '100.00', paidOn: '2026-11-10', fundsAvailableOn: '2026-11-10' },
    ]);
    expect(first.negativation.status).toBe('recovering');
    expect(first.effects[0]).toMatchObject({ type: 'request_removal', reason: 'agreement_installment', deadline: '2026-11-17' });

    const withoutSetting = run(started(), [...negativatedEvents, { type: 'agreement_made', on: '2026-11-05', actor: 'op-ana', agreementId: 'ag-1' }]).negativation;
    const stays = run(withoutSetting, [
      { type: 'payment_received', on: '2026-11-10', actor: 'bank', kind: 'agreement_installment', installmentNumber: 1, amount: '100.00', paidOn: '2026-11-10', fundsAvailableOn: '2026-11-10' },
    ]);
    expect(stays.negativation.status).toBe('negativated');
  });

  it('a partial payment keeps the registration and issues an updated invoice for the rest', () => {
    const { negativation } = run(started(), negativatedEvents);
    const partial = run(negativation, [{ type: 'payment_received', on: '2026-11-10', actor: 'bank', kind: 'partial', amount: '73.52', paidOn: '2026-11-10', fundsAvailableOn: '2026-11-11' }]);
    expect(partial.negativation.status).toBe('negativated');
    expect(partial.negativation.outstanding.cents).toBe(30000);
    expect(partial.effects).toEqual([{ type: 'issue_updated_invoice', negativationId: 'neg-1', titleId: 'inv-1', outstanding: { cents: 30000 } }]);
    const rest = run(partial.negativation, [{ type: 'payment_received', on: '2026-11-12', actor: 'bank', kind: 'partial', amount: '300.00', paidOn: '2026-11-12', fundsAvailableOn: '2026-11-12' }]);
    expect(rest.negativation.status).toBe('recovering');
  });

  it('bureau rejection fails with an operator alert; retry resubmits with the guards checked again', () => {
    const { negativation } = run(started(), negativatedEvents.slice(0, 3));
    const rejected = run(negativation, [{ type: 'bureau_rejected', on: '2026-11-02', actor: 'boa_vista', reason: 'CEP not found' }]);
    expect(rejected.negativation.status).toBe('failed');
    expect(rejected.effects[0]).toMatchObject({ type: 'alert_operator', alert: 'bureau_rejected' });
    const retried = run(rejected.negativation, [{ type: 'retry', on: '2026-11-04', actor: 'op-ana' }]);
    expect(retried.negativation.status).toBe('awaiting_return');
    expect(retried.negativation.failure).toBeUndefined();
    expect(retried.effects).toEqual([{ type: 'submit_to_bureau', negativationId: 'neg-1', bureau: 'boa_vista' }]);
  });

  it('cancelling a registration asks the bureau; confirmation ends it', () => {
    const { negativation } = run(started(), negativatedEvents);
    const cancelling = run(negativation, [{ type: 'cancel_requested', on: '2026-11-05', actor: 'op-ana', reason: 'sent in error' }]);
    expect(cancelling.negativation.status).toBe('cancelling');
    expect(cancelling.effects[0]).toMatchObject({ type: 'request_removal', reason: 'cancelled' });
    expect(run(cancelling.negativation, [{ type: 'cancel_confirmed', on: '2026-11-06', actor: 'boa_vista' }]).negativation.status).toBe('cancelled');
  });

  it('the negativation is plain data: it survives JSON and carries on', () => {
    const { negativation } = run(started(), negativatedEvents);
    const stored = JSON.parse(JSON.stringify(negativation)) as typeof negativation;
    expect(stored).toEqual(negativation);
    const paid = run(stored, [{ type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '390.10', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }]);
    expect(paid.negativation.status).toBe('recovering');
  });
});

describe('late manual removal', () => {
  it('a removal requested after the deadline still goes out, with an operator alert on record', () => {
    const { negativation } = run(started({ settings: { removeAutomatically: false } }), negativatedEvents);
    const paid = run(negativation, [{ type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '390.10', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }]).negativation;
    const late = run(paid, [{ type: 'removal_requested', on: '2026-11-30', actor: 'op-ana' }]);
    expect(late.negativation.status).toBe('recovering');
    expect(late.effects.map((e) => e.type)).toEqual(['request_removal', 'hide_portal_banner', 'alert_operator']);
    expect(late.effects[2]).toMatchObject({ alert: 'removal_deadline_passed', deadline: '2026-11-27' });
  });
});

describe('installments, failures and the bureau acting by itself', () => {
  it('full payment after an installment-based removal records the legal settlement', () => {
    const registered = run(started({ settings: { removeAfterFirstAgreementInstallment: true } }), [
      ...negativatedEvents,
      { type: 'agreement_made', on: '2026-11-05', actor: 'op-ana', agreementId: 'ag-1' },
      { type: 'payment_received', on: '2026-11-10', actor: 'bank', kind: 'agreement_installment', installmentNumber: 1, amount: '100.00', paidOn: '2026-11-10', fundsAvailableOn: '2026-11-10' },
    ]).negativation;
    expect(registered.settlement?.kind).toBe('agreement_installment');
    const settled = run(registered, [{ type: 'payment_received', on: '2026-12-10', actor: 'bank', kind: 'full', amount: '300.00', paidOn: '2026-12-10', fundsAvailableOn: '2026-12-10' }]);
    expect(settled.negativation.status).toBe('recovering');
    expect(settled.negativation.settlement).toMatchObject({ kind: 'paid', removalDeadline: '2026-12-17' });
    expect(settled.negativation.removal?.requestedOn).toBe('2026-11-10');
    expect(settled.effects).toEqual([]);
  });

  it('a removal that failed can still be confirmed by the bureau', () => {
    const recovering = run(started(), [
      ...negativatedEvents,
      { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '390.10', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' },
      { type: 'failure', on: '2026-11-20', actor: 'system', reason: 'bureau API down' },
    ]).negativation;
    expect(recovering.status).toBe('failed');
    const removed = run(recovering, [{ type: 'bureau_removed', on: '2026-11-23', actor: 'boa_vista' }]).negativation;
    expect(removed.status).toBe('recovered');
    expect(removed.failure).toBeUndefined();
  });

  it('the bureau removing a registration by itself at the age limit ends it as cancelled', () => {
    const n = run(started(), negativatedEvents).negativation;
    const expired = run(n, [{ type: 'bureau_removed', on: '2031-09-11', actor: 'boa_vista' }]).negativation;
    expect(expired.status).toBe('cancelled');
    expect(expired.removal).toEqual({ reason: 'age_limit', requestedOn: '2031-09-11', confirmedOn: '2031-09-11' });
  });
});
