import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { requireAccount, saveAccount } from './account-store.js';

/** Input of {@link confirmCollection}. */
export const confirmCollectionSchema = commandBaseSchema.extend({ customerId: z.string().min(1) });

/**
 * Seed 004 "Confirmar início ao processo de cobrança": the operator confirms
 * the account; it leaves the "in contact" panel for "awaiting negotiation".
 */
export function confirmCollection(context: AppContext) {
  return (input: InputOf<typeof confirmCollectionSchema>) =>
    runCommand(context, 'confirmCollection', confirmCollectionSchema, input, async (tx, cmd) => {
      const account = await requireAccount(tx, cmd.customerId);
      if (account.status !== 'pending') abort(cobrancaError('invalid_state', `the collection account is ${account.status}, not pending confirmation`, { path: ['customerId'] }));
      const next = await saveAccount(tx, account, { status: 'confirmed', confirmedOn: context.today() });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'account', subjectId: account.id, action: 'collection_confirmed' });
      return next;
    });
}
