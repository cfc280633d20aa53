import { toEpochDay, type CivilDate } from '../../calendar/index.js';
import { epochDayOfText, LAST_SUPPORTED_EPOCH_DAY } from '../../calendar/civil-date.js';
import { MAX_INPUT_CENTS } from '../../money/index.js';
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
  private pages: PageOwed | undefined;

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

  /**
   * What each open invoice of a page with nothing paid owes today, in centavos, index-aligned, from the fast path
   * ({@link PageOwed}, one priced batch per page, the charge-free windows kept for the day); {@link CHECKED} where it
   * does not answer (ask {@link OwedMemo.of}).
   */
  fastPage(page: readonly InvoiceRecord[]): Float64Array {
    this.pages ??= new PageOwed(this.calculator, this.today);
    return this.pages.of(page);
  }
}

/** No answer from the fast path: the checked path ({@link OwedMemo.of}) computes it (and raises its error, if any). */
export const CHECKED = Number.NaN;

/**
 * The day's owed amounts of a page of invoices on the fast path: what an open
 * invoice with nothing paid owes, in whole centavos, without a `Money` or an
 * owed-amount object per invoice. The charge-free window is computed once per
 * due date; the late ones of the page are priced in one call of the compiled
 * policy's integer `batch` (the calculator `owedOfRecord` uses, so the figures
 * are the same to the centavo: a property test proves it). Anything else (a
 * paid or partly paid invoice, a figure out of range, a missing rate, a due
 * date whose window leaves the calendar) is {@link CHECKED}.
 */
export class PageOwed {
  private readonly todayEpoch: number;
  /** By due date: its epoch day when the invoice is late on the day, -1 when it is not, NaN when the checked path must answer. */
  private readonly lateDue = new Map<string, number>();

  constructor(
    private readonly calculator: LateChargesCalculator | undefined,
    today: CivilDate,
  ) {
    this.todayEpoch = toEpochDay(today);
  }

  private dueState(dueDate: CivilDate): number {
    let state = this.lateDue.get(dueDate);
    if (state !== undefined) return state;
    const due = epochDayOfText(dueDate);
    if (Number.isNaN(due)) state = CHECKED;
    else if (this.calculator === undefined) state = -1;
    else {
      const freeUntil = this.calculator.chargeFreeUntil(due);
      state = freeUntil > LAST_SUPPORTED_EPOCH_DAY ? CHECKED : this.todayEpoch > freeUntil ? due : -1;
    }
    this.lateDue.set(dueDate, state);
    return state;
  }

  /** What each invoice of the page owes today in centavos, index-aligned; {@link CHECKED} where the fast path does not answer. */
  of(page: readonly InvoiceRecord[]): Float64Array {
    const out = new Float64Array(page.length).fill(CHECKED);
    const lateAt: number[] = [];
    const principals: number[] = [];
    const dues: number[] = [];
    for (let i = 0; i < page.length; i++) {
      const invoice = page[i] as InvoiceRecord;
      if (invoice.status !== 'open' || invoice.paid.cents !== 0) continue;
      const principal = invoice.amount.cents;
      if (!(Number.isSafeInteger(principal) && principal >= 0 && principal <= MAX_INPUT_CENTS)) continue;
      const state = this.dueState(invoice.dueDate);
      if (Number.isNaN(state)) continue;
      if (state < 0) out[i] = principal;
      else {
        lateAt.push(i);
        principals.push(principal);
        dues.push(state);
      }
    }
    if (lateAt.length > 0 && this.calculator !== undefined) {
      const priced = this.calculator.batch({ principalCents: principals, dueEpochDays: dues, asOfEpochDay: this.todayEpoch });
      // An error (a missing rate, a total out of range) leaves the page's late ones to the checked path, which raises it.
      if (priced.isOk()) for (let k = 0; k < lateAt.length; k++) out[lateAt[k] as number] = priced.value.totalCents[k] as number;
    }
    return out;
  }
}
