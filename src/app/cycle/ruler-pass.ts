import type { CivilDate } from '../../calendar/index.js';
import type { CobrancaError } from '../../errors.js';
import { evaluateRulerInBatches, type RulerBatch, type RulerInvoice, type SkippedStep } from '../../ruler/index.js';
import type { AppContext } from '../dependencies.js';
import { applyDueAction, auditSuperseded, logSkippedStep, type ActionOutcome } from './apply-action.js';
import { owedCalculator } from '../owed.js';
import { enrichPage, followedByRuler, invoicePages, settingsKey } from './portfolio.js';

/** What the ruler pass did. */
export interface RulerPassReport {
  readonly invoicesEvaluated: number;
  /** Actions performed now (effects queued, collections started, requests made). */
  readonly done: readonly Extract<ActionOutcome, { status: 'done' }>[];
  /** Contacts due outside the contact window: logged, their messages queued for the window's next opening. */
  readonly deferred: number;
  /**
   * Steps skipped for a reason worth reading one by one (a reminder after the due date, a stale step, a
   * negativation already in progress): at most one per channel and invoice, never one per missed step.
   */
  readonly skipped: readonly SkippedStep[];
  /**
   * Earlier steps of a channel superseded by the later step due now (catch-up without bursts): counted,
   * not listed, so a catch-up of many missed steps holds memory for the invoices, not for steps × invoices.
   * Each is in the action log and the invoice's history.
   */
  readonly superseded: number;
  /** Negativate steps a guard that heals holds back (minimum days overdue; missing debtor data): not logged, asked again each cycle, done once allowed. */
  readonly waiting: readonly Extract<ActionOutcome, { status: 'waiting' }>[];
  /** Actions the domain refused for good (a final guard, a missing contact): logged once, an operator alerted. */
  readonly refused: readonly Extract<ActionOutcome, { status: 'refused' }>[];
  /** Errors that stopped a settings group's evaluation (bad stored data), with the invoice's path. */
  readonly errors: readonly CobrancaError[];
}

/**
 * Evaluates the ruler over the whole portfolio, one stream per settings group
 * (branch and contract), and applies each batch of due actions in one
 * transaction: action log, state changes and outbox effects together, so a
 * crash never leaves an action done but not logged, or logged but not queued.
 */
export async function rulerPass(context: AppContext, asOf: Date, today: CivilDate): Promise<RulerPassReport> {
  const calculator = await owedCalculator(context, today);
  const groups = new Map<string, { branch?: string; contract?: string }>();
  for await (const page of invoicePages(context)) {
    for (const invoice of page) {
      if (!followedByRuler(invoice)) continue;
      groups.set(settingsKey(invoice), { ...(invoice.branchId ? { branch: invoice.branchId } : {}), ...(invoice.contractId ? { contract: invoice.contractId } : {}) });
    }
  }
  const report: PassTally & { errors: CobrancaError[] } = { invoicesEvaluated: 0, done: [], waiting: [], deferred: 0, skipped: [], superseded: 0, refused: [], errors: [] };
  for (const [key, group] of groups) {
    const invoices = async function* (): AsyncGenerator<RulerInvoice> {
      for await (const page of invoicePages(context)) {
        const mine = page.filter((invoice) => followedByRuler(invoice) && settingsKey(invoice) === key);
        if (mine.length > 0) yield* await enrichPage(context, mine, today, calculator);
      }
    };
    const settings = context.policies.settingsFor(group.branch, group.contract);
    const batches = evaluateRulerInBatches({
      ruler: settings.ruler,
      settings: settings.rulerSettings,
      invoices: invoices(),
      asOf,
      calendar: context.calendar,
      batchSize: 1000,
    });
    for await (const batch of batches) {
      if (batch.isErr()) {
        report.errors.push(batch.error);
        break;
      }
      await applyBatch(context, batch.value, today, report);
    }
  }
  return report;
}

/** The report as it is filled in, batch by batch. */
interface PassTally {
  invoicesEvaluated: number;
  done: Extract<ActionOutcome, { status: 'done' }>[];
  waiting: Extract<ActionOutcome, { status: 'waiting' }>[];
  deferred: number;
  skipped: SkippedStep[];
  superseded: number;
  refused: Extract<ActionOutcome, { status: 'refused' }>[];
}

async function applyBatch(context: AppContext, batch: RulerBatch, today: CivilDate, report: PassTally): Promise<void> {
  report.invoicesEvaluated += batch.invoicesEvaluated;
  if (batch.due.length === 0 && batch.deferred.length === 0 && batch.skipped.length === 0) return;
  await context.store.transaction(async (tx) => {
    for (const action of [...batch.due, ...batch.deferred]) {
      const outcome = await applyDueAction(tx, context, action, today);
      if (outcome.status === 'done') {
        report.done.push(outcome);
        if ('notBefore' in action) report.deferred++;
      } else if (outcome.status === 'refused') report.refused.push(outcome);
      else if (outcome.status === 'waiting') report.waiting.push(outcome);
    }
    const superseded = new Map<string, { invoiceId: string; supersededBy: string; stepIds: string[] }>();
    for (const skipped of batch.skipped) {
      const isSuperseded = skipped.reason === 'superseded';
      if (!(await logSkippedStep(tx, context, skipped, today, !isSuperseded))) continue;
      if (!isSuperseded) {
        report.skipped.push(skipped);
        continue;
      }
      report.superseded++;
      const by = skipped.supersededBy ?? '';
      const key = `${skipped.invoiceId.length}:${skipped.invoiceId}|${by}`;
      const group = superseded.get(key) ?? { invoiceId: skipped.invoiceId, supersededBy: by, stepIds: [] };
      group.stepIds.push(skipped.stepId);
      superseded.set(key, group);
    }
    for (const group of superseded.values()) await auditSuperseded(tx, context, group.invoiceId, group.supersededBy, group.stepIds);
  });
}
