import { addDays, type CivilDate } from '../../calendar/index.js';
import type { CobrancaError } from '../../errors.js';
import type { InvoiceRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import type { RequestAuthorization } from '../negativation/request-negativation.js';
import type { SubjectSettings } from '../settings/subject-settings.js';
import { readAheadRequests, requestAutomatically, type AutomaticRequestOutcome } from './automatic-negativation.js';
import { occupiesKey } from '../../lifecycle/index.js';
import { statusOfRecord } from '../negativation/negativation-store.js';
import { OutcomeList, type CycleOutcome, type OutcomeListing } from './outcome-listing.js';

/** What the automatic-request pass did. Its lists hold the first `listOutcomes` of each kind (1,000 by default); `totals` counts them all. */
export interface AutomaticRequestReport {
  /** Every outcome counted, whatever the lists hold. */
  readonly totals: { readonly requested: number; readonly waiting: number; readonly refused: number };
  /** Requests made: the invoice's "Negativar" flag (seed 000) or the branch's automatic registration (seed 002). */
  readonly requested: readonly { readonly invoiceId: string; readonly origin: 'invoice_creation' | 'automatic' }[];
  /** Requests a guard that heals holds back (time, or missing debtor data): asked again in later cycles. */
  readonly waiting: readonly { readonly invoiceId: string; readonly waiting: Extract<AutomaticRequestOutcome, { status: 'waiting' }> }[];
  /** Requests refused for good (logged once; an operator is alerted). */
  readonly refused: readonly { readonly invoiceId: string; readonly error: CobrancaError }[];
}

/**
 * The day automatic registration is asked for (seed 002 "Dias para executar"):
 * `daysToRegister` after the due date, or `minimumDaysOverdue` when it is not set.
 */
export function automaticRegistrationDay(settings: SubjectSettings, dueDate: CivilDate): CivilDate {
  return addDays(dueDate, settings.values.daysToRegister ?? settings.values.minimumDaysOverdue);
}

/** Whether the subject's ruler asks for registrations itself (then automatic registration is its `negativate` step, not this pass). */
function rulerNegativates(settings: SubjectSettings): boolean {
  // An indexed loop, not `steps.some`: the ruler is frozen, and on Node 20 Array builtins take V8's slow path on frozen
  // arrays (~1 µs a call here, asked for every invoice a due page holds).
  const steps = settings.ruler.steps;
  for (let i = 0; i < steps.length; i++) if (steps[i]?.action.kind === 'negativate') return true;
  return false;
}

/**
 * The next day this pass can ask for an invoice's registration without a
 * write (for the wake index), after it ran today: its registration day while
 * that is to come, tomorrow while a request waits (`waited`), otherwise none
 * (a request made or refused is logged; an agreement, a payment or a
 * registration that ends is a write).
 */
export function automaticRequestWakeDay(context: AppContext, invoice: InvoiceRecord, today: CivilDate, waited: boolean): CivilDate | undefined {
  if (invoice.status !== 'open' || invoice.installment !== undefined) return undefined;
  const settings = context.policies.settingsFor(invoice.branchId, invoice.contractId);
  if (invoice.negativate !== true && !(settings.values.registerAutomatically && !rulerNegativates(settings))) return undefined;
  const day = automaticRegistrationDay(settings, invoice.dueDate);
  if (today < day) return day;
  return waited ? addDays(today, 1) : undefined;
}

function candidate(context: AppContext, invoice: InvoiceRecord, today: CivilDate): { origin: 'invoice_creation' | 'automatic'; authorization: RequestAuthorization } | undefined {
  if (invoice.status !== 'open' || invoice.installment !== undefined) return undefined;
  const settings = context.policies.settingsFor(invoice.branchId, invoice.contractId);
  if (today < automaticRegistrationDay(settings, invoice.dueDate)) return undefined;
  if (invoice.negativate === true) return { origin: 'invoice_creation', authorization: { kind: 'setting', setting: 'invoice.negativate', path: ['invoices', invoice.id, 'negativate'] } };
  if (settings.values.registerAutomatically && !rulerNegativates(settings)) {
    return { origin: 'automatic', authorization: { kind: 'setting', setting: 'registerAutomatically', path: settings.pathOf('registerAutomatically') } };
  }
  return undefined;
}

/** The action-log key of the automatic request of an invoice. */
function requestKey(invoice: InvoiceRecord): string {
  return `automatic-negativation:${invoice.id}`;
}

/**
 * Requests the registrations no ruler step asks for, page by page of the
 * cycle's one stream: invoices created with seed 000's "Negativar" flag, and,
 * where registration is automatic (seed 002) and the subject's ruler has no
 * `negativate` step, every open invoice from its registration day on. Each goes
 * through every guard; a request that must wait is asked again next cycle, a
 * final refusal is logged once with one alert.
 */
export class AutomaticRequests {
  private readonly requested: OutcomeList<Extract<CycleOutcome, { type: 'registration.requested' }>>;
  private readonly waiting: OutcomeList<Extract<CycleOutcome, { type: 'registration.waiting' }>>;
  private readonly refused: OutcomeList<Extract<CycleOutcome, { type: 'registration.refused' }>>;

  constructor(
    private readonly context: AppContext,
    private readonly today: CivilDate,
    listing: OutcomeListing,
  ) {
    this.requested = new OutcomeList('registration.requested', listing);
    this.waiting = new OutcomeList('registration.waiting', listing);
    this.refused = new OutcomeList('registration.refused', listing);
  }

  /** What the pass did so far. */
  get report(): AutomaticRequestReport {
    const { requested, waiting, refused } = this;
    return { totals: { requested: requested.total, waiting: waiting.total, refused: refused.total }, requested: requested.listed, waiting: waiting.listed, refused: refused.listed };
  }

  /** Requests what one page of invoices calls for (its decisive state read for the whole page at once, in one transaction); returns the ids of the invoices whose request waits. */
  async page(page: readonly InvoiceRecord[]): Promise<ReadonlySet<string>> {
    const { context, today } = this;
    const candidates = page.flatMap((invoice) => {
      const found = candidate(context, invoice, today);
      return found ? [{ invoice, ...found }] : [];
    });
    const waiting = new Set<string>();
    if (candidates.length === 0) return waiting;
    await context.store.transaction(async (tx) => {
      // What decides whether to ask, read for the whole page at once (no query per candidate); fresh, after the ruler's writes.
      const ids = candidates.map(({ invoice }) => invoice.id);
      const agreementIds = candidates.flatMap(({ invoice }) => (invoice.agreementId === undefined ? [] : [invoice.agreementId]));
      const activeAgreements = new Set((agreementIds.length > 0 ? await tx.agreements.getMany(agreementIds) : []).filter((a) => a.status === 'active').map((a) => a.id));
      const open = new Set((await tx.invoices.getMany(ids)).filter((i) => i.status === 'open').map((i) => i.id));
      const live = new Set((await tx.negativations.listFor('invoiceId', ids)).filter((n) => occupiesKey(statusOfRecord(n))).map((n) => n.invoiceId));
      await readAheadRequests(tx, candidates.filter(({ invoice }) => open.has(invoice.id) && !live.has(invoice.id)).map(({ invoice }) => ({ key: requestKey(invoice), invoiceId: invoice.id, customerId: invoice.customerId })));
      for (const { invoice, origin, authorization } of candidates) {
        if (invoice.agreementId !== undefined && activeAgreements.has(invoice.agreementId)) continue;
        if (!open.has(invoice.id) || live.has(invoice.id)) continue;
        const key = requestKey(invoice);
        const outcome = await requestAutomatically(tx, context, { key, stepId: 'automatic-negativation', invoiceId: invoice.id, customerId: invoice.customerId, origin, authorization }, today);
        if (outcome.status === 'requested') this.requested.add({ invoiceId: invoice.id, origin });
        else if (outcome.status === 'waiting') {
          this.waiting.add({ invoiceId: invoice.id, waiting: outcome });
          waiting.add(invoice.id);
        }
        else if (outcome.status === 'refused') this.refused.add({ invoiceId: invoice.id, error: outcome.error });
      }
    });
    return waiting;
  }
}
