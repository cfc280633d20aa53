import { err, ok, type Result } from 'neverthrow';
import { fail, parseInput } from '../errors.js';
import { calendarOption, daysOverdue, defaultBusinessCalendar, type BusinessCalendar, type CivilDate } from '../calendar/index.js';
import { ExactTotal, fromCents, type Money } from '../money/index.js';
import { classifierInvoiceSchema, classifyOptionsSchema, collectionEventSchema, type ClassifierInvoice, type CollectionEvent, type ParsedClassifierInvoice } from './classify-input.js';
import { readClassifierInvoiceFast } from './classify-input-fast.js';
import { ChartAccumulator, type PortfolioCharts } from './classify-charts.js';
import { agreementOn, isBroken, isPaid, owedCentsOf } from './invoice-facts.js';
import type { PortfolioError } from './errors.js';
import type * as z from 'zod';

/** The nine panels of seed 004's collection manager (the tenth, the charts, is {@link PortfolioCharts}), and the protested titles. */
export const PANELS = [
  'classified',
  'inContact',
  'awaitingNegotiation',
  'agreementPending',
  'agreementFulfilled',
  'agreementBroken',
  'registered',
  'critiques',
  'removedAfterRegistration',
  'protested',
] as const;

/** The name of a panel. */
export type PanelName = (typeof PANELS)[number];

/** One panel: the invoices in it, how many customers they belong to, their amounts and what they owe. */
export interface Panel {
  readonly invoices: number;
  readonly customers: number;
  /** The invoices' amounts (principal as issued). */
  readonly amount: Money;
  /** What they owe on `asOf` by the one owed-amount rule (zero for a paid invoice): the panel's total. */
  readonly owed: Money;
  readonly invoiceIds: readonly string[];
}

/** The input of {@link classifyPortfolio}. */
export interface ClassifyPortfolioInput {
  readonly asOf: string;
  readonly forwardAfterDays: number;
  readonly invoices: Iterable<ClassifierInvoice>;
  readonly events?: Iterable<CollectionEvent>;
}

/** The panels and charts of the collection manager. */
export interface PortfolioClassification {
  readonly asOf: CivilDate;
  readonly panels: Readonly<Record<PanelName, Panel>>;
  /** Originals replaced by a new proposal: shown here once, never beside their installments. */
  readonly replaced: Panel;
  readonly charts: PortfolioCharts;
}

/** The panel of an unpaid invoice in no agreement by where it stands in the collection flow (seed 004; see {@link panelsOf}). */
export const COLLECTION_PANELS = { selected: 'inContact', started: 'awaitingNegotiation', forwarded: 'classified' } as const satisfies Record<NonNullable<ParsedClassifierInvoice['collection']>, PanelName>;

/** Ids per chunk of a panel's id list while it is built. */
const ID_CHUNK = 4096;

class PanelAccumulator {
  readonly cents = new ExactTotal();
  readonly owedCents = new ExactTotal();
  /**
   * The ids added, in order, in chunks of {@link ID_CHUNK}: one array grown to a whole portfolio's length is copied
   * at every growth and, once large, allocated outside the young generation (~140 ns a push at 100k ids, against a few
   * for small chunks); joined once by {@link PanelAccumulator.toPanel} with one `concat` (a copy of packed arrays;
   * `Array.prototype.flat` walks element by element, ~7× slower on 80k ids).
   */
  private readonly idChunks: string[][] = [];
  private ids: string[] = [];
  private count = 0;
  /** How many customers are counted while they come in increasing id order (no set needed: each is new). */
  private ordered = 0;
  /** The customers added in increasing order, kept only to fill {@link PanelAccumulator.seen} when one comes out of order. */
  private orderedIds: string[] = [];
  /** Every customer added, once one came out of order (a set of a whole portfolio's customers is ~0.15 µs an add). */
  private seen: Set<string> | undefined;
  /** The customer last added: a customer's invoices often come one after another, and need not be counted again. */
  private lastCustomer: string | undefined;

