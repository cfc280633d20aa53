import type { CivilDate } from '../../calendar/index.js';
import type { Money } from '../../money/index.js';
import type { ProtestRecord, StoreTransaction } from '../../ports/index.js';
import { protestEventsAllowedIn } from '../../protest/index.js';
import type { AppContext } from '../dependencies.js';
import { applyProtestEvent, protestOf } from './protest-store.js';

/**
 * Tells the live protests of a settled invoice that it was paid to the
 * creditor: before the protest the title is withdrawn (art. 16); after it the
 * letter of consent falls due (STJ Tema 725). Protests already over (paid at
 * the notary, cancelled, withdrawn, returned) are left as they are.
 */
export async function tellProtests(tx: StoreTransaction, context: AppContext, invoiceId: string, actor: string, payment: { amount: Money; paidOn: CivilDate; fundsAvailableOn: CivilDate }): Promise<ProtestRecord[]> {
  const moved: ProtestRecord[] = [];
  for (const record of await tx.protests.list({ invoiceId })) {
    if (!protestEventsAllowedIn(protestOf(record).status).includes('payment_received')) continue;
    moved.push(await applyProtestEvent(tx, context, record, { type: 'payment_received', on: context.today(), actor, at: context.nowIso(), amount: payment.amount, paidOn: payment.paidOn, fundsAvailableOn: payment.fundsAvailableOn }));
  }
  return moved;
}
