import { describe, expect, it } from 'vitest';
import { cnab400Fixture } from '../bank-returns/build-fixtures.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
const terms = { acceptedBy: 'operator.ana', acceptedAt: '2026-11-20T10:00:00-03:00', version: 'termos-v1' };

/** Maria's R$ 300,00 invoice f-101 due 2026-10-01, in a keep_terms agreement tolerated until 2026-11-10. */
async function inAgreement() {
  const h = await harness({ settings: { general: { registerAutomatically: 'no' } }, ruler: { id: 'tardia', steps: [{ id: 'encaminhar-tarde', offsetDays: 365, action: { kind: 'forward_to_collections' } }] } }, '2026-11-03T10:00:00-03:00');
  await h.seed([maria], [invoiceOf('f-101', maria.id, '300.00', '2026-10-01'), invoiceOf('f-102', maria.id, '300.00', '2026-10-01')]);
  const promise = (await h.app.createAgreementCategory({ ...op('category'), name: 'Promessa de pagamento' }))._unsafeUnwrap();
  (await h.app.negotiate({ ...op('keep'), customerId: maria.id, proposal: { kind: 'keep_terms', selectedInvoiceIds: ['f-101'], toleranceDate: '2026-11-10', category: promise.id } }))._unsafeUnwrap();
  return h;
}

describe('seed 004: the internal SPC control', () => {
  it('an agreement invoice past its tolerance date goes to the control (no notice, no bureau), shows as registered, and the bank return flags it as a critique', async () => {
    const h = await inAgreement();
    h.clock.set('2026-11-12T10:00:00-03:00');
    (await h.app.addToSpcControl({ ...op('spc'), invoiceId: 'f-101', details: 'acordo não cumprido; registrar no SPC' }))._unsafeUnwrap();
    const day = await h.cycleOn('2026-11-12');
    expect(day.classification.panels.registered.invoiceIds).toEqual(['f-101']);
    expect(await h.store.transaction((tx) => tx.negativations.list())).toEqual([]);
    expect(h.notifier.calls).toEqual([]);
    expect(h.bureau.calls.register).toBe(0);

    h.clock.set('2026-11-25T09:00:00-03:00');
    const paidInFull = cnab400Fixture('237', [{ companyUse: 'f-101', documentNumber: 'NF101', ourNumber: '101', kind: 'settled', cents: 40_000, paidOn: '2026-11-23', creditOn: '2026-11-24' }]);
    expect((await h.app.importReturnFile({ file: paidInFull, actor: 'operator.ana' }))._unsafeUnwrap().payments).toEqual([expect.objectContaining({ invoiceId: 'f-101', settled: true })]);
    const flagged = await h.cycleOn('2026-11-25');
    expect(flagged.classification.panels.critiques.invoiceIds).toEqual(['f-101']);
    expect(flagged.reconciliation.spcControlCritiques).toEqual(['f-101']);
    expect((await h.app.pendingEffects(500))._unsafeUnwrap().filter((e) => e.payload['alert'] === 'spc_control_paid').map((e) => e.payload['invoiceId'])).toEqual(['f-101']);

    (await h.app.removeFromSpcControl({ ...op('spc-out'), invoiceId: 'f-101', details: 'pago; removido do SPC' }))._unsafeUnwrap();
    const after = await h.cycleOn('2026-11-26');
    expect(after.classification.panels.critiques.invoiceIds).toEqual([]);
    expect(after.classification.panels.removedAfterRegistration.invoiceIds).toEqual(['f-101']);
    expect(after.reconciliation.spcControlCritiques).toEqual([]);
    const history = (await h.app.invoiceHistory('f-101'))._unsafeUnwrap().map((e) => e.action);
    expect(history).toEqual(expect.arrayContaining(['spc_control_added', 'spc_control_removed']));
  });

  it('converted into a real registration through the usual guards: refused while the agreement is active, then requested with its notice', async () => {
    const h = await inAgreement();
    (await h.app.addToSpcControl({ ...op('spc'), invoiceId: 'f-101', details: 'controle interno' }))._unsafeUnwrap();
    const refused = await h.app.convertSpcControl({ ...op('convert-1'), invoiceId: 'f-101', termsAcceptance: terms });
    expect(refused._unsafeUnwrapErr()).toMatchObject({ code: 'guard_failed' });
    expect((refused._unsafeUnwrapErr().details?.['guards'] as string[])).toContain('not_in_agreement');
    expect((await h.store.transaction((tx) => tx.invoices.get('f-101')))?.spcControl?.removedOn).toBeUndefined();

    // the agreement breaks after its tolerance date; the debt may now be registered, with a prior notice
    await h.cycleOn('2026-11-20');
    const converted = (await h.app.convertSpcControl({ ...op('convert-2'), invoiceId: 'f-101', termsAcceptance: terms }))._unsafeUnwrap();
    expect(converted.status).toBe('in_analysis');
    expect((await h.store.transaction((tx) => tx.invoices.get('f-101')))?.spcControl).toMatchObject({ removedOn: '2026-11-20', convertedTo: converted.id });
    await h.cycleOn('2026-11-21');
    expect((await h.store.transaction((tx) => tx.negativations.get(converted.id)))?.status).toBe('processing');
  });

  it('only an agreement\'s unpaid invoice enters the control, once; bad input names the field', async () => {
    const h = await inAgreement();
    expect((await h.app.addToSpcControl({ ...op('a'), invoiceId: 'f-102', details: 'x' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_state', path: ['invoiceId'] });
    (await h.app.addToSpcControl({ ...op('b'), invoiceId: 'f-101', details: 'x' }))._unsafeUnwrap();
    expect((await h.app.addToSpcControl({ ...op('c'), invoiceId: 'f-101', details: 'y' }))._unsafeUnwrapErr().message).toContain('already in the SPC control');
    expect((await h.app.addToSpcControl({ ...op('d'), invoiceId: 'f-101', details: '' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['details'] });
    expect((await h.app.removeFromSpcControl({ ...op('e'), invoiceId: 'f-102', details: 'x' }))._unsafeUnwrapErr().code).toBe('invalid_state');
  });
});