  add(id: string, customerId: string, amountCents: number, owedCents: number): void {
    this.cents.add(amountCents);
    this.owedCents.add(owedCents);
    if (this.ids.length === ID_CHUNK) {
      this.idChunks.push(this.ids);
      this.ids = [];
    }
    this.ids.push(id);
    this.count++;
    const last = this.lastCustomer;
    if (customerId === last) return;
    this.lastCustomer = customerId;
    if (this.seen !== undefined) this.seen.add(customerId);
    else if (last === undefined || customerId > last) {
      // After every customer counted so far: a new one.
      this.ordered++;
      this.orderedIds.push(customerId);
    } else {
      this.seen = new Set(this.orderedIds);
      this.orderedIds = [];
      this.seen.add(customerId);
    }
  }

  /** How many distinct customers were added. */
  get customers(): number {
    return this.seen === undefined ? this.ordered : this.seen.size;
  }

  /** Whether both totals are exact (within ±2^53 − 1 centavos, src/money/limits.ts). */
  exact(): boolean {
    return this.cents.cents !== undefined && this.owedCents.cents !== undefined;
  }

  toPanel(): Panel {
    return { invoices: this.count, customers: this.customers, amount: fromCents(this.cents.cents ?? 0), owed: fromCents(this.owedCents.cents ?? 0), invoiceIds: this.idChunks.length === 0 ? this.ids : ([] as string[]).concat(...this.idChunks, this.ids) };
  }
}

/** The panel a registration in force (registered on or before the day) puts an invoice in: `critiques` when paid and still registered, `registered` when unpaid, `removedAfterRegistration` when paid and removed. */
function registrationPanel(paid: boolean, removed: boolean): PanelName | undefined {
  if (!removed) return paid ? 'critiques' : 'registered';
  return paid ? 'removedAfterRegistration' : undefined;
}

/**
 * The panels an invoice belongs to as of a day (seed 004). An invoice can be in
 * several (an agreement invoice that is also registered at a bureau).
 * An original replaced by a new proposal is in none of them (see `replaced`).
 * - `classified`: open, no agreement, not yet selected; forwarded by the ruler's step, or overdue (as `daysOverdue` counts) at least `forwardAfterDays` days.
 * - `inContact` / `awaitingNegotiation`: open, no agreement, selected / started.
 * - `agreementPending` / `agreementBroken`: in a (not cancelled) agreement, unpaid; broken only when `agreementStatus` says so.
 * - `agreementFulfilled`: in an agreement and paid.
 * - `registered`: registered at a bureau, not removed, unpaid.
 * - `critiques` ("críticas de SPC"): paid but still registered.
 * - `removedAfterRegistration`: paid, and the registration has been removed.
 * The registration panels count a bureau registration and the internal SPC control (seed 004) alike.
 * - `protested`: protested at a notary (Lei 9.492/1997) and the protest not cancelled yet, paid or not.
 * @example
 * ```ts
 * import { civilDate } from 'cobranca/calendar';
 * import { classifierInvoiceSchema, panelsOf } from 'cobranca/portfolio';
 *
 * // The panels one invoice shows in: 45 days overdue, forwarded to collection after 30.
 * const invoice = classifierInvoiceSchema.parse({ id: 'f-101', customerId: 'c-1', dueDate: '2026-10-10', amount: '1234.56' });
 * console.log(panelsOf(invoice, civilDate('2026-11-24'), 30).join(', ')); // → classified
 * ```
 */
