/**
 * The application layer: the collections use cases over the ports (the only place with I/O).
 * @module app
 */
export { createCollections, type Collections, type CollectionsOptions } from './collections.js';
export { type PolicyOptions, policyOptionsSchema } from './policies.js';
export { commandSchemas, type CommandName, type CommandInput, type ParsedCommand } from './command-schemas.js';
export { type EffectHandler, type OutboxPass } from './outbox.js';
export { type DailyCycleReport } from './cycle/run-daily-cycle.js';
export { type CycleOutcome, type OutcomeListener, DEFAULT_LISTED_OUTCOMES } from './cycle/outcome-listing.js';
export { type RulerPassReport, type RulerPassTotals } from './cycle/ruler-pass.js';
export { type AutomaticRequestReport } from './cycle/automatic-request-pass.js';
export { type NegativationPassReport, type NegativationPassTotals } from './cycle/negativation-pass.js';
export { type WaitingForNotice } from './cycle/outcome-listing.js';
export { type PaymentOutcome } from './payments/record-payment.js';
export { owedNowSchema, type OwedNow } from './payments/owed-now.js';
export { recordDisputeSchema, resolveDisputeSchema } from './disputes/disputes.js';
export { type NegotiationOutcome } from './agreements/negotiate.js';
export { type AppErrorCode, type CollectionsErrorCode, type CollectionsError } from './errors.js';
export { CYCLE_ACTOR } from './cycle/actor.js';
export {
  checkConfiguration,
  configurationInputSchema,
  type Configuration,
  type ConfigurationInput,
  type ConfigurationError,
  type ConfigurationProblem,
  type ConfigurationProblemCode,
} from './settings/check-configuration.js';
export {
  settingLevelSchema,
  settingsTreeSchema,
  DEFAULT_COLLECTION_SETTINGS,
  type CollectionSettings,
  type CollectionSettingKey,
  type SettingLevelInput,
  type SettingsTreeInput,
  type SettingsTree,
} from './settings/settings-tree.js';
export { type SettingsSubject, type SubjectSettings, RULER_SETTING_KEYS, NEGATIVATION_SETTING_KEYS } from './settings/subject-settings.js';
export { type RequestNegativationInput, type RequestAuthorization } from './negativation/request-negativation.js';
export { type RecordNoticeReadInput } from './negativation/notice-read.js';
