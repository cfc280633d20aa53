import * as z from 'zod';
import type { StoreTransaction } from '../../ports/index.js';
import { REQUEST_ORIGINS, startNegativation } from '../../negativation/index.js';
import { cobrancaError } from '../../errors.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { debtorOf, existingOf, titleOf } from './debtor-of.js';
import { enqueueNegativationEffects, newNegativationRecord } from './negativation-store.js';

/** Input of {@link requestNegativation}. */
export const requestNegativationSchema = commandBaseSchema.extend({
  invoiceId: z.string().min(1),
  /** Seed 000's three ways (menu, the invoice's "Negativar" flag at creation, the invoice's details) or the automatic one (seed 002). */
  origin: z.enum(REQUEST_ORIGINS).default('negativation_menu'),
  /** The bureau, when not the configured one. */
  bureau: z.string().min(1).optional(),
  reason: z.string().max(2000).optional(),
});

/** Input of {@link requestNegativation} as the host writes it. */
export type RequestNegativationInput = z.input<typeof requestNegativationSchema>;

/**
 * Requests the registration of an invoice at a bureau, through every legal
 * guard of the negativation module (debtor data, duplicates, minimum amount and
 * days, age limit, prescription, paid, agreement, dispute). Refused requests
 * are `guard_failed` with the list of what is wrong (missing debtor data field
 * by field); nothing is written.
 */
export function requestNegativation(context: AppContext) {
  return (input: unknown) =>
    runCommand(context, 'requestNegativation', requestNegativationSchema, input, async (tx, cmd) => startRequest(tx, context, cmd));
}

/** The request inside a transaction (shared with the daily cycle's automatic requests). */
export async function startRequest(tx: StoreTransaction, context: AppContext, cmd: z.output<typeof requestNegativationSchema>) {
  const invoice = await tx.invoices.get(cmd.invoiceId);
  if (!invoice) abort(notFound('invoice', cmd.invoiceId, ['invoiceId']));
  if (invoice.status !== 'open') {
    // Paid, cancelled (e.g. replaced by an agreement), suspended or deleted: there is no debt to register.
    abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is ${invoice.status}; only an open debt can be registered`, { path: ['invoiceId'] }));
  }
  const customer = await tx.customers.get(invoice.customerId);
  if (!customer) abort(notFound('customer', invoice.customerId, ['invoiceId']));
  const agreement = invoice.agreementId ? await tx.agreements.get(invoice.agreementId) : undefined;
  const existing = await tx.negativations.list({ customerId: customer.id });
  const { policies } = context;
  const started = startNegativation({
    id: context.ids.next('negativation'),
    origin: cmd.origin,
    bureau: cmd.bureau ?? policies.bureauName,
    creditor: policies.creditor,
    debtor: debtorOf(customer),
    title: titleOf(invoice, agreement?.status === 'active'),
    settings: policies.negativationSettings(invoice.branchId),
    existing: existingOf(existing),
    on: context.today(),
    actor: cmd.actor,
    at: context.nowIso(),
    ...(cmd.reason ? { reason: cmd.reason } : {}),
  });
  if (started.isErr()) abort(started.error);
  const { negativation, effects } = started.value;
  const record = newNegativationRecord(negativation, customer.id);
  await tx.negativations.insert(record);
  await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'negativation', subjectId: record.id, action: 'negativation_requested', details: { origin: cmd.origin, invoiceId: invoice.id } });
  await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: 'negativation_requested', details: { negativationId: record.id, origin: cmd.origin } });
  await enqueueNegativationEffects(tx, context, negativation, customer.id, effects);
  return record;
}
