export {
  NEGATIVATION_STATUSES,
  NEGATIVATION_STATUS_LABELS,
  FINAL_STATUSES,
  type NegativationStatus,
  isFinalStatus,
  occupiesKey,
} from '../lifecycle/index.js';

/**
 * How a negativation was requested. The first three are seed 000's three ways
 * (the Negativação menu, the "Negativar" option when the invoice is created,
 * the invoice's details); `automatic` is seed 002's scheduled automatic registration.
 */
export const REQUEST_ORIGINS = ['negativation_menu', 'invoice_creation', 'invoice_details', 'automatic'] as const;

/** One of {@link REQUEST_ORIGINS}. */
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];
