import { describe, expect, it } from 'vitest';
import { cnab240Fixture, cnab400Fixture } from '../bank-returns/build-fixtures.js';
import { harness, invoiceOf, maria } from './harness.js';

/** Maria owes two invoices of R$ 300,00 due 2026-11-10; the bank's return comes on 2026-11-25. */
async function withInvoices() {
  const h = await harness({}, '2026-11-25T09:00:00-03:00');
  await h.seed([maria], [invoiceOf('f-101', maria.id, '300.00', '2026-11-10'), invoiceOf('f-102', maria.id, '300.00', '2026-11-10')]);
  const state = () => h.store.snapshot();
  return { ...h, state };
}

describe('bank return files through createCollections (seed 004: the return reading flags paid invoices)', () => {
  it.each([
    ['CNAB 400 Bradesco', cnab400Fixture('237'), [2, 3]],
    ['CNAB 240 Caixa', cnab240Fixture('104'), [3, 5]],
  ] as const)('%s: each liquidation recorded with its credit date; the same file again changes nothing', async (_name, file, lines) => {
    const h = await withInvoices();
    const first = (await h.app.importReturnFile({ file, actor: 'operator.ana' }))._unsafeUnwrap();
    expect(first.payments.map((p) => [p.line, p.invoiceId, p.settled])).toEqual([
      [lines[0], 'f-101', true],
      [lines[1], 'f-102', false],
    ]);
    expect(first.problems).toEqual([]);
    const payments = await h.store.transaction((tx) => tx.payments.list({ customerId: maria.id }));
    expect(payments.map((p) => [p.invoiceId, p.amount.cents, p.paidOn, p.fundsAvailableOn])).toEqual([
      ['f-101', 31_000, '2026-11-23', '2026-11-24'],
      ['f-102', 15_000, '2026-11-23', '2026-11-25'],
    ]);
    const after = h.state();
    const again = (await h.app.importReturnFile({ file, actor: 'operator.bia' }))._unsafeUnwrap();
    expect(again.payments).toEqual(first.payments);
    expect(h.state()).toEqual(after);
  });

  it('a file with broken lines reports them with their numbers and records the rest', async () => {
    const h = await withInvoices();
    const lines = cnab400Fixture('341').split('\r\n');
    lines[1] = `${(lines[1] ?? '').slice(0, 253)}00000000003X0${(lines[1] ?? '').slice(266)}`;
    const report = (await h.app.importReturnFile({ file: lines.join('\r\n'), actor: 'operator.ana' }))._unsafeUnwrap();
    expect(report.problems).toEqual([{ line: 2, code: 'bad_amount', reason: 'the amount paid (positions 254-266) is not digits' }]);
    expect(report.payments.map((p) => [p.line, p.invoiceId])).toEqual([[3, 'f-102']]);
    expect((await h.store.transaction((tx) => tx.invoices.get('f-101')))?.paid.cents).toBe(0);
  });

  it('a title no invoice matches, or an invoice no longer open, is reported on its line; the others are recorded', async () => {
    const h = await withInvoices();
    await h.store.transaction(async (tx) => {
      const invoice = await tx.invoices.get('f-102');
      if (invoice) await tx.invoices.update({ ...invoice, version: invoice.version + 1, status: 'cancelled' });
    });
    const file = cnab400Fixture('001', [
      { companyUse: 'f-999', documentNumber: 'NF999', ourNumber: '999', kind: 'settled', cents: 100, paidOn: '2026-11-23', creditOn: '2026-11-24' },
      { companyUse: '', documentNumber: 'f-101', ourNumber: '101', kind: 'settled', cents: 31_000, paidOn: '2026-11-23', creditOn: '2026-11-24' },
      { companyUse: 'f-102', documentNumber: 'NF102', ourNumber: '102', kind: 'settled', cents: 100, paidOn: '2026-11-23', creditOn: '2026-11-24' },
    ]);
    const report = (await h.app.importReturnFile({ file, actor: 'operator.ana' }))._unsafeUnwrap();
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'not_found'],
      [4, 'invalid_state'],
    ]);
    expect(report.payments.map((p) => [p.line, p.invoiceId, p.settled])).toEqual([[3, 'f-101', true]]);
  });

  it('a file that is no return at all is an error and records nothing', async () => {
    const h = await withInvoices();
    const before = h.state();
    expect((await h.app.importReturnFile({ file: 'hello', actor: 'operator.ana' }))._unsafeUnwrapErr().code).toBe('unsupported_layout');
    // @ts-expect-error an unknown field is a compile error as well as a run-time one
    expect((await h.app.importReturnFile({ file: cnab400Fixture('237'), actor: 'operator.ana', extra: 1 }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input' });
    expect(h.state()).toEqual(before);
  });
});
