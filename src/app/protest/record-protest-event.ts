import * as z from 'zod';
import { protestEventSchema } from '../../protest/index.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { AppContext } from '../dependencies.js';
import { applyProtestEvent, requireProtest } from './protest-store.js';

/** The events a host reports: the notary's (protocol, notices, payment at the notary, protest, cancellation, withdrawal, return) and the creditor's own (letter of consent, cancellation or withdrawal asked). */
const REPORTABLE = protestEventSchema.options.filter((option) => option.shape.type.value !== 'request' && option.shape.type.value !== 'payment_received');

/** Input of {@link recordProtestEvent}: the protest and one event without its actor (the command's actor is used). */
export const recordProtestEventSchema = commandBaseSchema
  .extend({
    protestId: z.string().min(1),
    /** The event as `transitionProtest` reads it, without `actor`; `on` defaults to today. */
    event: z.looseObject({ type: z.string() }),
  })
  .strict();

/**
 * Records what the notary reported or what the creditor did about a protest
 * (see the protest module's events). Payments to the creditor come through
 * `recordPayment`, which tells the protests of the invoice. Guards apply: a
 * protest reported without a valid notice is refused (`guard_failed`) and
 * nothing is written.
 * @example
 * ```ts
 * import { brazilianCalendar, createCollections } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';
 *
 * const clock = manualClock('2026-11-24T10:00:00-03:00');
 * const built = createCollections({
 *   store: new MemoryStore(), bureau: fakeBureau(), notifier: recordingNotifier(), rates: staticRates(), ids: sequentialIds(),
 *   clock, calendar: brazilianCalendar({ state: 'SP' }),
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   ruler: { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] },
 * });
 * if (built.isErr()) throw new Error(built.error.message);
 * const app = built.value;
 * await app.upsertCustomers({ idempotencyKey: 'crm-1', actor: 'crm', customers: [{ id: 'c-1', name: 'Maria Souza', taxId: '529.982.247-25', kind: 'person', email: 'maria.souza@exemplo.com.br',
 *   address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } }] });
 * await app.upsertInvoices({ idempotencyKey: 'erp-1', actor: 'erp', invoices: [{ id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' }] });
 * await app.requestProtest({ idempotencyKey: 'protest-inv-1', actor: 'operator.ana', invoiceId: 'inv-1' });
 * const protocolled = await app.recordProtestEvent({ idempotencyKey: 'cartorio-1', actor: 'cartorio', protestId: 'protest-1', event: { type: 'protocolled', protocolNumber: 'SP-2026-77' } });
 * if (protocolled.isOk()) console.log(protocolled.value.status);
 * const early = await app.recordProtestEvent({ idempotencyKey: 'cartorio-2', actor: 'cartorio', protestId: 'protest-1', event: { type: 'protest_registered' } });
 * if (early.isErr()) console.log(early.error.code); // the notary must notify the debtor first: nothing written
 * // → protocolled
 * // → illegal_transition
 * ```
 */
export function recordProtestEvent(context: AppContext) {
  return (input: InputOf<typeof recordProtestEventSchema>) =>
    runCommand(context, 'recordProtestEvent', recordProtestEventSchema, input, async (tx, cmd) => {
      if (!REPORTABLE.some((option) => option.shape.type.value === cmd.event.type)) {
        abort(cobrancaError('invalid_input', `'${cmd.event.type}' is not an event to report here (requests use requestProtest, payments recordPayment)`, { path: ['event', 'type'] }));
      }
      const record = await requireProtest(tx, cmd.protestId);
      return applyProtestEvent(tx, context, record, { on: context.today(), at: context.nowIso(), ...(cmd.event as object), actor: cmd.actor } as never);
    });
}
