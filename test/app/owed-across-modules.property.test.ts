import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { owedAmount, type LateChargesPolicyInput } from '../../src/agreements/index.js';
import type { Negativation } from '../../src/negativation/index.js';
import type { Panel } from '../../src/portfolio/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const joao = { ...maria, id: 'c-joao', name: 'João Lima', taxId: '52998224725', email: 'joao@example.com' };
const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
const DUE = '2026-10-01';

const policyArb: fc.Arbitrary<LateChargesPolicyInput> = fc.record({
  interest: fc.constantFrom('0.5', '1', '2.33').map((percent) => ({ kind: 'monthly' as const, percent })),
  fine: fc.constantFrom('0', '1', '2').map((percent) => ({ percent })),
  graceDays: fc.integer({ min: 0, max: 3 }),
  paymentOrder: fc.constantFrom('charges_first' as const, 'principal_first' as const),
});

/** Partial payments between the request (16 Oct) and the registration (26 Oct): a day and a share of what is then owed. */
const paymentsArb = fc.uniqueArray(fc.record({ day: fc.integer({ min: 17, max: 25 }), share: fc.integer({ min: 5, max: 40 }) }), { minLength: 1, maxLength: 3, selector: (p) => p.day }).map((ps) => [...ps].sort((a, b) => a.day - b.day));

describe('one amount owed across every module (property)', () => {
  it('the ruler, the updated invoice, recordPayment, the registration, the agreement and the panels report the same owed amount to the centavo', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1_000, max: 500_000 }), policyArb, paymentsArb, async (principalCents, policy, payments) => {
        const h = await harness({ lateCharges: { policy, interestFromRates: false } }, '2026-09-25T10:00:00-03:00');
        const principal = (principalCents / 100).toFixed(2);
        await h.seed([joao], [invoiceOf('j1', joao.id, principal, DUE)]);
        const paid: { date: string; amount: { cents: number } }[] = [];
        const reference = (asOf: string) => owedAmount({ principal, dueDate: DUE, asOf, payments: paid, policy })._unsafeUnwrap().owed.cents;
        const panelOwed = async (name: 'classified' | 'registered' | 'agreementPending') => {
          const panel: Panel = (await h.app.classifyNow())._unsafeUnwrap().panels[name];
          return panel.owed.cents;
        };
        const outbox = async (kind: string) => (await h.store.transaction((tx) => tx.outbox.all())).filter((e) => e.kind === kind).map((e) => e.payload as Record<string, { cents: number }>);
        const registration = async () => (await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' })))[0]?.negativation as Negativation | undefined;

        // D+1: the ruler's SMS carries the open amount the rule gives.
        await h.cycleOn('2026-10-02');
        expect((await outbox('notify')).at(-1)?.openAmount?.cents).toBe(reference('2026-10-02'));

        // D+15: the request; seed 000's updated invoice carries the owed amount; the panel shows it.
        await h.cycleOn('2026-10-16');
        expect((await outbox('issue_updated_invoice')).at(-1)?.outstanding?.cents).toBe(reference('2026-10-16'));
        expect(await panelOwed('classified')).toBe(reference('2026-10-16'));

        for (const [k, payment] of payments.entries()) {
          const day = `2026-10-${String(payment.day).padStart(2, '0')}`;
          h.clock.set(`${day}T10:00:00-03:00`);
          const amount = Math.max(1, Math.floor((reference(day) * payment.share) / 100));
          const outcome = (await h.app.recordPayment({ ...op(`pay-${k}`), invoiceId: 'j1', amount: { cents: amount } }))._unsafeUnwrap();
          paid.push({ date: day, amount: { cents: amount } });
          const owed = reference(day);
          expect([outcome.owed.owed.cents, outcome.settled]).toEqual([owed, false]);
          expect((await registration())?.outstanding.cents).toBe(owed);
          expect((await outbox('issue_updated_invoice')).at(-1)?.outstanding?.cents).toBe(owed);
          expect(await panelOwed('classified')).toBe(owed);
        }

        // Registered on 26 Oct: the registered panel owes what the rule says.
        await h.cycleOn('2026-10-26');
        expect((await registration())?.registeredOn).toBe('2026-10-26');
        expect(await panelOwed('registered')).toBe(reference('2026-10-26'));

        // 5 Nov: an agreement on the updated amount has the rule's figure as its base; its installments replace the debt in the panels.
        h.clock.set('2026-11-05T10:00:00-03:00');
        const category = (await h.app.createAgreementCategory({ ...op('category'), name: 'Acordo' }))._unsafeUnwrap();
        const proposal = { kind: 'new_proposal', baseAmounts: 'updated', selectedInvoiceIds: ['j1'], toleranceDate: '2026-12-20', category: category.id, installments: { kind: 'regular', count: 3, firstDueDate: '2026-11-20', description: 'Acordo', paymentProfile: 'boleto' } } as const;
        const preview = (await h.app.previewAgreement({ actor: 'operator.ana', customerId: joao.id, proposal }))._unsafeUnwrap();
        const owedOnDeal = reference('2026-11-05');
        expect([preview.plan.components.base.cents, preview.total.cents]).toEqual([owedOnDeal, owedOnDeal]);
        const deal = (await h.app.negotiate({ ...op('deal'), customerId: joao.id, proposal, expectedTotal: preview.total }))._unsafeUnwrap();
        expect(deal.createdInvoices.reduce((sum, i) => sum + i.amount.cents, 0)).toBe(owedOnDeal);
        const now = (await h.app.classifyNow())._unsafeUnwrap();
        expect(now.panels.agreementPending.owed.cents).toBe(owedOnDeal);
        expect(now.replaced.invoiceIds).toEqual(['j1']);
        expect(now.panels.registered.invoiceIds).toEqual([]);
      }),
      { numRuns: 20 },
    );
  }, 240_000);
});
