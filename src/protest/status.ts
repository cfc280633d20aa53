/**
 * The statuses of a protest (Lei 9.492/1997), in lifecycle order. The notary
 * (cartório de protesto) acts; the creditor's side records what it reports.
 */
export const PROTEST_STATUSES = [
  'requested',
  'protocolled',
  'notified',
  'paid_at_notary',
  'protested',
  'paid',
  'awaiting_cancellation',
  'cancelled',
  'withdrawing',
  'withdrawn',
  'returned',
] as const;

/** One of {@link PROTEST_STATUSES}. */
export type ProtestStatus = (typeof PROTEST_STATUSES)[number];

/** The pt-BR label of each status, as a notary's or a collection system's screen shows it. */
export const PROTEST_STATUS_LABELS: Readonly<Record<ProtestStatus, string>> = {
  requested: 'Enviado ao cartório',
  protocolled: 'Protocolado',
  notified: 'Intimado',
  paid_at_notary: 'Pago em cartório',
  protested: 'Protestado',
  paid: 'Pago após o protesto',
  awaiting_cancellation: 'Aguardando cancelamento',
  cancelled: 'Protesto cancelado',
  withdrawing: 'Desistência solicitada',
  withdrawn: 'Retirado',
  returned: 'Devolvido pelo cartório',
};

const FINAL: ReadonlySet<ProtestStatus> = new Set(['paid_at_notary', 'cancelled', 'withdrawn', 'returned']);

/**
 * Whether no further event applies to a protest in this status.
 * @example
 * ```ts
 * import { isFinalProtestStatus } from 'cobranca/protest';
 *
 * console.log(isFinalProtestStatus('cancelled'), isFinalProtestStatus('protested')); // → true false
 * ```
 */
export function isFinalProtestStatus(status: ProtestStatus): boolean {
  return FINAL.has(status);
}

/**
 * Whether the notary holds a registered protest: protested and not cancelled yet (the "protested" panel).
 * @example
 * ```ts
 * import { isProtestStanding } from 'cobranca/protest';
 *
 * // A protest stands (the debtor is protested) until it is cancelled.
 * console.log(isProtestStanding('protested'), isProtestStanding('cancelled')); // → true false
 * ```
 */
export function isProtestStanding(status: ProtestStatus): boolean {
  return status === 'protested' || status === 'paid' || status === 'awaiting_cancellation';
}

/**
 * Whether a protest still occupies its (debtor, creditor, title) key for the duplicate guard.
 * @example
 * ```ts
 * import { protestOccupiesKey } from 'cobranca/protest';
 *
 * // While one protest of a title is open, a second one is refused.
 * console.log(protestOccupiesKey('protocolled'), protestOccupiesKey('withdrawn')); // → true false
 * ```
 */
export function protestOccupiesKey(status: ProtestStatus): boolean {
  return status !== 'withdrawn' && status !== 'returned' && status !== 'cancelled' && status !== 'paid_at_notary';
}
