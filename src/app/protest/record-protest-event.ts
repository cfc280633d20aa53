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
