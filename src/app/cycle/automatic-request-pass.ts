import type { CivilDate } from '../../calendar/index.js';
import type { CobrancaError } from '../../errors.js';
import { isDueForAutomaticRegistration } from '../../negativation/index.js';
import type { InvoiceRecord, StoreTransaction } from '../../ports/index.js';
import { attempt } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { startRequest } from '../negativation/request-negativation.js';
import { CYCLE_ACTOR } from './apply-action.js';
import { invoicePages } from './portfolio.js';

/** What the automatic-request pass did. */
export interface AutomaticRequestReport {
  /** Requests made: the invoice's "Negativar" flag (seed 000) or the branch's automatic registration (seed 002). */
  readonly requested: readonly { readonly invoiceId: string; readonly origin: 'invoice_creation' | 'automatic' }[];
  /** Requests the guards refused (logged once; an operator is alerted). */
  readonly refused: readonly { readonly invoiceId: string; readonly error: CobrancaError }[];
}

const LIVE = new Set(['in_analysis', 'processing', 'awaiting_return', 'negativated', 'recovering', 'cancelling', 'failed']);

function originOf(context: AppContext, invoice: InvoiceRecord, today: CivilDate): 'invoice_creation' | 'automatic' | undefined {
  if (invoice.status !== 'open' || invoice.installment !== undefined) return undefined;
  const settings = context.policies.negativationSettings(invoice.branchId);
  if (invoice.negativate === true && isDueForAutomaticRegistration({ ...settings, registerAutomatically: true }, invoice.dueDate, today)) return 'invoice_creation';
  if (isDueForAutomaticRegistration(settings, invoice.dueDate, today)) return 'automatic';
  return undefined;
}

async function request(tx: StoreTransaction, context: AppContext, invoice: InvoiceRecord, origin: 'invoice_creation' | 'automatic', today: CivilDate, report: { requested: AutomaticRequestReport['requested'][number][]; refused: AutomaticRequestReport['refused'][number][] }): Promise<void> {
  const current = await tx.invoices.get(invoice.id);
  if (!current || current.status !== 'open') return;
  if ((await tx.negativations.list({ invoiceId: invoice.id })).some((n) => LIVE.has(n.status))) return;
  const key = `automatic-negativation:${invoice.id}`;
  if (!(await tx.actionLog.record({ key, invoiceId: invoice.id, customerId: invoice.customerId, stepId: 'automatic-negativation', action: origin, on: today, at: context.nowIso() }))) return;
  const result = await attempt(() => startRequest(tx, context, { idempotencyKey: key, actor: CYCLE_ACTOR, invoiceId: invoice.id, origin }));
  if (result.ok) {
    report.requested.push({ invoiceId: invoice.id, origin });
    return;
  }
  report.refused.push({ invoiceId: invoice.id, error: result.error });
  await tx.outbox.enqueue({
    id: context.ids.next('effect'),
    key: `${key}:refused`,
    kind: 'alert_operator',
    payload: { alert: 'negativation_refused', invoiceId: invoice.id, customerId: invoice.customerId, message: result.error.message, details: result.error.details ?? {} },
    status: 'pending',
    attempts: 0,
    createdAt: context.nowIso(),
  });
}

/**
 * Requests the registrations no ruler step asks for: invoices created with seed
 * 000's "Negativar" flag, and, where the branch registers automatically (seed
 * 002), every open invoice once it is "days after due date" overdue. Each goes
 * through every guard; each invoice is tried once (the action log keeps it), so
 * a refusal alerts an operator once instead of every day.
 */
export async function automaticRequestPass(context: AppContext, today: CivilDate): Promise<AutomaticRequestReport> {
  const report = { requested: [] as AutomaticRequestReport['requested'][number][], refused: [] as AutomaticRequestReport['refused'][number][] };
  for await (const page of invoicePages(context)) {
    const candidates = page.flatMap((invoice) => {
      const origin = originOf(context, invoice, today);
      return origin ? [{ invoice, origin }] : [];
    });
    if (candidates.length === 0) continue;
    await context.store.transaction(async (tx) => {
      for (const { invoice, origin } of candidates) {
        if (invoice.agreementId !== undefined && (await tx.agreements.get(invoice.agreementId))?.status === 'active') continue;
        await request(tx, context, invoice, origin, today, report);
      }
    });
  }
  return report;
}
