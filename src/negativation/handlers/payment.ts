import type { BusinessCalendar } from '../../calendar/index.js';
import { fromCents, ZERO, type Money } from '../../money/index.js';
import { appended } from '../appended.js';
import type { EventOfType } from '../events.js';
import { isRegistered, type Negativation, type PaymentRecord, type Settlement } from '../negativation.js';
import { hideBanner, illegal, removing, settle, step, type EffectOf, type Handler, type NegativationPatch } from './step.js';

/** Payments: cancel a pending request, or lead to removal (seed 000; STJ Súmula 548). */
export const paymentReceived: Handler<'payment_received'> = (n, e, calendar) => {
  const record: { -readonly [K in keyof PaymentRecord]: PaymentRecord[K] } = { kind: e.kind, amount: e.amount, paidOn: e.paidOn, fundsAvailableOn: e.fundsAvailableOn };
  if (e.installmentNumber !== undefined) record.installmentNumber = e.installmentNumber;
  const payments = appended<PaymentRecord>(n.payments, record);
  if (e.kind === 'agreement_installment' && n.agreementId === undefined) return illegal(n, e, 'no agreement is recorded for this negativation');
  // With the owed amount from the one rule (charges included), that decides; otherwise the payment is compared with what was registered.
  const owedAfter = e.owed;
  const settledByRule = owedAfter !== undefined && (owedAfter.total.cents === 0 || (n.settings.removeOnPrincipalPaid && owedAfter.principal.cents === 0));
  const settled = e.kind === 'full' || (e.kind === 'partial' && (owedAfter !== undefined ? settledByRule : e.amount.cents >= n.outstanding.cents));
  const outstanding = settled ? ZERO : owedAfter !== undefined && e.kind === 'partial' ? owedAfter.total : e.kind === 'partial' ? fromCents(n.outstanding.cents - e.amount.cents) : n.outstanding;
  // patches written out (a spread of a shared base into a literal with more fields took V8's slow path)
  const base: NegativationPatch = { payments, outstanding };

  switch (n.status) {
    case 'in_analysis':
      return settled ? step(n.status, 'settled', { payments, outstanding, settlement: paidSettlement(n, e, calendar) }) : step(n.status, 'partial', base);
    case 'processing':
      return settled ? step(n.status, 'settled', { payments, outstanding, settlement: paidSettlement(n, e, calendar) }, hideBanner(n)) : step(n.status, 'partial', base, [updatedInvoiceEffect(n, outstanding)]);
    case 'awaiting_return': {
      if (!settled) return step(n.status, 'partial', base, [updatedInvoiceEffect(n, outstanding)]);
      const settlement = paidSettlement(n, e, calendar);
      const { removal, effects } = removing(n, 'paid', e, calendar, settlement);
      return step(n.status, 'settled', { payments, outstanding, settlement, removal }, effects);
    }
    case 'negativated': {
      const qualifyingInstallment = e.kind === 'agreement_installment' && n.settings.removeAfterFirstAgreementInstallment;
      if (!settled && !qualifyingInstallment) return e.kind === 'partial' ? step(n.status, 'partial', base, [updatedInvoiceEffect(n, outstanding)]) : step(n.status, 'installment', base);
      const settlement = settled ? paidSettlement(n, e, calendar) : n.settlement ?? settle('agreement_installment', e.paidOn, e.fundsAvailableOn, calendar);
      if (n.settings.removeAutomatically) {
        const { removal, effects } = removing(n, settlement.kind === 'paid' ? 'paid' : 'agreement_installment', e, calendar, settlement);
        return step(n.status, 'settled, remove automatically', { payments, outstanding, settlement, removal }, effects);
      }
      return step(n.status, 'settled, remove manually', { payments, outstanding, settlement }, [
        {
          type: 'alert_operator',
          negativationId: n.id,
          alert: 'remove_manually',
          message: `paid: request removal from ${n.bureau} by ${settlement.removalDeadline} (STJ Súmula 548)`,
          deadline: settlement.removalDeadline,
        },
      ]);
    }
    case 'failed':
      if (settled && !isRegistered(n)) return step(n.status, 'settled, not registered', { payments, outstanding, settlement: paidSettlement(n, e, calendar) }, hideBanner(n));
      return step(n.status, 'record', settled ? { payments, outstanding, settlement: paidSettlement(n, e, calendar) } : base);
    default:
      return step(n.status, 'record', settled ? { payments, outstanding, settlement: paidSettlement(n, e, calendar) } : base);
  }
};

/** Full payment settles the title; it supersedes a settlement by an agreement installment (the legal deadline runs from full payment). */
function paidSettlement(n: Negativation, e: EventOfType<'payment_received'>, calendar: BusinessCalendar): Settlement {
  return n.settlement?.kind === 'paid' ? n.settlement : settle('paid', e.paidOn, e.fundsAvailableOn, calendar);
}

/** The updated invoice the debtor is sent after a partial payment. */
function updatedInvoiceEffect(n: Negativation, outstanding: Money): EffectOf<'issue_updated_invoice'> {
  return { type: 'issue_updated_invoice', negativationId: n.id, titleId: n.title.id, outstanding };
}
