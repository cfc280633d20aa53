/**
 * The dunning ruler (régua de cobrança): ruler definition, settings
 * inheritance, an exactly-once evaluator, and the portfolio classifier into
 * the collection panels (docs/legal.md §4, seeds 002 and 004).
 * @module ruler
 */
export type { RulerErrorCode, RulerError } from './errors.js';
export { NOTIFY_CHANNELS, type NotifyChannel, rulerActionSchema, type RulerAction, type RulerActionKind, isSettlementAction, actionChannel } from './action.js';
export {
  MAX_STEP_OFFSET_DAYS,
  CUSTOMER_KINDS,
  type CustomerKind,
  stepConditionsSchema,
  type StepConditions,
  rulerStepSchema,
  type RulerStep,
  type RulerStepSpec,
} from './step.js';
export { rulerPolicySchema, rulerSpecSchema, type RulerSpec, type Ruler, defineRuler, isRuler } from './define-ruler.js';
export { type SmsLength, smsLength, checkSmsText } from './sms.js';
export { contactWindowSchema, type ContactWindow, DEFAULT_CONTACT_WINDOW, type LocalMoment, isInsideContactWindow, nextContactMoment } from './contact-window.js';
export {
  type SettingSource,
  type YesNoDefault,
  type RulerSettings,
  type SettingKey,
  DEFAULT_RULER_SETTINGS,
  settingsLevelSchema,
  rulerSettingsLevelShape,
  yesNoDefaultSchema,
  inheritable,
  type SettingsLevel,
  type ResolvedSettings,
  type ResolvedLevels,
  resolveLevels,
  overlayLevels,
  resolveSettings,
  isResolvedSettings,
} from './settings.js';
export { type AgreementState, type NegativationState, type AmountInput, type RulerInvoice } from './invoice.js';
export { type DisabledReason, type DisabledStep } from './plan.js';
export {
  type DueAction,
  type ContactMoment,
  type DeferredAction,
  type SkipReason,
  type SkippedStep,
  type RulerBatch,
  type RulerEvaluation,
  type OutcomeList,
  type CompactRulerEvaluation,
} from './outcome.js';
export { type ActionLog, type InvoiceSource, type EvaluateRulerInput, evaluateRuler, evaluateRulerCompact, evaluateRulerAsync, evaluateRulerInBatches, evaluateRulerInBatchesSync } from './evaluate.js';
export { RulerActionLog, rulerActionLog, type LoggableOutcome } from './action-log.js';
export { forwardAfterDaysOf } from './forward-days.js';
