import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, parseInput, withPathPrefix } from '../errors.js';
import { defaultBusinessCalendar, FIRST_SUPPORTED_YEAR, instantAt, isBusinessCalendar, LAST_SUPPORTED_YEAR, toEpochDay, zonedDateTime, type BusinessCalendar } from '../calendar/index.js';
import { isInsideContactWindow, nextContactMoment } from './contact-window.js';
import { defineRuler, isRuler, type Ruler, type RulerSpec } from './define-ruler.js';
import type { RulerInvoice } from './invoice.js';
import type { RulerError } from './errors.js';
import { RulerActionLog } from './action-log.js';
import { newSubjectView, type EvaluationContext, type LogReader } from './evaluate-subject.js';
import type { RulerBatch, RulerEvaluation } from './outcome.js';
import { planRuler, type PlannedStep, type RulerPlan } from './plan.js';
import { isResolvedSettings, resolveSettings, type ResolvedSettings, type SettingsLevel } from './settings.js';

/**
 * The log of what was already done: a set or array of idempotency keys, a lookup
 * function a store can serve, or a compact {@link RulerActionLog} (the fastest
 * for a large global log: one lookup per invoice, no key built).
 */
export type ActionLog = ReadonlySet<string> | readonly string[] | ((key: string) => boolean) | RulerActionLog;

/** Invoices as an array, any iterable, or an async iterable (a database cursor, a generator). */
export type InvoiceSource = Iterable<RulerInvoice> | AsyncIterable<RulerInvoice>;

/** The input of {@link evaluateRuler}. */
export interface EvaluateRulerInput<Invoices extends InvoiceSource = InvoiceSource> {
  /** A ruler from {@link defineRuler} (a raw spec is parsed too). */
  readonly ruler: Ruler | RulerSpec;
  /** Settings from {@link resolveSettings}, or one plain settings level (treated as general); library defaults when absent. */
  readonly settings?: ResolvedSettings | SettingsLevel;
  /** The portfolio: {@link RulerInvoice} objects. */
  readonly invoices: Invoices;
  /** Keys of actions (and skips) already logged. Invoices may also carry their own `done` step ids (the scalable shape for large portfolios). */
  readonly done?: ActionLog;
  /** The evaluation instant: a `Date`, epoch milliseconds, or ISO 8601 text with an offset. Read in São Paulo time. */
  readonly asOf: Date | number | string;
  /** The business calendar (the Brazilian banking calendar by default). */
  readonly calendar?: BusinessCalendar;
  /**
   * Invoices per batch (default 1 000); memory is bounded by the batch, not the portfolio. A batch's
   * outcomes (about seven records per invoice on a first run) should die young: batches much larger
   * than the default outlive V8's young generation and the garbage collector then dominates (a
   * first run streamed in batches of 20 000 measured 5–10× slower than in batches of 1 000).
   */
  readonly batchSize?: number;
  /**
   * Also say, per invoice, the next day its evaluation can change without a write (each batch's and
   * the result's `wakes`; not computed by `evaluateRulerCompact`). Off by default: costs a little per invoice.
   */
  readonly wakes?: boolean;
}

/** The instants the evaluator accepts: a day inside the supported years either side, so São Paulo's civil date stays within them. */
const FIRST_INSTANT = Date.UTC(FIRST_SUPPORTED_YEAR, 0, 2);
const LAST_INSTANT = Date.UTC(LAST_SUPPORTED_YEAR, 11, 30);

const inputSchema = z.object({
  ruler: z.unknown(),
  settings: z.unknown().optional(),
  invoices: z.custom<InvoiceSource>(
    (v) => typeof v === 'object' && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v),
    'expected an array or (async) iterable of invoices',
  ),
  done: z
    .custom<ActionLog>((v) => v instanceof Set || Array.isArray(v) || typeof v === 'function' || v instanceof RulerActionLog, 'expected a Set or array of keys, a lookup function, or a rulerActionLog()')
    .optional(),
  asOf: z.union([z.date(), z.number().int(), z.iso.datetime({ offset: true })], { error: 'expected a Date, epoch milliseconds, or ISO 8601 text with an offset' }),
  calendar: z.custom<BusinessCalendar>(isBusinessCalendar, 'expected a BusinessCalendar (brazilianCalendar())').optional(),
  batchSize: z.number().int().min(1).max(1_000_000).default(1_000),
  wakes: z.boolean().default(false),
});

