import * as z from 'zod';
import { maskPersonalData } from '../../documents/index.js';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { OutboxEffect } from '../../ports/index.js';
import { recordAudit } from '../audit.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { FOLLOWED_UP_KINDS, recordTookEffect } from '../cycle/took-effect.js';
import type { AppContext } from '../dependencies.js';

/** Input of {@link settleEffect}: which effect (by its key), and whether the host performed it or gave up on it (with why). */
export const settleEffectSchema = commandBaseSchema
  .extend({
    effectKey: z.string().min(1).max(500),
    outcome: z.enum(['done', 'failed']),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((input) => input.outcome === 'done' || input.reason !== undefined, { message: 'say why the effect failed', path: ['reason'] });

/**
 * For a host that performs its own kinds of effect by polling
 * `pendingEffects` (no handler given to `createCollections`): it tells, by the
 * effect's key, that it performed the effect (`done`) or gave up on it
 * (`failed`, with a reason). A `suspend_service` or `reduce_service` settled
 * `done` is recorded as having taken effect that day, so the ruler's
 * `restore_service` follows it as it follows a handler's. Settling an effect
 * again with the same outcome answers it as it is and changes nothing; an
 * effect settled otherwise, cancelled, or claimed at this moment by a worker
 * of the daily cycle is `invalid_state`; an unknown key is `not_found`.
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
 * // Registration approved: the cycle asks the host for an updated boleto and a portal banner (no handler given, so they wait).
 * await app.requestNegativation({ idempotencyKey: 'neg-1', actor: 'operator.ana', invoiceId: 'inv-1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
 * await app.runDailyCycle();
 * const pending = await app.pendingEffects();
 * for (const effect of pending.isOk() ? pending.value : []) {
 *   const settled = await app.settleEffect({ idempotencyKey: `host-${effect.key}`, actor: 'erp', effectKey: effect.key, outcome: 'done' });
 *   if (settled.isOk()) console.log(settled.value.kind, settled.value.status);
 * }
 * // → issue_updated_invoice done
 * // → portal_banner done
 * ```
 */
export function settleEffect(context: AppContext) {
  return (input: InputOf<typeof settleEffectSchema>) =>
    runCommand(context, 'settleEffect', settleEffectSchema, input, async (tx, cmd): Promise<OutboxEffect> => {
      const effect = await tx.outbox.byKey(cmd.effectKey);
      if (!effect) abort(notFound('effect', cmd.effectKey, ['effectKey']));
      if (effect.status === cmd.outcome) return effect;
      if (effect.status !== 'pending') abort(cobrancaError('invalid_state', `effect '${cmd.effectKey}' is ${effect.status}; only a pending effect can be settled`, { path: ['effectKey'] }));
      const now = context.nowIso();
      if (effect.claimedBy !== undefined && effect.claimedUntil !== undefined && effect.claimedUntil > now) {
        abort(cobrancaError('invalid_state', `effect '${cmd.effectKey}' is being performed by worker '${effect.claimedBy}' until ${effect.claimedUntil}`, { path: ['effectKey'] }));
      }
      const lastError = cmd.reason === undefined ? undefined : maskPersonalData(cmd.reason);
      const settled: OutboxEffect = cmd.outcome === 'done'
        ? { ...effect, status: 'done', attempts: effect.attempts + 1, doneAt: now }
        : { ...effect, status: 'failed', attempts: effect.attempts + 1, ...(lastError === undefined ? {} : { lastError }) };
      await tx.outbox.settle(effect.id, { status: settled.status, attempts: settled.attempts, ...(settled.doneAt === undefined ? {} : { doneAt: settled.doneAt }), ...(lastError === undefined ? {} : { lastError }) });
      if (cmd.outcome === 'done' && FOLLOWED_UP_KINDS.includes(effect.kind)) await recordTookEffect(context, effect, tx);
      const invoiceId = typeof effect.payload['invoiceId'] === 'string' ? effect.payload['invoiceId'] : undefined;
      await recordAudit(tx, context, {
        actor: cmd.actor,
        subjectType: invoiceId === undefined ? 'cycle' : 'invoice',
        subjectId: invoiceId ?? effect.key,
        action: cmd.outcome === 'done' ? 'effect_performed_by_host' : 'effect_failed_at_host',
        details: { effectKey: effect.key, kind: effect.kind, ...(lastError === undefined ? {} : { reason: lastError }) },
      });
      const { claimedBy: _owner, claimedUntil: _until, ...released } = settled;
      return released;
    });
}
