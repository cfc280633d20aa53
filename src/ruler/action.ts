import * as z from 'zod';

/** Channels a notify step can use (seed 004: e-mail, SMS, app message; plus WhatsApp and letter). */
export const NOTIFY_CHANNELS = ['email', 'sms', 'whatsapp', 'letter', 'push'] as const;

/** A notification channel. */
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

const templateSchema = z.string().trim().min(1).max(200);

/**
 * What a ruler step does (docs/legal.md §4). `notify` with `channel: 'default'`
 * uses the resolved setting `defaultContactType` (seed 002 "Tipo contato padrão").
 * `negativate` and `remove_negativation` are requests that the application
 * routes through the negativation module's guards; the ruler never decides
 * that a debtor is registered.
 */
export const rulerActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('notify'),
    channel: z.enum([...NOTIFY_CHANNELS, 'default']),
    template: templateSchema,
    /** Optional text (checked against the SMS limits when the channel is SMS). */
    text: z.string().max(10_000).optional(),
  }),
  z.object({ kind: z.literal('forward_to_collections') }),
  z.object({ kind: z.literal('negativate'), bureau: z.string().trim().min(1).max(100).optional() }),
  z.object({ kind: z.literal('protest') }),
  z.object({ kind: z.literal('suspend_service') }),
  z.object({ kind: z.literal('reduce_service') }),
  z.object({ kind: z.literal('restore_service') }),
  z.object({ kind: z.literal('create_task'), title: z.string().trim().min(1).max(200), assignee: z.string().trim().min(1).max(200).optional() }),
  z.object({ kind: z.literal('remove_negativation') }),
]);

/** A parsed ruler action. */
export type RulerAction = z.output<typeof rulerActionSchema>;

/** The kind of an action. */
export type RulerActionKind = RulerAction['kind'];

/**
 * Actions that run when an invoice is settled (paid or covered by an
 * agreement) instead of while it is open: their offset counts days after settlement.
 * @example
 * ```ts
 * import { isSettlementAction } from 'cobranca/ruler';
 *
 * // Their offset counts days after the invoice is settled, not after its due date.
 * console.log(isSettlementAction('remove_negativation'), isSettlementAction('restore_service'), isSettlementAction('notify'));
 * // → true true false
 * ```
 */
export function isSettlementAction(kind: RulerActionKind): boolean {
  return kind === 'restore_service' || kind === 'remove_negativation';
}

/**
 * The "channel" of an action, used for same-day conflicts and for catch-up
 * supersession: a notify step's channel (`notify:sms`), otherwise its kind.
 * @example
 * ```ts
 * import { actionChannel, rulerActionSchema } from 'cobranca/ruler';
 *
 * const sms = rulerActionSchema.parse({ kind: 'notify', channel: 'sms', template: 'atraso', text: 'ACME: sua fatura venceu.' });
 * const suspend = rulerActionSchema.parse({ kind: 'suspend_service' });
 * console.log(actionChannel(sms), actionChannel(suspend)); // two steps of one channel on one day conflict
 * // → notify:sms suspend_service
 * ```
 */
export function actionChannel(action: RulerAction, defaultChannel: NotifyChannel | 'default' = 'email'): string {
  if (action.kind === 'notify') return `notify:${action.channel === 'default' ? defaultChannel : action.channel}`;
  return action.kind;
}
