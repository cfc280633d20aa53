import { describe, expect, it } from 'vitest';
import {
  letterOfConsentDeadline,
  paperNoticeDueOn,
  registrationDeadline,
  startProtest,
  transitionProtest,
  DEFAULT_PROTEST_SETTINGS,
} from '../../src/protest/index.js';
import { calendar, electronicNotice, paperNotice, play, protestRequest, protocolled, registeredOn, requested } from './fixtures.js';

describe('protest deadlines (Lei 9.492/1997)', () => {
  it('art. 12: three business days after the protocol, the protocol day excluded; Consciência Negra skipped', () => {
    expect(registrationDeadline('2026-11-19' as never, DEFAULT_PROTEST_SETTINGS, calendar)).toBe('2026-11-25');
    expect(registrationDeadline('2026-11-16' as never, DEFAULT_PROTEST_SETTINGS, calendar)).toBe('2026-11-19');
  });

  it('art. 14: an electronic notice unconfirmed for three business days calls for a paper one', () => {
    expect(paperNoticeDueOn('2026-11-19' as never, DEFAULT_PROTEST_SETTINGS, calendar)).toBe('2026-11-25');
  });

  it('the letter of consent is due five business days after the funds are available (policy)', () => {
    expect(letterOfConsentDeadline('2026-12-02' as never, DEFAULT_PROTEST_SETTINGS, calendar)).toBe('2026-12-09');
  });
});

describe('the request and its guards', () => {
  it('starts requested with the title sent to the notary', () => {
    const result = startProtest(protestRequest())._unsafeUnwrap();
    expect(result.protest).toMatchObject({ status: 'requested', version: 1, title: { id: 'inv-1', kind: 'DS', amount: { cents: 37352 } } });
    expect(result.effects).toEqual([{ type: 'submit_to_notary', protestId: 'pro-1', notary: '1º Tabelionato de Protesto de Curitiba' }]);
  });

  it('refuses a title not yet overdue, paid, in an agreement, disputed or prescribed, listing every guard', () => {
    const refused = startProtest(protestRequest({ on: '2026-10-01', title: { id: 'inv-1', amount: '373.52', dueDate: '2026-10-01', paid: true, inActiveAgreement: true, disputed: true } }));
    expect(refused._unsafeUnwrapErr().details?.['guards']).toEqual(['overdue', 'not_paid', 'not_in_agreement', 'not_disputed']);
    const old = startProtest(protestRequest({ title: { id: 'inv-1', amount: '373.52', dueDate: '2021-11-10' } }));
    expect(old._unsafeUnwrapErr().details?.['guards']).toEqual(['not_prescribed']);
  });

  it('counts days overdue as daysOverdue does: a title due on a holiday is not overdue before its payable day has passed (regression: raw days from the due date)', () => {
    // Due Friday 2026-11-20 (Consciência Negra, a holiday): payable Monday 23, overdue from Tuesday 24.
    const dueOnHoliday = (on: string) => startProtest(protestRequest({ on, title: { id: 'inv-1', amount: '373.52', dueDate: '2026-11-20' } }), { calendar });
    for (const on of ['2026-11-21', '2026-11-22', '2026-11-23']) {
      expect(dueOnHoliday(on)._unsafeUnwrapErr().details, on).toMatchObject({ guards: ['overdue'], violations: [{ guard: 'overdue', details: { daysOverdue: 0 } }] });
    }
    expect(dueOnHoliday('2026-11-24').isOk()).toBe(true);
    // On a business due date the first overdue day is the next one, as before.
    expect(startProtest(protestRequest({ on: '2026-10-02', title: { id: 'inv-1', amount: '373.52', dueDate: '2026-10-01' } })).isOk()).toBe(true);
    expect(startProtest(protestRequest({ on: '2026-10-01', title: { id: 'inv-1', amount: '373.52', dueDate: '2026-10-01' } })).isErr()).toBe(true);
  });

  it('a calendar that is not one is bad input', () => {
    expect(startProtest(protestRequest(), { calendar: {} as never })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['calendar'] });
  });

  it('refuses a second live protest of the same title; a withdrawn one no longer counts', () => {
    const first = requested();
    expect(startProtest(protestRequest({ id: 'pro-2', existing: [first] }))._unsafeUnwrapErr().details?.['guards']).toEqual(['no_duplicate']);
    const withdrawn = play(first, [{ type: 'withdrawal_requested', on: '2026-11-17', actor: 'op-ana', reason: 'agreement' }, { type: 'withdrawal_confirmed', on: '2026-11-18', actor: 'cartorio' }]).protest;
    expect(startProtest(protestRequest({ id: 'pro-2', existing: [withdrawn] })).isOk()).toBe(true);
  });

  it('a debtor without a full address is bad input naming the field (the notary needs it)', () => {
    const error = startProtest(protestRequest({ debtor: { document: '123.456.789-09', name: 'Maria', address: { street: 'Rua A', number: '1', city: 'Curitiba', state: 'PR', cep: '800' } } }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'invalid_input', path: ['debtor', 'address', 'cep'] });
  });
});

