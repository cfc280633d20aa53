/**
 * The nine statuses of a negativation (seed 000), in lifecycle order.
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

/** Statuses no event leaves: the negativation is over. */
export const FINAL_STATUSES: readonly NegativationStatus[] = ['recovered', 'cancelled'];

/** Whether no further event applies to a negativation in this status. */
export function isFinalStatus(status: NegativationStatus): boolean {
  return status === 'recovered' || status === 'cancelled';
}

/**
 * How a negativation was requested. The first three are seed 000's three ways
 * (the Negativação menu, the "Negativar" option when the invoice is created,
 * the invoice's details); `automatic` is seed 002's scheduled automatic registration.
 */
export const REQUEST_ORIGINS = ['negativation_menu', 'invoice_creation', 'invoice_details', 'automatic'] as const;

/** One of {@link REQUEST_ORIGINS}. */
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];
