import { fromEpochDay, type CivilDate } from '../calendar/index.js';
import { fromCents, type Money } from '../money/index.js';
import type { RulerAction } from './action.js';
import type { ContactMoment, DeferredAction, DueAction, SkippedStep, SkipReason } from './outcome.js';
import type { PlannedStep } from './plan.js';

/** What every outcome of one evaluation shares: read once, referenced by each record. */
export interface OutcomeTable {
  readonly rulerId: string;
  /** `<length>:<ruler id>|`, the start of every idempotency key of this ruler. */
  readonly keyPrefix: string;
  readonly nextContact: ContactMoment;
  /** Civil dates of epoch days already rendered (a handful per evaluation). */
  readonly dayTexts: Map<number, CivilDate>;
}

/** The idempotency key of an invoice-anchored step starts with `<ruler>|i|<invoice>|` (ids length-prefixed, so keys never collide). */
export function invoiceSubjectKey(keyPrefix: string, invoiceId: string): string {
  return `${keyPrefix}i|${invoiceId.length}:${invoiceId}|`;
}

/** The idempotency key prefix of a customer-anchored step: the customer and its anchor invoice. */
export function customerSubjectKey(keyPrefix: string, customerId: string, anchorInvoiceId: string): string {
  return `${keyPrefix}c|${customerId.length}:${customerId}|${anchorInvoiceId.length}:${anchorInvoiceId}|`;
}

/** The civil date of an epoch day, rendered once per evaluation. */
export function dayTextOf(table: OutcomeTable, day: number): CivilDate {
  let text = table.dayTexts.get(day);
  if (text === undefined) {
    text = fromEpochDay(day);
    table.dayTexts.set(day, text);
  }
  return text;
}

/**
 * The part every outcome record holds: a reference to the shared table, the
 * planned step, the invoice's and customer's ids (the anchor invoice, for a
 * customer subject; the strings are the invoice's own, not copies, and the
 * invoice object itself is not kept), the scheduled epoch day and the subject.
 * Everything else (the key, the date text) is derived when read, so holding an
 * outcome costs a few dozen bytes and computing one allocates nothing but the record.
 */
export abstract class OutcomeRecord {
  readonly #table: OutcomeTable;
  readonly #step: PlannedStep;
  readonly #invoiceId: string;
  readonly #customerId: string;
  readonly #day: number;
  readonly #customer: boolean;

  constructor(table: OutcomeTable, step: PlannedStep, invoiceId: string, customerId: string, day: number, customer: boolean) {
    this.#table = table;
    this.#step = step;
    this.#invoiceId = invoiceId;
    this.#customerId = customerId;
    this.#day = day;
    this.#customer = customer;
  }

  /** The idempotency key (built when read). */
  get key(): string {
    const table = this.#table;
    const prefix = this.#customer ? customerSubjectKey(table.keyPrefix, this.#customerId, this.#invoiceId) : invoiceSubjectKey(table.keyPrefix, this.#invoiceId);
    return prefix + this.#step.id;
  }

  get rulerId(): string {
    return this.#table.rulerId;
  }

  get stepId(): string {
    return this.#step.id;
  }

  get subject(): 'invoice' | 'customer' {
    return this.#customer ? 'customer' : 'invoice';
  }

  get invoiceId(): string {
    return this.#invoiceId;
  }

  get customerId(): string {
    return this.#customerId;
  }

  get scheduledFor(): CivilDate {
    return dayTextOf(this.#table, this.#day);
  }

  /** The planned step (internal: the action log reads it without building the key). */
  protected get plannedStep(): PlannedStep {
    return this.#step;
  }

  protected get table(): OutcomeTable {
    return this.#table;
  }
}

/** Whether a value is one of the evaluator's outcome records (so its parts can be read without building its key). */
export function isOutcomeRecord(value: unknown): value is OutcomeRecord {
  return value instanceof OutcomeRecord;
}

/** A due action as a compact record ({@link DueAction}); `toJSON()` gives the plain object. */
export class DueRecord extends OutcomeRecord implements DueAction {
  readonly #openCents: number;
  readonly #daysOverdue: number;

  constructor(table: OutcomeTable, step: PlannedStep, invoiceId: string, customerId: string, day: number, customer: boolean, openCents: number, daysOverdue: number) {
    super(table, step, invoiceId, customerId, day, customer);
    this.#openCents = openCents;
    this.#daysOverdue = daysOverdue;
  }

  get action(): RulerAction {
    return this.plannedStep.action;
  }

  get daysOverdue(): number {
    return this.#daysOverdue;
  }

  get openAmount(): Money {
    return fromCents(this.#openCents);
  }

  get handover(): 'negativation' | undefined {
    const kind = this.plannedStep.action.kind;
    return kind === 'negativate' || kind === 'remove_negativation' ? 'negativation' : undefined;
  }

  /** The action as a plain object (what `JSON.stringify` writes). */
  toJSON(): DueAction {
    const handover = this.handover;
    const plain = {
      key: this.key,
      rulerId: this.rulerId,
      stepId: this.stepId,
      action: this.action,
      subject: this.subject,
      invoiceId: this.invoiceId,
      customerId: this.customerId,
      scheduledFor: this.scheduledFor,
      daysOverdue: this.daysOverdue,
      openAmount: this.openAmount,
    };
    return handover === undefined ? plain : { ...plain, handover };
  }
}

/** A deferred contact as a compact record ({@link DeferredAction}): due, but run at `notBefore`. */
export class DeferredRecord extends DueRecord implements DeferredAction {
  get notBefore(): ContactMoment {
    return this.table.nextContact;
  }

  override toJSON(): DeferredAction {
    return { ...super.toJSON(), notBefore: this.notBefore };
  }
}

/** A skipped step as a compact record ({@link SkippedStep}). */
export class SkippedRecord extends OutcomeRecord implements SkippedStep {
  readonly #reason: SkipReason;
  readonly #by: PlannedStep | undefined;

  constructor(table: OutcomeTable, step: PlannedStep, invoiceId: string, customerId: string, day: number, customer: boolean, reason: SkipReason, by?: PlannedStep) {
    super(table, step, invoiceId, customerId, day, customer);
    this.#reason = reason;
    this.#by = by;
  }

  get reason(): SkipReason {
    return this.#reason;
  }

  get supersededBy(): string | undefined {
    return this.#by?.id;
  }

  /** The skipped step as a plain object (what `JSON.stringify` writes). */
  toJSON(): SkippedStep {
    const plain = { key: this.key, stepId: this.stepId, invoiceId: this.invoiceId, customerId: this.customerId, scheduledFor: this.scheduledFor, reason: this.reason };
    const by = this.supersededBy;
    return by === undefined ? plain : { ...plain, supersededBy: by };
  }
}
