/**
 * Negativation: registering a debt at a credit bureau, as a state machine with
 * its legal guards (CDC art. 43; STJ Súmulas 323, 359, 404, 548), deadlines and
 * reconciliation. Pure functions over plain, JSON-serialisable data.
 * Every function here checks its input; the unchecked internals (the transition
 * table, the guard objects, the trusted variants the daily cycle uses on data it
 * already parsed) are not part of the public surface.
 * @module negativation
 */
export { type NegativationErrorCode, type NegativationError } from './errors.js';
export {
  NEGATIVATION_STATUSES,
  NEGATIVATION_STATUS_LABELS,
  FINAL_STATUSES,
  REQUEST_ORIGINS,
  type NegativationStatus,
  type RequestOrigin,
  isFinalStatus,
  occupiesKey,
} from './status.js';
export {
  NOTICE_CHANNELS,
  NOTICE_MODES,
  type NoticeMode,
  DEFAULT_NEGATIVATION_SETTINGS,
  negativationSettingsSchema,
  negativationSettingsShape,
  type NoticeChannel,
  type NegativationSettings,
  type NegativationSettingsInput,
} from './settings.js';
export { debtorInputSchema, debtorDataProblems, type DebtorInput, type Debtor, type DebtorDataProblem } from './debtor.js';
export {
  type Negativation,
  type Creditor,
  type NegativatedTitle,
  type RegistrationGroup,
  type Notice,
  type PaymentRecord,
  type Settlement,
  type Removal,
  type HistoryEntry,
  isRegistered,
  negativationKey,
  keyOf,
} from './negativation.js';
export {
  negativationEventSchema,
  NEGATIVATION_EVENT_TYPES,
  type NegativationEvent,
  type NegativationEventInput,
  type NegativationEventType,
  type EventOfType,
} from './events.js';
export { parseNegativationEvent } from './parse-event.js';
export { parseNegativation, negativationSchema } from './negativation-schema.js';
export { type NegativationEffect, type NegativationEffectType, type RemovalReason, type OperatorAlert } from './effects.js';
export {
  type GuardFacts,
  type GuardName,
  type GuardViolation,
  type GuardStage,
  type GuardCatalogueEntry,
  NEGATIVATION_GUARDS,
  earliestSubmissionOn,
  noticeCountsFrom,
  type RefusalKind,
  type RefusalVerdict,
  refusalKindOfGuard,
  refusalVerdict,
} from './guards/index.js';
export { checkNegativationGuards, guardCheckInputSchema, type GuardCheckInput, type GuardReport } from './check-guards.js';
export { AGE_LIMIT_YEARS, ageLimitOn, submissionCutoffOn, prescriptionOn, registrationExpiresOn } from './dates.js';
export { REMOVAL_BUSINESS_DAYS, removalDeadline, removalAlarmOn } from './removal-deadline.js';
export { startNegativation, negativationRequestSchema, type NegativationRequestInput } from './start.js';
export { transition, defaultNegativationCalendar, type TransitionResult, type TransitionOptions } from './transition.js';
export {
  reconcile,
  type ReconcileOptions,
  type ReconciliationReport,
  type Critique,
  type DeadlineState,
  type AgeLimitFinding,
  type StuckSubmission,
  type PaidWhilePending,
} from './reconcile.js';
export { reconcileInvoiceSchema, type ReconcileInvoice, type ReconcileInvoiceInput } from './reconcile-invoice.js';
export { parseReconcileInvoices } from './parse-invoices.js';
export { negativationStateDiagram } from './diagram.js';
export { eventAppliesIn, eventsAllowedIn } from './transition-table.js';
