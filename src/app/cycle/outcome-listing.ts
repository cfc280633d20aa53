import * as z from 'zod';
import type { CobrancaError } from '../../errors.js';
import type { SkippedStep } from '../../ruler/index.js';
import type { ActionOutcome } from './apply-action.js';
import type { AutomaticRequestOutcome } from './automatic-negativation.js';
import type { CivilDate } from '../../calendar/index.js';

/** A registration the pass found waiting out its prior notice (CDC art. 43 §2). */
export interface WaitingForNotice {
  /** The registration waiting. */
  readonly negativationId: string;
  /** The invoice it registers. */
  readonly invoiceId: string;
  /** The day it is submitted (absent while the notice is still to be sent, read or posted). */
  readonly until?: CivilDate;
}

/** Outcomes of each kind a cycle report lists when the caller does not say: enough to read, bounded whatever the portfolio's size. */
export const DEFAULT_LISTED_OUTCOMES = 1000;

/**
 * One outcome of the daily cycle, as it happens: a ruler action done, waiting
 * or refused, a ruler step skipped, a registration requested by the
 * automatic-request pass (made, waiting or refused), or a registration moved
 * by the negativation pass (approved, submitted, found waiting out its notice,
 * or an event refused). What `onOutcome` receives.
 */
export type CycleOutcome =
  | { readonly type: 'ruler.done'; readonly outcome: Extract<ActionOutcome, { status: 'done' }> }
  | { readonly type: 'ruler.waiting'; readonly outcome: Extract<ActionOutcome, { status: 'waiting' }> }
  | { readonly type: 'ruler.refused'; readonly outcome: Extract<ActionOutcome, { status: 'refused' }> }
  | { readonly type: 'ruler.skipped'; readonly outcome: SkippedStep }
  | { readonly type: 'registration.requested'; readonly outcome: { readonly invoiceId: string; readonly origin: 'invoice_creation' | 'automatic' } }
  | { readonly type: 'registration.waiting'; readonly outcome: { readonly invoiceId: string; readonly waiting: Extract<AutomaticRequestOutcome, { status: 'waiting' }> } }
  | { readonly type: 'registration.refused'; readonly outcome: { readonly invoiceId: string; readonly error: CobrancaError } }
  | { readonly type: 'negativation.approved'; readonly outcome: string }
  | { readonly type: 'negativation.submitted'; readonly outcome: string }
  | { readonly type: 'negativation.waiting'; readonly outcome: WaitingForNotice }
  | { readonly type: 'negativation.refused'; readonly outcome: { readonly negativationId: string; readonly event: string; readonly error: CobrancaError } };

/** A function that receives every outcome of a cycle as it happens. */
export type OutcomeListener = (outcome: CycleOutcome) => void;

/** The listing fields of `runDailyCycle`'s input (see `dailyCycleInputSchema`). */
export const outcomeListingFields = {
  /**
   * How many outcomes of each kind the report lists (its `totals` always count
   * every one): 1,000 by default, so a cycle over a million invoices does not
   * hold millions of outcomes; `'all'` lists every outcome (memory then grows
   * with the portfolio). Everything done is in the action log and the audit
   * log either way.
   */
  listOutcomes: z.union([z.int().min(0), z.literal('all')]).optional(),
  /**
   * Called with every outcome as it happens (see {@link CycleOutcome}), to
   * stream them to a log or a file without holding them. A listener that
   * throws stops the cycle (what was committed stays committed; a rerun goes on).
   */
  onOutcome: z.custom<OutcomeListener>((value) => typeof value === 'function', { message: 'onOutcome must be a function' }).optional(),
};

/** How a cycle lists its outcomes: the cap of each list and the listener. */
export interface OutcomeListing {
  readonly limit: number;
  readonly listener: OutcomeListener | undefined;
}

/** The listing of a parsed input. */
export function outcomeListing(input: { readonly listOutcomes?: number | 'all' | undefined; readonly onOutcome?: OutcomeListener | undefined }): OutcomeListing {
  const limit = input.listOutcomes === undefined ? DEFAULT_LISTED_OUTCOMES : input.listOutcomes === 'all' ? Number.POSITIVE_INFINITY : input.listOutcomes;
  return { limit, listener: input.onOutcome };
}

/** Lists every outcome, calls no listener (the passes run outside a cycle, and the tests). */
export const LIST_EVERY_OUTCOME: OutcomeListing = { limit: Number.POSITIVE_INFINITY, listener: undefined };

/** One kind of outcome as a report holds it: the first `limit` listed, every one counted and handed to the listener. */
export class OutcomeList<T extends CycleOutcome> {
  readonly listed: T['outcome'][] = [];
  total = 0;

  constructor(
    private readonly type: T['type'],
    private readonly listing: OutcomeListing,
  ) {}

  /** Counts an outcome, lists it while under the cap and hands it to the listener. */
  add(outcome: T['outcome']): void {
    this.total++;
    if (this.listed.length < this.listing.limit) this.listed.push(outcome);
    this.listing.listener?.({ type: this.type, outcome } as T);
  }
}
