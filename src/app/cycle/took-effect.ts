import type { ActionLogEntry, OutboxEffect, StoreTransaction } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { TOOK_EFFECT } from './portfolio.js';

/** The kinds of ruler effect whose performing is itself a fact the ruler follows up (`restore_service` waits for a cut that took effect). */
export const FOLLOWED_UP_KINDS: readonly string[] = ['suspend_service', 'reduce_service'];

function tookEffectEntry(context: AppContext, effect: OutboxEffect): ActionLogEntry | undefined {
  const { invoiceId, customerId, stepId } = effect.payload as { invoiceId?: unknown; customerId?: unknown; stepId?: unknown };
  if (typeof invoiceId !== 'string' || typeof customerId !== 'string' || typeof stepId !== 'string') return undefined;
  return { key: `${effect.key}:took-effect`, invoiceId, customerId, stepId: `${stepId}#took-effect`, action: `${TOOK_EFFECT}${effect.kind}`, on: context.today(), at: context.nowIso() };
}

/**
 * Records in the action log that a ruler effect took effect (the host
 * performed it), on the day it did: follow-ups of that action count from this
 * fact, never from the request. Idempotent by the effect's key. Runs in `tx`
 * when given (the host settling the effect), else in a transaction of its own.
 */
export async function recordTookEffect(context: AppContext, effect: OutboxEffect, tx?: StoreTransaction): Promise<void> {
  const entry = tookEffectEntry(context, effect);
  if (!entry) return;
  if (tx) await tx.actionLog.record(entry);
  else await context.store.transaction((own) => own.actionLog.record(entry));
}
