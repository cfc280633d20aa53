import * as z from 'zod';
import { err, ok, type Result } from 'neverthrow';
import { todayIn, type CivilDate } from '../../calendar/index.js';
import { parseInput } from '../../errors.js';
import type { ReconciliationReport } from '../../negativation/reconcile.js';
import type { PortfolioClassification } from '../../portfolio/index.js';
import type { AppContext } from '../dependencies.js';
import { performPendingEffects, selfClaimingContext, type EffectHandler, type GuardedEffectHandler, type OutboxPass } from '../outbox.js';
import { toAppError } from '../command.js';
import { agreementPass, type AgreementPassReport } from './agreement-pass.js';
import { negativationPass, type NegativationPassReport } from './negativation-pass.js';
import { reconcilePass } from './reconcile-pass.js';
import { ReconcileSummaries } from './reconcile-summaries.js';
import type { RulerPassReport } from './ruler-pass.js';
import { classifyPass } from './classify-pass.js';
import type { AutomaticRequestReport } from './automatic-request-pass.js';
import { portfolioPass } from './portfolio-pass.js';
import { OwedMemo } from './owed-memo.js';
import { owedCalculator } from '../owed.js';
import type { CollectionsError } from '../errors.js';
import { outcomeListing, outcomeListingFields } from './outcome-listing.js';

/** A worker's place among N running one day's cycle together: `index` of `count` (0 ≤ index < count). */
export const workerSchema = z
  .strictObject({ index: z.int().min(0), count: z.int().min(1).max(1024) })
  .refine((w) => w.index < w.count, { message: 'worker index must be less than count', path: ['index'] });

/**
 * Input of `runDailyCycle`: the instant it runs as (the clock's now by
 * default), for a cycle spread over N processes this worker's share, how many
 * outcomes of each kind the report lists (`listOutcomes`, 1,000 by default)
 * and a listener for every outcome as it happens (`onOutcome`).
 */
export const dailyCycleInputSchema = z
  .strictObject({
    asOf: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
    /**
     * Run as worker `index` of `count`: the passes read and act on this
     * worker's share of the customers only (see `Share`), the outbox is drained
     * by whichever worker is free (claims), and the classification covers the
     * share (add the N reports' panels up for the whole portfolio). Every
     * worker must run the cycle for the day, with its own `index`.
     */
    worker: workerSchema.optional(),
    ...outcomeListingFields,
  })
  .default({});

/** What one daily cycle did. */
export interface DailyCycleReport {
  readonly asOf: { readonly date: CivilDate; readonly instant: string };
  readonly agreements: AgreementPassReport;
  readonly negativations: NegativationPassReport;
  readonly ruler: RulerPassReport;
  /** Registrations requested by the invoice's "Negativar" flag or the branch's automatic registration. */
  readonly automaticRequests: AutomaticRequestReport;
  /** Reconciliation, with seed 004's internal SPC control critiques (paid invoices still in the control). */
  readonly reconciliation: Omit<ReconciliationReport, 'effects'> & { readonly alerts: number; readonly spcControlCritiques: readonly string[] };
  readonly effects: { readonly performed: number; readonly failed: OutboxPass['failed']; readonly cancelled: number; readonly awaitingHost: number; readonly scheduled: number };
  /** Seed 004's panels and charts, as the portfolio (or this worker's share of it) stands at the end of the cycle. */
  readonly classification: PortfolioClassification;
}

/**
 * The daily cycle (seed 002's scheduled "update collections" task, seed 004's
 * 07:00 classifier and its "run now"), in order: agreements' lives; one
 * stream over the invoices in which, page by page, the ruler's due actions are
 * applied (recorded with their effects in one transaction per batch), the
 * registrations requested by an invoice's flag or the branch's automatic
 * setting are made and SPC-control critiques found; negativations whose time
 * has come (today's requests included); reconciliation; the outbox performed;
 * the portfolio classified into seed 004's panels (a second read of the
 * invoices, as they stand after the outbox). Every step is idempotent: a second run for the same day finds
 * everything logged and does nothing new; a run after a crash performs what was
 * left pending (what the crashed run enqueued for its own outbox step once the
 * lease it held them under lapses).
 */
export async function runDailyCycle(context: AppContext, handlers: (context: AppContext) => Record<string, EffectHandler | GuardedEffectHandler>, input: unknown): Promise<Result<DailyCycleReport, CollectionsError>> {
  const parsed = parseInput(dailyCycleInputSchema, input ?? {});
  if (parsed.isErr()) return err(parsed.error);
  const asOf = parsed.value.asOf === undefined ? context.clock.now() : new Date(parsed.value.asOf);
  const today = todayIn(asOf);
  const worker = parsed.value.worker;
  // The cycle runs as one instant: its text is built once and shared by every record the cycle writes (not one string per record).
  const instant = asOf.toISOString();
  const cycle: AppContext = { ...context, clock: { now: () => asOf }, nowIso: () => instant, today: () => today, ...(worker && worker.count > 1 ? { share: worker } : {}) };
  // The effects the cycle enqueues for its own outbox pass are written already claimed by it (its pass does not claim them again).
  const { context: at, handlers: performing, lease } = selfClaimingContext(cycle, handlers);
  try {
    const agreements = await agreementPass(at, today);
    // One read of the invoices for the ruler, the automatic requests and the SPC-control critiques.
    // The day's owed amounts, computed once per invoice for the ruler and the classification.
    const owedToday = new OwedMemo(await owedCalculator(at, today), today);
    const listing = outcomeListing(parsed.value);
    const { ruler, automaticRequests, spcControlCritiques } = await portfolioPass(at, asOf, today, owedToday, listing);
    // After the passes that make requests, so today's requests are analysed and noticed today: a second run finds nothing new.
    // What reconciliation needs of the negativations the negativation pass read and left alone, so it does not read them again.
    const summaries = new ReconcileSummaries(today);
    const negativations = await negativationPass(at, today, listing, summaries);
    const { effects: alerts, ...reconciliation } = await reconcilePass(at, today, summaries);
    const outbox = await performPendingEffects(at, { handlers: performing, listEffects: false, lease });
    const classification = await classifyPass(at, today, owedToday);
    return ok({
      asOf: { date: today, instant },
      agreements,
      negativations,
      ruler,
      automaticRequests,
      reconciliation: { ...reconciliation, alerts: alerts.length, spcControlCritiques },
      effects: { performed: outbox.counts.performed, failed: outbox.failed, cancelled: outbox.counts.cancelled, awaitingHost: outbox.counts.awaitingHost, scheduled: outbox.counts.scheduled },
      classification,
    });
  } catch (error) {
    return err(toAppError(error));
  }
}
