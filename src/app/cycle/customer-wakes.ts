import { addDays, type CivilDate } from '../../calendar/index.js';
import type { CustomerEvaluation, DueCustomer, StoreTransaction } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';

/** The earlier of two wake days (`undefined`: no day, only a write wakes). */
export function earlierWake(a: CivilDate | undefined, b: CivilDate | undefined): CivilDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/** The next day after `today`: the wake day of whatever may change tomorrow (a waiting request, a daily alert). */
export function tomorrowOf(today: CivilDate): CivilDate {
  return addDays(today, 1);
}

/** One due customer while the cycle evaluates it. */
interface Evaluation {
  readonly touched: number;
  /** Pieces of its evaluation not yet applied: its page's passes, its followed invoices, its customer-anchored groups. */
  pending: number;
  wakeOn: CivilDate | undefined;
}

/**
 * The due customers of a cycle's portfolio pass while they are evaluated:
 * the touch count each was read at, the earliest day any pass said it can
 * change next, and how many pieces of its evaluation are still to be applied.
 * A customer is ready when none is left; the ready ones are recorded with
 * `wakes.evaluated` in the transaction that applies the last piece (its own
 * writes there do not wake it), or in a small transaction of their own
 * ({@link CustomerWakes.record}). A customer whose evaluation stopped (an
 * error) is never ready: it stays due.
 */
export class CustomerWakes {
  private readonly customers = new Map<string, Evaluation>();
  private ready: CustomerEvaluation[] = [];

  /** Starts a page's due customers, each with one pending piece: the page's passes (see {@link CustomerWakes.pageDone}). */
  admit(due: readonly DueCustomer[]): void {
    for (const { customerId, touched } of due) this.customers.set(customerId, { touched, pending: 1, wakeOn: undefined });
  }

  /** One more piece of a customer's evaluation to wait for. */
  expect(customerId: string): void {
    const customer = this.customers.get(customerId);
    if (customer) customer.pending++;
  }

  /** Lowers a customer's wake day to `day` (when earlier). */
  wakeOn(customerId: string, day: CivilDate | undefined): void {
    const customer = this.customers.get(customerId);
    if (customer && day !== undefined) customer.wakeOn = earlierWake(customer.wakeOn, day);
  }

  /** One piece of a customer's evaluation applied (with the wake day it gave): ready when it was the last. */
  done(customerId: string, day?: CivilDate): void {
    const customer = this.customers.get(customerId);
    if (customer === undefined) return;
    if (day !== undefined) customer.wakeOn = earlierWake(customer.wakeOn, day);
    if (--customer.pending > 0) return;
    this.customers.delete(customerId);
    this.ready.push({ customerId, touched: customer.touched, wakeOn: customer.wakeOn });
  }

  /** The page's passes (automatic requests, SPC-control critiques) ran for these customers. */
  pageDone(due: readonly DueCustomer[]): void {
    for (const { customerId } of due) this.done(customerId);
  }

  /** Records the ready customers in `tx` (call it after the transaction's writes). */
  async recordIn(tx: StoreTransaction): Promise<void> {
    if (this.ready.length === 0 || tx.wakes === undefined) return;
    const ready = this.ready;
    this.ready = [];
    await tx.wakes.evaluated(ready);
  }

  /** Records the ready customers in a small transaction of their own (those no writing transaction took). */
  async record(context: AppContext): Promise<void> {
    if (this.ready.length > 0) await context.store.transaction((tx) => this.recordIn(tx));
  }
}