/** How the evaluation reads the log: a compact log by subject and step bit, any other by key. */
function logReader(done: ActionLog | undefined, rulerId: string, plan: RulerPlan): LogReader {
  const masksOf = (steps: readonly PlannedStep[]): Int32Array => {
    const masks = new Int32Array(steps.length);
    if (done instanceof RulerActionLog) {
      steps.forEach((step, i) => {
        const bit = done.stepBit(step.id);
        if (bit !== undefined) masks[i] = 1 << bit;
      });
    }
    return masks;
  };
  const openMasks = masksOf(plan.open);
  const settlementMasks = masksOf(plan.settlement);
  const afterMasks = masksOf(plan.afterRegistration);
  // One literal per shape (not `{ ...none, isDone }`): on Node 20 an object spread from an unfrozen one and
  // then given a new field is slow to read, and the evaluator reads this reader once per invoice.
  const reader = (isDone: LogReader['isDone'], entries?: ReturnType<RulerActionLog['entriesOf']>): LogReader => ({
    isDone,
    invoices: entries?.invoices,
    customers: entries?.customers,
    openMasks,
    settlementMasks,
    afterMasks,
  });
  if (done === undefined) return reader(undefined);
  if (typeof done === 'function') return reader(done);
  if (done instanceof Set) return reader((key) => done.has(key));
  if (!(done instanceof RulerActionLog)) {
    const set = new Set(done as readonly string[]);
    return reader((key) => set.has(key));
  }
  return reader(done.hasStringKeys ? (key) => done.has(key) : undefined, done.entriesOf(rulerId));
}

/** Plans of a ruler by resolved settings: both are immutable handles, so a plan made once serves every evaluation with them. */
const plans = new WeakMap<Ruler, WeakMap<ResolvedSettings, RulerPlan>>();

function planOf(ruler: Ruler, settings: ResolvedSettings): RulerPlan {
  let bySettings = plans.get(ruler);
  if (bySettings === undefined) {
    bySettings = new WeakMap();
    plans.set(ruler, bySettings);
  }
  let plan = bySettings.get(settings);
  if (plan === undefined) {
    plan = planRuler(ruler, settings.values);
    bySettings.set(settings, plan);
  }
  return plan;
}

/** A prepared evaluation: everything read once before the invoices flow. */
export interface Prepared {
  readonly ctx: EvaluationContext;
  readonly perCustomer: boolean;
  readonly batchSize: number;
  /** Whether each invoice's next wake day is asked for. */
  readonly wakes: boolean;
  readonly source: InvoiceSource;
  readonly header: Omit<RulerEvaluation, keyof RulerBatch>;
}

/**
 * Parses the evaluator's input once at the boundary (ruler, settings, as-of
 * instant, log, calendar) and fixes everything the hot loop needs: today as an
 * epoch day, whether the contact window is open and its next opening, the ruler
 * planned under the settings.
 */
export function prepare(input: unknown): Result<Prepared, RulerError> {
  const parsed = parseInput(inputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const value = parsed.value;
  const ruler = isRuler(value.ruler) ? ok(value.ruler) : defineRuler(value.ruler as RulerSpec).mapErr((e) => withPathPrefix(e, ['ruler']));
  if (ruler.isErr()) return err(ruler.error);
  const settings = isResolvedSettings(value.settings) ? ok(value.settings) : resolveSettings(value.settings ?? {});
  if (settings.isErr()) return err(withPathPrefix(settings.error, ['settings']));
  const calendar = value.calendar ?? defaultBusinessCalendar();
  const instant = typeof value.asOf === 'string' ? Date.parse(value.asOf) : value.asOf instanceof Date ? value.asOf.getTime() : value.asOf;
  if (!Number.isFinite(instant) || instant < FIRST_INSTANT || instant > LAST_INSTANT) {
    return err(cobrancaError('invalid_input', `expected an instant between the years ${FIRST_SUPPORTED_YEAR} and ${LAST_SUPPORTED_YEAR}`, { path: ['asOf'] }));
  }
  const now = zonedDateTime(instant);
  const window = settings.value.values.contactWindow;
  const windowOpen = isInsideContactWindow(window, now, calendar);
  const next = nextContactMoment(window, now, calendar);
  if (!next) return err(cobrancaError('invalid_input', 'the contact window never opens within a year: the calendar or the window closes every day', { path: ['settings', 'contactWindow'] }));
  const plan = planOf(ruler.value, settings.value);
  const ctx: EvaluationContext = {
    rulerId: ruler.value.id,
    keyPrefix: `${ruler.value.id.length}:${ruler.value.id}|`,
    plan,
    calendar,
    today: toEpochDay(now.date),
    windowOpen,
    nextContact: { ...next, instant: instantAt(next.date, next.minuteOfDay).toISOString() },
    log: logReader(value.done, ruler.value.id, plan),
    openDays: new Map(),
    openWakes: new Map(),
    dayTexts: new Map(),
    subject: newSubjectView(),
  };
  return ok({
    ctx,
    perCustomer: settings.value.values.anchor === 'customer',
    batchSize: value.batchSize,
    wakes: value.wakes,
    source: value.invoices,
    header: { asOf: { date: now.date, minuteOfDay: now.minuteOfDay }, contactWindowOpen: windowOpen, disabledSteps: [...plan.disabled] },
  });
}

