import type { CivilDate } from '../../calendar/index.js';
import type { LateChargesCalculator } from '../../agreements/index.js';
import type { InvoiceRecord, PaymentRecord } from '../../ports/index.js';
import { owedOfRecord } from '../owed.js';

/** What an open invoice owes on the cycle's day and what its payments add up to, in centavos. */
export interface OwedCents {
  readonly owed: number;
  readonly paid: number;
}

/**
 * The day's owed amounts (the one rule, `owedOfRecord`) of open invoices, each
 * computed once per cycle: the ruler's stream and the classification both ask,
 * and an invoice without payments is remembered by its stored record. Only a
 * frozen record is remembered (the memory store hands out the same frozen
 * object until the invoice changes, so the figure cannot go stale); other
 * records are computed each time. Holds a number per invoice, weakly.
 */
export class OwedMemo {
  private readonly remembered = new WeakMap<InvoiceRecord, number>();

  constructor(
    readonly calculator: LateChargesCalculator | undefined,
    private readonly today: CivilDate,
  ) {}

  /** What an open invoice owes today, given its payments (empty when it has none). */
  of(invoice: InvoiceRecord, payments: readonly PaymentRecord[]): OwedCents {
    const memorable = payments.length === 0 && Object.isFrozen(invoice);
    if (memorable) {
      const owed = this.remembered.get(invoice);
      if (owed !== undefined) return { owed, paid: 0 };
    }
    const figures = owedOfRecord(this.calculator, invoice, payments, this.today);
    if (memorable && figures.paid.cents === 0) this.remembered.set(invoice, figures.owed.cents);
    return { owed: figures.owed.cents, paid: figures.paid.cents };
  }
}
