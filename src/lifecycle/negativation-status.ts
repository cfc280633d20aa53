/**
 * The nine statuses of a negativation (seed 000), in lifecycle order, and the
 * questions every room asks of them. The negativation module, the ruler and
 * the application all read this one list (the ruler may not import the
 * negativation module, so the list lives in the kernel).
 * `processing` includes the prior-notice period (CDC art. 43 §2).
 */
export const NEGATIVATION_STATUSES = [
  'in_analysis',
  'processing',
  'awaiting_return',
  'negativated',
  'recovering',
  'recovered',
  'cancelling',
  'cancelled',
  'failed',
] as const;

/** One of {@link NEGATIVATION_STATUSES}. */
export type NegativationStatus = (typeof NEGATIVATION_STATUSES)[number];

/** The pt-BR label of each status, as seed 000 shows them. */
export const NEGATIVATION_STATUS_LABELS: Readonly<Record<NegativationStatus, string>> = {
  in_analysis: 'Em análise',
  processing: 'Processando',
  awaiting_return: 'Aguardando retorno',
  negativated: 'Negativado',
  recovering: 'Recuperando',
  recovered: 'Recuperado',
  cancelling: 'Cancelando',
  cancelled: 'Cancelado',
  failed: 'Falha',
};

const STATUS_SET: ReadonlySet<string> = new Set(NEGATIVATION_STATUSES);

/** Whether a value is one of {@link NEGATIVATION_STATUSES}. */
export function isNegativationStatus(value: unknown): value is NegativationStatus {
  return typeof value === 'string' && STATUS_SET.has(value);
}

/** Statuses no event leaves: the negativation is over. */
export const FINAL_STATUSES: readonly NegativationStatus[] = ['recovered', 'cancelled'];

/**
 * Whether no further event applies to a negativation in this status.
 * @example
 * ```ts
 * import { NEGATIVATION_STATUSES, isFinalStatus } from 'cobranca/negativation';
 *
 * console.log(NEGATIVATION_STATUSES.filter(isFinalStatus));
 * // → [ 'recovered', 'cancelled' ]
 * ```
 */
export function isFinalStatus(status: NegativationStatus): boolean {
  return status === 'recovered' || status === 'cancelled';
}

/**
 * Whether a negativation in this status still occupies its key (debtor,
 * creditor, title, bureau): every status but the final ones. A new request
 * for the same key would duplicate it (docs/legal.md §3).
 * @example
 * ```ts
 * import { occupiesKey } from 'cobranca/negativation';
 *
 * // A new request for the same debtor, creditor, title and bureau is a duplicate while the old one occupies the key.
 * console.log(occupiesKey('negativated'), occupiesKey('recovering'), occupiesKey('cancelled'));
 * // → true true false
 * ```
 */
export function occupiesKey(status: NegativationStatus): boolean {
  return !isFinalStatus(status);
}

/** Statuses in which a removal (or cancellation) was asked of the bureau and is not confirmed yet. */
export function isRemovalUnderWay(status: NegativationStatus): boolean {
  return status === 'recovering' || status === 'cancelling';
}

/** Statuses that mean the debt was settled and its registration is being, or was, lifted: no more dunning. */
export function isLiftedAfterPayment(status: NegativationStatus): boolean {
  return status === 'recovering' || status === 'recovered';
}

/** What {@link isRegistered} reads: the status, the day the bureau accepted, the day it confirmed the removal. */
export interface RegistrationState {
  readonly status: NegativationStatus;
  readonly registeredOn?: string | undefined;
  readonly removalConfirmedOn?: string | undefined;
}

/**
 * Whether the bureau holds the registration now: it took effect (the bureau
 * accepted it) and its removal is not confirmed. `negativated` and
 * `recovering` always hold one; `cancelling` and `failed` hold one only when
 * the bureau had accepted (`registeredOn`); the others never do. A settled
 * debt that is registered needs a removal (STJ Súmula 548).
 */
export function isRegistered(state: RegistrationState): boolean {
  if (state.removalConfirmedOn !== undefined) return false;
  switch (state.status) {
    case 'negativated':
    case 'recovering':
      return true;
    case 'cancelling':
    case 'failed':
      return state.registeredOn !== undefined;
    default:
      return false;
  }
}

/**
 * The statuses from most to least significant, to pick the one negativation
 * an invoice shows when it has several (registered first, final last).
 */
export const NEGATIVATION_SIGNIFICANCE: readonly NegativationStatus[] = [
  'negativated',
  'awaiting_return',
  'recovering',
  'cancelling',
  'processing',
  'in_analysis',
  'failed',
  'recovered',
  'cancelled',
];

const RANK: ReadonlyMap<string, number> = new Map(NEGATIVATION_SIGNIFICANCE.map((status, index) => [status, index]));

/** Orders two statuses by {@link NEGATIVATION_SIGNIFICANCE} (for `Array.prototype.sort`); unknown statuses sort last. */
export function bySignificance(a: string, b: string): number {
  return (RANK.get(a) ?? RANK.size) - (RANK.get(b) ?? RANK.size);
}