export function panelsOf(invoice: ParsedClassifierInvoice, asOf: CivilDate, forwardAfterDays: number, calendar: BusinessCalendar = defaultBusinessCalendar()): PanelName[] {
  const panels: PanelName[] = [];
  if (invoice.replacedBy !== undefined) return panels;
  const paid = isPaid(invoice, asOf);
  const agreement = agreementOn(invoice, asOf);
  if (!paid && agreement === undefined) {
    if (invoice.collection !== undefined) panels.push(COLLECTION_PANELS[invoice.collection]);
    else {
      const overdue = daysOverdue(invoice.dueDate, asOf, calendar);
      if (overdue > 0 && overdue >= forwardAfterDays) panels.push('classified');
    }
  }
  if (agreement !== undefined) {
    if (paid) panels.push('agreementFulfilled');
    else panels.push(isBroken(invoice, agreement, asOf) ? 'agreementBroken' : 'agreementPending');
  }
  // a bureau registration and seed 004's internal SPC record land in the same panels, once
  const registrations = [invoice.negativation, invoice.spcControl && { registeredOn: invoice.spcControl.addedOn, removedOn: invoice.spcControl.removedOn }];
  const registrationPanels = new Set<PanelName>();
  for (const registration of registrations) {
    if (registration === undefined || registration.registeredOn > asOf) continue;
    const panel = registrationPanel(paid, registration.removedOn !== undefined && registration.removedOn <= asOf);
    if (panel !== undefined) registrationPanels.add(panel);
  }
  if (registrationPanels.has('critiques') || registrationPanels.has('registered')) registrationPanels.delete('removedAfterRegistration');
  panels.push(...registrationPanels);
  const protest = invoice.protest;
  if (protest !== undefined && protest.protestedOn <= asOf && (protest.cancelledOn === undefined || protest.cancelledOn > asOf)) panels.push('protested');
  return panels;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/**
 * The panels' and charts' running totals, fed already-checked invoices: what
 * {@link PortfolioClassifier} holds behind its parsing, and what the daily
 * cycle feeds directly (application-internal, not exported from the module).
 */
export class PanelBoard {
  private readonly panels = Object.fromEntries(PANELS.map((name) => [name, new PanelAccumulator()])) as Record<PanelName, PanelAccumulator>;
  private readonly replaced = new PanelAccumulator();
  private readonly charts: ChartAccumulator;
  /** Days overdue by due date (one calendar walk per due date, not per invoice). */
  private readonly overdueByDue = new Map<string, number>();

  private constructor(
    readonly asOf: CivilDate,
    readonly forwardAfterDays: number,
    readonly calendar: BusinessCalendar,
  ) {
    this.charts = new ChartAccumulator(asOf);
  }

  /** A board as of a day, forwarding after `forwardAfterDays` days overdue (see {@link panelsOf}); the options parsed by `classifyOptionsSchema`. */
  static create(input: Omit<ClassifyPortfolioInput, 'invoices' | 'events'>, options: { readonly calendar?: BusinessCalendar } = {}): Result<PanelBoard, PortfolioError> {
    const calendar = calendarOption((options as { readonly calendar?: BusinessCalendar } | null | undefined)?.calendar);
    if (calendar.isErr()) return err(calendar.error);
    const parsed = parseInput(classifyOptionsSchema, input);
    if (parsed.isErr()) return err(parsed.error);
    return ok(new PanelBoard(parsed.value.asOf, parsed.value.forwardAfterDays, calendar.value));
  }

  /** Adds one parsed invoice to its panels and the charts (the checked path). */
  addParsed(invoice: ParsedClassifierInvoice): void {
    if (invoice.replacedBy !== undefined) {
      this.replaced.add(invoice.id, invoice.customerId, invoice.amount.cents, 0);
      return;
    }
    const owed = owedCentsOf(invoice, this.asOf);
    for (const name of panelsOf(invoice, this.asOf, this.forwardAfterDays, this.calendar)) this.panels[name].add(invoice.id, invoice.customerId, invoice.amount.cents, owed);
    this.charts.addInvoice(invoice);
  }

  /**
   * Adds a plain invoice: in no agreement and not replaced, never registered,
   * protested or in the SPC control, with fields already in the schema's form
   * (labels trimmed, dates on the calendar, whole centavos in range). Such an
   * invoice is in at most one panel and in no chart: the same answer as
   * {@link addParsed} (a property test proves it) with no object per invoice.
   * `owedCents` as the schema's `owed` (absent: the amount while unpaid).
   */
  addPlain(id: string, customerId: string, dueDate: CivilDate, amountCents: number, owedCents: number | undefined, paidOn: CivilDate | undefined, collection: ParsedClassifierInvoice['collection']): void {
    // panelsOf and owedCentsOf for an invoice with nothing but a collection state: unpaid ones only.
    if (paidOn !== undefined && paidOn <= this.asOf) return;
    const panel = collection === undefined ? (this.overdueForCollection(dueDate) ? 'classified' : undefined) : COLLECTION_PANELS[collection];
    if (panel !== undefined) this.addTo(panel, id, customerId, amountCents, owedCents ?? amountCents);
  }

  /**
   * Adds a plain invoice (as {@link addPlain}) that the bureau also registered
   * on `registeredOn` (and removed on `removedOn`, if so): its panel of a
   * plain invoice, its registration panel (`registered`, `critiques` or
   * `removedAfterRegistration`) and the registrations chart, as
   * {@link addParsed} of the invoice with that `negativation` (a property test
   * proves it), with no object per invoice. Dates civil dates.
   */
  addPlainRegistered(id: string, customerId: string, dueDate: CivilDate, amountCents: number, owedCents: number | undefined, paidOn: CivilDate | undefined, collection: ParsedClassifierInvoice['collection'], registeredOn: CivilDate, removedOn: CivilDate | undefined): void {
    this.addPlain(id, customerId, dueDate, amountCents, owedCents, paidOn, collection);
    const asOf = this.asOf;
    if (registeredOn > asOf) return;
    const paid = paidOn !== undefined && paidOn <= asOf;
    const removed = removedOn !== undefined && removedOn <= asOf;
    const panel = registrationPanel(paid, removed);
    if (panel !== undefined) this.addTo(panel, id, customerId, amountCents, paid ? 0 : (owedCents ?? amountCents));
    this.charts.addRegistration(registeredOn, amountCents);
  }

  /**
   * Whether an unpaid invoice in no agreement and not in collection, due on
   * `dueDate` (a civil date), is overdue long enough for `classified` (see
   * {@link panelsOf}); one calendar walk per due date.
   */
  overdueForCollection(dueDate: CivilDate): boolean {
    let overdue = this.overdueByDue.get(dueDate);
    if (overdue === undefined) {
      overdue = daysOverdue(dueDate, this.asOf, this.calendar);
      this.overdueByDue.set(dueDate, overdue);
    }
    return overdue > 0 && overdue >= this.forwardAfterDays;
  }

  /**
   * Adds an invoice to one panel, as {@link addPlain} decided it (the amount and
   * what it owes in whole centavos): for a caller that decided the panel of a
   * plain invoice itself with {@link PanelBoard.overdueForCollection} and
   * {@link COLLECTION_PANELS}.
   */
  addTo(panel: PanelName, id: string, customerId: string, amountCents: number, owedCents: number): void {
    this.panels[panel].add(id, customerId, amountCents, owedCents);
  }

  /** Adds one parsed collection event to the charts. */
  addParsedEvent(event: Parameters<ChartAccumulator['addEvent']>[0]): void {
    this.charts.addEvent(event);
  }

  /** The panels and charts of everything added so far. */
  result(): Result<PortfolioClassification, PortfolioError> {
    const { panels, replaced, charts } = this;
    if (!PANELS.every((name) => panels[name].exact()) || !replaced.exact() || !charts.exact()) {
      return fail('amount_out_of_range', 'a panel or chart total is beyond what can be computed exactly (±2^53 − 1 centavos)', { path: ['invoices'] });
    }
    const result = Object.fromEntries(PANELS.map((name) => [name, panels[name].toPanel()])) as Record<PanelName, Panel>;
    return ok({ asOf: this.asOf, panels: result, replaced: replaced.toPanel(), charts: charts.result() });
  }
}

/** Reads one classifier invoice: by hand when already in the schema's form, else by zod (which builds the error with its path `invoices[at]`). */
export function parseClassifierInvoice(raw: ClassifierInvoice, at: number): Result<ParsedClassifierInvoice, PortfolioError> {
  const invoice = readClassifierInvoiceFast(raw);
  if (invoice !== undefined) return ok(invoice);
  return parseInput(classifierInvoiceSchema, raw, ['invoices', at]);
}

/** Reads one collection event (a bad one is an error with its path `events[at]`). */
export function parseCollectionEvent(raw: CollectionEvent, at: number): Result<z.output<typeof collectionEventSchema>, PortfolioError> {
  return parseInput(collectionEventSchema, raw, ['events', at]);
}

/**
 * The classifier fed one invoice (and one event) at a time, so a caller that
 * reads a portfolio page by page holds the panels' totals and ids, never the
 * invoices themselves. {@link classifyPortfolio} is this over two lists.
 * Each item is parsed as it comes; a bad one is an `invalid_input` error with
 * its path (`invoices[3].dueDate`), and the classifier stays usable.
 */
export class PortfolioClassifier {
  private invoiceIndex = 0;
  private eventIndex = 0;

  private constructor(private readonly board: PanelBoard) {}

  /** A classifier as of a day, forwarding after `forwardAfterDays` days overdue (see {@link panelsOf}). */
  static create(input: Omit<ClassifyPortfolioInput, 'invoices' | 'events'>, options: { readonly calendar?: BusinessCalendar } = {}): Result<PortfolioClassifier, PortfolioError> {
    return PanelBoard.create(input, options).map((board) => new PortfolioClassifier(board));
  }

  /** Adds one invoice to its panels and the charts; a bad one is an error and changes nothing. */
  addInvoice(raw: ClassifierInvoice): PortfolioError | undefined {
    const parsed = parseClassifierInvoice(raw, this.invoiceIndex++);
    if (parsed.isErr()) return parsed.error;
    this.board.addParsed(parsed.value);
    return undefined;
  }

  /** Adds one collection event to the charts; a bad one is an error and changes nothing. */
  addEvent(raw: CollectionEvent): PortfolioError | undefined {
    const parsed = parseCollectionEvent(raw, this.eventIndex++);
    if (parsed.isErr()) return parsed.error;
    this.board.addParsedEvent(parsed.value);
    return undefined;
  }

  /** The panels and charts of everything added so far. */
  result(): Result<PortfolioClassification, PortfolioError> {
    return this.board.result();
  }
}

/**
 * Sorts a portfolio into the collection panels of seed 004 (which runs it
 * daily at 07:00 and on demand), with counts, customers and amounts, and the
 * chart series. One pass over the invoices and events; each item is parsed
 * (a bad one is an `invalid_input` error with its path, e.g. `invoices[3].dueDate`).
 * To classify a portfolio read page by page, feed a {@link PortfolioClassifier}.
 * @example
 * ```ts
 * import { classifyPortfolio } from 'cobranca/portfolio';
 * import { formatBrl } from 'cobranca/money';
 *
 * // Seed 004's 07:00 run: one invoice 45 days overdue (classified), one paid on time, one not yet due (in no panel).
 * const result = classifyPortfolio({
 *   asOf: '2026-11-24',
 *   forwardAfterDays: 30,
 *   invoices: [
 *     { id: 'f-101', customerId: 'c-1', dueDate: '2026-10-10', amount: '1234.56' },
 *     { id: 'f-102', customerId: 'c-1', dueDate: '2026-11-10', amount: '373.52', paidOn: '2026-11-12' },
 *     { id: 'f-201', customerId: 'c-2', dueDate: '2026-12-10', amount: '99.90' },
 *   ],
 * });
 * result.match(
 *   ({ panels }) => {
 *     for (const [name, panel] of Object.entries(panels)) if (panel.invoices > 0) console.log(name, panel.invoices, formatBrl(panel.amount));
 *   },
 *   (error) => console.error(error.code, error.path, error.message),
 * );
 * // → classified 1 R$ 1.234,56
 * ```
 */
export function classifyPortfolio(input: ClassifyPortfolioInput, options: { readonly calendar?: BusinessCalendar } = {}): Result<PortfolioClassification, PortfolioError> {
  if (typeof input !== 'object' || input === null) return fail('invalid_input', 'expected { asOf, forwardAfterDays, invoices, events }');
  const created = PortfolioClassifier.create({ asOf: input.asOf, forwardAfterDays: input.forwardAfterDays }, options);
  if (created.isErr()) return err(created.error);
  const classifier = created.value;
  if (!isIterable(input.invoices)) return fail('invalid_input', 'expected the invoices as a list (any iterable)', { path: ['invoices'] });
  if (input.events !== undefined && !isIterable(input.events)) return fail('invalid_input', 'expected the events as a list (any iterable)', { path: ['events'] });
  for (const raw of input.invoices) {
    const problem = classifier.addInvoice(raw);
    if (problem) return err(problem);
  }
  for (const raw of input.events ?? []) {
    const problem = classifier.addEvent(raw);
    if (problem) return err(problem);
  }
  return classifier.result();
}
