import type { OutboxEffect } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { TOOK_EFFECT } from './portfolio.js';

/**
 * Records in the action log that a ruler effect took effect (the host's
 * handler performed it), on the day it did: follow-ups of that action count
 * from this fact, never from the request. Idempotent by the effect's key.
 */
export async function recordTookEffect(context: AppContext, effect: OutboxEffect): Promise<void> {
  const { invoiceId, customerId, stepId } = effect.payload as { invoiceId?: unknown; customerId?: unknown; stepId?: unknown };
  if (typeof invoiceId !== 'string' || typeof customerId !== 'string' || typeof stepId !== 'string') return;
  await context.store.transaction((tx) =>
    tx.actionLog.record({ key: `${effect.key}:took-effect`, invoiceId, customerId, stepId: `${stepId}#took-effect`, action: `${TOOK_EFFECT}${effect.kind}`, on: context.today(), at: context.nowIso() }),
  );
}
