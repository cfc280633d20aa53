/**
 * Lifecycles several rooms share: the negativation statuses and the questions
 * asked of them, and the state diagram drawn from a transition table. Part of
 * the kernel: the domain modules and the application import it.
 * @module lifecycle
 */
export {
  NEGATIVATION_STATUSES,
  NEGATIVATION_STATUS_LABELS,
  NEGATIVATION_SIGNIFICANCE,
  FINAL_STATUSES,
  type NegativationStatus,
  type RegistrationState,
  isNegativationStatus,
  isFinalStatus,
  occupiesKey,
  isRemovalUnderWay,
  isLiftedAfterPayment,
  isRegistered,
  bySignificance,
} from './negativation-status.js';
export { stateDiagram, type DiagramRow } from './state-diagram.js';
