/**
 * Protest: the notarial protest of a title (Lei 9.492/1997), as a state
 * machine driven by one transition table: the request and its guards, the
 * notary's protocol and its three business days (art. 12), the notice
 * (art. 14), payment at the notary (art. 19), the protest, and its
 * cancellation after payment with the creditor's letter of consent (the
 * debtor's task unless agreed otherwise, STJ Tema 725). Pure functions over
 * plain, JSON-serialisable data.
 * Every function here checks its input; the unchecked internals (the
 * transition table and the guard objects) are not part of the public surface,
 * as in `cobranca/negativation`: {@link protestEventsAllowedIn} and
 * {@link protestStateDiagram} are the read-only views of the table.
 * @module protest
 */
export { type ProtestErrorCode, type ProtestError } from './errors.js';
export { PROTEST_STATUSES, PROTEST_STATUS_LABELS, type ProtestStatus, isFinalProtestStatus, isProtestStanding, protestOccupiesKey } from './status.js';
export { DEFAULT_PROTEST_SETTINGS, protestSettingsSchema, protestSettingsShape, type ProtestSettings, type ProtestSettingsInput } from './settings.js';
export { type Protest, type ProtestNotice, type ProtestNoticeChannel, type ProtestPayment, type ProtestHistoryEntry, protestKey, keyOfProtest } from './protest.js';
export { protestEventSchema, PROTEST_EVENT_TYPES, type ProtestEvent, type ProtestEventInput, type ProtestEventType, type ProtestEventOf } from './events.js';
export { type ProtestEffect, type ProtestEffectType, type ProtestAlert } from './effects.js';
export { registrationDeadline, paperNoticeDueOn, letterOfConsentDeadline, effectiveNoticeOn } from './deadlines.js';
export { protestPrescriptionOn, type ProtestGuardName, type ProtestGuardStage, type ProtestGuardViolation } from './guards.js';
export { protestEventsAllowedIn } from './transition-table.js';
export { transitionProtest, type ProtestTransitionResult } from './transition.js';
export { startProtest, protestRequestSchema, type ProtestRequestInput } from './start.js';
export { protestStateDiagram } from './diagram.js';