describe('worked scenarios', () => {
  it('protested after a paper notice, paid, letter of consent to the debtor, cancelled by the debtor (STJ Tema 725)', () => {
    const start = requested();
    const { protest: notified } = play(start, [protocolled, electronicNotice]);
    expect(notified).toMatchObject({ status: 'notified', registerBy: '2026-11-25', protocol: { number: 'PROT-2026-0001', on: '2026-11-19' } });
    // the electronic notice was never confirmed: no protest on it
    const early = transitionProtest(notified, registeredOn('2026-11-24'), { calendar });
    expect(early._unsafeUnwrapErr()).toMatchObject({ code: 'guard_failed', details: { guards: ['debtor_notified'] } });
    const { protest, effects } = play(notified, [
      paperNotice,
      registeredOn('2026-11-25'),
      { type: 'payment_received', on: '2026-12-01', actor: 'bank-return', amount: '373.52', paidOn: '2026-12-01', fundsAvailableOn: '2026-12-02' },
      { type: 'letter_of_consent_issued', on: '2026-12-03', actor: 'op-ana' },
      { type: 'cancellation_confirmed', on: '2026-12-10', actor: 'cartorio' },
    ]);
    expect(protest).toMatchObject({ status: 'cancelled', protestedOn: '2026-11-25', letterOfConsent: { dueBy: '2026-12-09', issuedOn: '2026-12-03', deliveredTo: 'debtor' }, cancellation: { by: 'debtor', confirmedOn: '2026-12-10' } });
    expect(effects).toEqual([{ type: 'issue_letter_of_consent', protestId: 'pro-1', deliverTo: 'debtor', dueBy: '2026-12-09' }]);
    expect(protest.history.map((h) => h.to)).toEqual(['requested', 'protocolled', 'notified', 'notified', 'protested', 'paid', 'awaiting_cancellation', 'cancelled']);
  });

  it('when the creditor agreed to cancel, it presents the letter to the notary itself', () => {
    const { protest, effects } = play(requested({ settings: { creditorCancels: true } }), [
      protocolled,
      electronicNotice,
      { type: 'notice_confirmed', on: '2026-11-20', actor: 'cartorio', channel: 'electronic' },
      registeredOn('2026-11-25'),
      { type: 'payment_received', on: '2026-12-01', actor: 'bank-return', amount: '373.52', paidOn: '2026-12-01', fundsAvailableOn: '2026-12-02' },
      { type: 'letter_of_consent_issued', on: '2026-12-10', actor: 'op-ana' },
      { type: 'cancellation_requested', on: '2026-12-10', actor: 'op-ana' },
    ]);
    expect(protest).toMatchObject({ status: 'awaiting_cancellation', cancellation: { by: 'creditor', requestedOn: '2026-12-10' } });
    expect(effects.map((e) => e.type)).toEqual(['issue_letter_of_consent', 'request_cancellation', 'alert_operator']);
    expect(effects.at(-1)).toMatchObject({ alert: 'letter_of_consent_due', deadline: '2026-12-09' });
  });

  it('paid at the notary within the window: never protested', () => {
    const { protest } = play(requested(), [protocolled, electronicNotice, { type: 'notice_confirmed', on: '2026-11-20', actor: 'cartorio', channel: 'electronic' }, { type: 'paid_at_notary', on: '2026-11-23', actor: 'cartorio', amount: '373.52', paidOn: '2026-11-23', fundsAvailableOn: '2026-11-24' }]);
    expect(protest).toMatchObject({ status: 'paid_at_notary', payment: { where: 'notary' } });
    expect(transitionProtest(protest, registeredOn('2026-11-25'), { calendar })._unsafeUnwrapErr().code).toBe('illegal_transition');
  });

  it('paid to the creditor before the protest: the title is withdrawn (art. 16)', () => {
    const { protest, effects } = play(requested(), [protocolled, { type: 'payment_received', on: '2026-11-20', actor: 'bank-return', amount: '373.52', paidOn: '2026-11-20', fundsAvailableOn: '2026-11-23' }, { type: 'withdrawal_confirmed', on: '2026-11-23', actor: 'cartorio' }]);
    expect(protest).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'paid to the creditor', confirmedOn: '2026-11-23' } });
    expect(effects).toEqual([{ type: 'request_withdrawal', protestId: 'pro-1', notary: '1º Tabelionato de Protesto de Curitiba' }]);
  });

  it('a protest registered after the art. 12 deadline is recorded with an operator alert', () => {
    const { effects } = play(requested(), [protocolled, paperNotice, registeredOn('2026-11-26')]);
    expect(effects).toEqual([expect.objectContaining({ type: 'alert_operator', alert: 'registration_overdue', deadline: '2026-11-25' })]);
  });

  it('events out of order, unknown or illegal change nothing', () => {
    const start = requested();
    expect(transitionProtest(start, { ...protocolled, on: '2026-11-10' }, { calendar })._unsafeUnwrapErr().code).toBe('event_out_of_order');
    // @ts-expect-error 'bogus' is no event type: the types refuse it as the schema does
    expect(transitionProtest(start, { type: 'bogus', on: '2026-11-20', actor: 'x' }, { calendar })._unsafeUnwrapErr().code).toBe('invalid_input');
    expect(transitionProtest(start, registeredOn('2026-11-20'), { calendar })._unsafeUnwrapErr()).toMatchObject({ code: 'illegal_transition', details: { allowed: ['protocolled', 'payment_received', 'withdrawal_requested', 'returned'] } });
    expect(transitionProtest({ ...start, version: 3 }, protocolled, { calendar })._unsafeUnwrapErr().code).toBe('invalid_protest');
  });
});
